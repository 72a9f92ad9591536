// Price series charts: a click on a series' chart button draws, under its table, the price with the ALPS seasonal
// trend and each month coloured by its ALPS band. Tables arrive in htmx fragments, so clicks are delegated.
(function () {
  'use strict';
  var colours = ['#2e7d32', '#f9a825', '#ef6c00', '#c62828'];

  document.addEventListener('click', function (event) {
    var button = event.target.closest('.series-chart-button');
    if (!button || typeof echarts === 'undefined') {
      return;
    }
    var box = button.closest('.prices-table').querySelector('.series-chart');
    fetch(button.dataset.chart, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) { draw(box, data); });
  });

  function draw(box, data) {
    box.classList.remove('d-none');
    var existing = echarts.getInstanceByDom(box);
    if (existing) {
      existing.dispose();
    }
    var chart = echarts.init(box);
    var banded = data.bandLabels.map(function (label, band) {
      return {
        name: label,
        type: 'scatter',
        symbolSize: 7,
        itemStyle: { color: colours[band] },
        data: data.months.map(function (m, i) { return data.bands[i] === band ? [m, data.price[i]] : null; })
          .filter(function (p) { return p !== null; })
      };
    });
    chart.setOption({
      animation: false,
      title: { text: data.title, textStyle: { fontSize: 13 }, left: fseNumbers.rtl ? 'right' : 'left' },
      tooltip: { trigger: 'axis', valueFormatter: fseNumbers.tooltipValue },
      legend: { bottom: 0, data: [data.priceLabel, data.trendLabel].concat(data.bandLabels) },
      grid: fseNumbers.grid({ bottom: 60 }),
      xAxis: fseNumbers.categoryAxis(data.months),
      yAxis: fseNumbers.valueAxis({ scale: true }),
      series: [
        { name: data.priceLabel, type: 'line', showSymbol: false, data: data.price, lineStyle: { color: '#37474f' },
          itemStyle: { color: '#37474f' } },
        { name: data.trendLabel, type: 'line', showSymbol: false, data: data.trend,
          lineStyle: { type: 'dashed', color: '#1f5fa8' }, itemStyle: { color: '#1f5fa8' } }
      ].concat(banded)
    });
    window.addEventListener('resize', function () { chart.resize(); });
    box.dataset.ready = 'true';
    box.scrollIntoView({ block: 'nearest' });
  }
})();
