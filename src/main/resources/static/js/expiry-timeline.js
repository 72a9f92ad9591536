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
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: keys, inverse: document.documentElement.dir === 'rtl' },
    yAxis: { type: 'value', name: el.dataset.label, position: document.documentElement.dir === 'rtl' ? 'right' : 'left' },
    series: [{
      type: 'bar',
      data: keys.map(function (k) { return { value: months[k], itemStyle: { color: k < now ? '#c62828' : '#1f5fa8' } }; })
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
  el.dataset.ready = 'true';
})();
