// The dashboard's price-warning map: each member coloured by its worst current ALPS band (a price at most two
// months old), members without a current price left grey; a click opens the country's Prices tab.
(function () {
  'use strict';
  var el = document.getElementById('price-map');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var colours = ['#2e7d32', '#f9a825', '#ef6c00', '#c62828'];

  Promise.all([
    fetch(el.dataset.world).then(function (r) { return r.json(); }),
    fetch(el.dataset.shapes, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }),
    fetch(el.dataset.src, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); })
  ]).then(function (results) {
    echarts.registerMap('world', results[0]);
    var members = {};
    results[1].members.forEach(function (m) { members[m.iso3] = m; });
    var data = results[2].members.filter(function (row) { return members[row.country]; }).map(function (row) {
      var m = members[row.country];
      return { name: m.shape, value: row.severity, iso3: row.country, label: m.name, band: row.label };
    });
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: function (p) { return p.data ? escapeHtml(p.data.label) + ': ' + escapeHtml(p.data.band) : ''; }
      },
      visualMap: {
        type: 'piecewise',
        pieces: results[2].legend.map(function (l) { return { value: l.severity, label: l.label, color: colours[l.severity] }; }),
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
        window.location.href = el.dataset.countryBase + p.data.iso3 + '?tab=prices';
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.ready = 'true';
  });

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
})();
