// The commodity page's map: each member coloured by its self-sufficiency ratio for the year shown. The map is in
// an htmx fragment, so it is drawn whenever a fragment holding #ssr-map arrives.
(function () {
  'use strict';

  function draw(el) {
    if (!el || el.dataset.ready || typeof echarts === 'undefined') {
      return;
    }
    Promise.all([
      fetch(el.dataset.world).then(function (r) { return r.json(); }),
      fetch(el.dataset.shapes, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }),
      fetch(el.dataset.src, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); })
    ]).then(function (results) {
      echarts.registerMap('world', results[0]);
      var members = {};
      results[1].members.forEach(function (m) { members[m.iso3] = m; });
      var data = results[2].countries.filter(function (row) { return row.value !== null && members[row.country]; })
        .map(function (row) {
          var m = members[row.country];
          return { name: m.shape, value: Number(row.value), iso3: row.country, label: m.name };
        });
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: {
          trigger: 'item',
          formatter: function (p) { return p.data ? escapeHtml(p.data.label) + ': ' + p.data.value.toFixed(1) + ' %' : ''; }
        },
        visualMap: {
          min: 0, max: 150, calculable: true, text: [el.dataset.label, ''],
          inRange: { color: ['#b2182b', '#f4a582', '#f7f7f7', '#92c5de', '#2166ac'] },
          left: document.documentElement.dir === 'rtl' ? 'right' : 'left', bottom: 0
        },
        series: [{
          type: 'map', map: 'world', roam: true, center: [45, 18], zoom: 2.2, data: data,
          itemStyle: { areaColor: '#e6e9e8', borderColor: '#ffffff', borderWidth: 0.5 },
          emphasis: { label: { show: false } }
        }]
      });
      chart.on('click', function (p) {
        if (p.data && p.data.iso3) {
          window.location.href = el.dataset.countryBase + p.data.iso3 + '?tab=foodbalance';
        }
      });
      window.addEventListener('resize', function () { chart.resize(); });
      el.dataset.ready = 'true';
    });
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  document.addEventListener('htmx:afterSettle', function () { draw(document.getElementById('ssr-map')); });
  draw(document.getElementById('ssr-map'));
})();
