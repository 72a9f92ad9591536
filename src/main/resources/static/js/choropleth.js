// A map of the OIC members coloured by one value each, shared by the commodity page's self-sufficiency map and the
// dashboard's price-warning map. The element names the world shapes (data-world), the member list
// (data-shapes) and the values (data-src); a click opens the member's page on the given tab.
window.fseChoropleth = function (el, options) {
  'use strict';
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
    // options.rows turns the values into [{iso3, value, text}]; each becomes a shape of the map.
    var data = options.rows(results[2]).filter(function (row) { return members[row.iso3]; }).map(function (row) {
      var m = members[row.iso3];
      return { name: m.shape, value: row.value, iso3: row.iso3, label: m.name, text: row.text };
    });
    var visualMap = options.visualMap(results[2]);
    visualMap.left = document.documentElement.dir === 'rtl' ? 'right' : 'left';
    visualMap.bottom = 0;
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: function (p) { return p.data ? escapeHtml(p.data.label) + ': ' + escapeHtml(p.data.text) : ''; }
      },
      visualMap: visualMap,
      series: [{
        type: 'map', map: 'world', roam: true, center: [45, 18], zoom: 2.2, data: data,
        itemStyle: { areaColor: '#e6e9e8', borderColor: '#ffffff', borderWidth: 0.5 },
        emphasis: { label: { show: false } }
      }]
    });
    chart.on('click', function (p) {
      if (p.data && p.data.iso3) {
        window.location.href = el.dataset.countryBase + p.data.iso3 + '?tab=' + options.tab;
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
};
