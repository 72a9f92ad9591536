// The projects pages' charts: the portfolio map (a point per project location, or its members' capitals where it
// names none; a click opens the project), a project's committed and disbursed US dollars per year, and each result
// indicator's targets against the path its actuals took. Data comes from each element's data attributes.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var rtl = document.documentElement.dir === 'rtl';
  var charts = [];

  function portfolioMap(el) {
    var points = JSON.parse(el.dataset.points || '[]');
    fetch(el.dataset.world).then(function (r) { return r.json(); }).then(function (world) {
      echarts.registerMap('world', world);
      var chart = echarts.init(el);
      charts.push(chart);
      chart.setOption({
        tooltip: { trigger: 'item', formatter: function (p) { return p.data.title + '<br>' + p.data.place; } },
        geo: { map: 'world', roam: true, center: [30, 12], zoom: 2.1,
               itemStyle: { areaColor: '#eceff1', borderColor: '#b0bec5' } },
        series: [{
          type: 'scatter', coordinateSystem: 'geo', symbolSize: 9,
          data: points.map(function (p) {
            return { name: p.title, title: p.title, place: p.place, project: p.project,
                     value: [p.longitude, p.latitude], symbol: p.site ? 'circle' : 'emptyCircle',
                     itemStyle: { color: '#1f5fa8' } };
          }),
          label: { show: false, position: rtl ? 'left' : 'right' }
        }]
      });
      chart.on('click', function (p) {
        if (p.data && p.data.project) {
          window.location.href = el.dataset.link + p.data.project;
        }
      });
      el.dataset.ready = 'true';
    });
  }

  // A chart over years: the element's data-chart gives the years, each series its values.
  function overYears(el, series, yAxis) {
    var data = JSON.parse(el.dataset.chart);
    var chart = echarts.init(el);
    charts.push(chart);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: fseNumbers.tooltipValue },
      legend: { top: 0 },
      grid: fseNumbers.grid(),
      xAxis: fseNumbers.categoryAxis(data.years.map(String)),
      yAxis: fseNumbers.valueAxis(yAxis),
      series: series(data)
    });
    el.dataset.ready = 'true';
  }

  function financing(el) {
    overYears(el, function (data) {
      return [
        { name: el.dataset.committed, type: 'bar', data: data.committed, itemStyle: { color: '#90a4ae' } },
        { name: el.dataset.disbursed, type: 'bar', data: data.disbursed, itemStyle: { color: '#1f5fa8' } }
      ];
    });
  }

  function indicator(el) {
    overYears(el, function (data) {
      return [
        { name: el.dataset.actual, type: 'line', data: data.actuals, connectNulls: true, itemStyle: { color: '#2e7d32' } },
        { name: el.dataset.target, type: 'line', data: data.targets, connectNulls: true, symbol: 'diamond',
          lineStyle: { type: 'dashed' }, itemStyle: { color: '#ef6c00' } }
      ];
    }, { scale: true });
  }

  var map = document.getElementById('portfolio-map');
  if (map) {
    portfolioMap(map);
  }
  var money = document.getElementById('financing-chart');
  if (money) {
    financing(money);
  }
  document.querySelectorAll('[data-indicator-chart]').forEach(indicator);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
