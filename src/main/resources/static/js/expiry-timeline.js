// A hub's expiry timeline: tonnes on hand by the month their best-before date falls in, past months in red.
(function () {
  'use strict';
  var el = document.getElementById('expiry-timeline');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var months = JSON.parse(el.dataset.months);
  var keys = Object.keys(months).sort();
  var now = new Date().toISOString().slice(0, 7);
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: fseNumbers.tooltipValue },
    grid: fseNumbers.grid(),
    xAxis: fseNumbers.categoryAxis(keys),
    yAxis: fseNumbers.valueAxis({ name: el.dataset.label }),
    series: [{
      type: 'bar',
      data: keys.map(function (k) { return { value: months[k], itemStyle: { color: k < now ? '#c62828' : '#1f5fa8' } }; })
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
  el.dataset.ready = 'true';
})();
