// Draws a plan's flows on the world map: a line from each hub to each delivery point it serves (through a transfer
// hub when the plan says so), thicker for more tonnes and coloured by mode; hubs and points are marked.
(function () {
  'use strict';
  var el = document.getElementById('plan-map');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var colours = { SEA: '#1565c0', RAIL: '#6a1b9a', ROAD: '#ef6c00' };
  var tonnesLabel = el.dataset.tonnes;
  var modeNames = JSON.parse(el.dataset.modes || '{}');
  var rtl = document.documentElement.dir === 'rtl';

  // The box around every hub and point of the plan, with a margin, so that the map opens on the flows.
  function bounds(flows) {
    var lon = [], lat = [];
    flows.forEach(function (f) {
      lon.push(f.hubLongitude, f.pointLongitude);
      lat.push(f.hubLatitude, f.pointLatitude);
    });
    var west = Math.min.apply(null, lon), east = Math.max.apply(null, lon);
    var south = Math.min.apply(null, lat), north = Math.max.apply(null, lat);
    var margin = Math.max(4, (east - west) * 0.15, (north - south) * 0.15);
    return [[Math.max(-180, west - margin), Math.min(85, north + margin)],
            [Math.min(180, east + margin), Math.max(-60, south - margin)]];
  }

  Promise.all([
    fetch(el.dataset.world).then(function (r) { return r.json(); }),
    fetch(el.dataset.src, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); })
  ]).then(function (results) {
    echarts.registerMap('world', results[0]);
    draw(results[1]);
  });

  function lastMode(mode) {
    var parts = mode.split('+');
    return parts[parts.length - 1];
  }

  function draw(flows) {
    var most = flows.reduce(function (m, f) { return Math.max(m, f.tonnes); }, 1);
    var lines = flows.map(function (f) {
      return {
        coords: [[f.hubLongitude, f.hubLatitude], [f.pointLongitude, f.pointLatitude]],
        name: f.hubName + (rtl ? ' ← ' : ' → ') + f.pointName,
        value: f.tonnes,
        mode: f.mode,
        lineStyle: { color: colours[lastMode(f.mode)] || '#455a64', width: 1 + 6 * f.tonnes / most }
      };
    });
    var places = {};
    flows.forEach(function (f) {
      places[f.hub] = { name: f.hubName, value: [f.hubLongitude, f.hubLatitude], symbol: 'rect' };
      places[f.point] = { name: f.pointName, value: [f.pointLongitude, f.pointLatitude], symbol: 'circle' };
    });
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return p.seriesType === 'lines'
            ? p.data.name + ' (' + p.data.mode.split('+').map(function (m) { return modeNames[m] || m; }).join(' + ')
              + '): ' + fseNumbers.format(p.data.value, 0) + ' ' + tonnesLabel
            : p.name;
        }
      },
      geo: {
        map: 'world', roam: true, itemStyle: { areaColor: '#eceff1', borderColor: '#b0bec5' },
        boundingCoords: flows.length ? bounds(flows) : null,
        center: flows.length ? null : [45, 15], zoom: flows.length ? 1 : 2.2
      },
      series: [
        { type: 'lines', coordinateSystem: 'geo', data: lines, zlevel: 1 },
        {
          type: 'scatter', coordinateSystem: 'geo', zlevel: 2, symbolSize: 8,
          data: Object.keys(places).map(function (k) { return places[k]; }),
          label: { show: true, formatter: '{b}', position: rtl ? 'left' : 'right', fontSize: 10 },
          // A label that would cover another is hidden; the tooltip still names the place.
          labelLayout: { hideOverlap: true }
        }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
})();
