// Draws the OIC map on the dashboard: members coloured by geographic group, capitals marked so that small
// states show, a click opens the country page. Data comes from the element's data-src, in the page language.
(function () {
  'use strict';
  var el = document.getElementById('oic-map');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var styles = getComputedStyle(document.documentElement);
  var colours = {
    ARAB: styles.getPropertyValue('--group-arab').trim(),
    AFRICAN: styles.getPropertyValue('--group-african').trim(),
    ASIAN: styles.getPropertyValue('--group-asian').trim()
  };
  var rtl = document.documentElement.dir === 'rtl';

  Promise.all([
    fetch(el.dataset.world).then(function (r) { return r.json(); }),
    fetch(el.dataset.src, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); })
  ]).then(function (results) {
    echarts.registerMap('world', results[0]);
    draw(results[1]);
  });

  function draw(data) {
    var groupLabel = {};
    data.groups.forEach(function (g) { groupLabel[g.code] = g.label; });
    var byShape = {};
    data.members.forEach(function (m) { byShape[m.shape] = m; });

    var regions = data.members.map(function (m) {
      return { name: m.shape, itemStyle: { areaColor: colours[m.group] }, emphasis: { itemStyle: { areaColor: colours[m.group], opacity: 0.8 } } };
    });
    // The map series carries the members, so hovering or clicking a shape finds its country.
    var shapes = {
      type: 'map',
      geoIndex: 0,
      data: data.members.map(function (m) { return { name: m.shape, member: m }; })
    };
    var capitals = data.groups.map(function (g) {
      return {
        name: g.label,
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 6,
        itemStyle: { color: colours[g.code], borderColor: '#fff', borderWidth: 1 },
        data: data.members.filter(function (m) { return m.group === g.code; }).map(function (m) {
          return { name: m.name, value: [m.lon, m.lat], member: m };
        })
      };
    });

    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var m = p.data && p.data.member ? p.data.member : byShape[p.name];
          return m ? escapeHtml(m.name) + '<br>' + escapeHtml(groupLabel[m.group]) : '';
        }
      },
      legend: { bottom: 0, left: rtl ? 'right' : 'left', data: data.groups.map(function (g) { return g.label; }) },
      geo: {
        map: 'world',
        roam: true,
        center: [45, 18],
        zoom: 2.2,
        itemStyle: { areaColor: '#e6e9e8', borderColor: '#ffffff', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#d3d8d6' } },
        regions: regions
      },
      series: [shapes].concat(capitals)
    });

    chart.on('click', function (p) {
      var m = p.data && p.data.member ? p.data.member : byShape[p.name];
      if (m) {
        window.location.href = el.dataset.countryBase + m.iso3;
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.ready = 'true';
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
})();
