// The Food balance tab's chart: a commodity's production, imports, exports, domestic supply and food over the
// years. The tab arrives as an htmx fragment, so the chart is (re)drawn whenever one holding it settles.
(function () {
  'use strict';
  var chart = null;

  function draw() {
    var select = document.getElementById('series-commodity');
    var el = document.getElementById('balance-chart');
    if (!select || !el || typeof echarts === 'undefined') {
      return;
    }
    var url = select.dataset.src + (select.dataset.src.indexOf('?') < 0 ? '?' : '&') + 'commodity=' + encodeURIComponent(select.value);
    fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (data) {
      if (chart && chart.getDom() !== el) {
        chart.dispose();
        chart = null;
      }
      chart = chart || echarts.init(el);
      chart.setOption({
        tooltip: { trigger: 'axis', valueFormatter: fseNumbers.tooltipValue },
        legend: { top: 0 },
        grid: fseNumbers.grid(),
        xAxis: fseNumbers.categoryAxis(data.years),
        yAxis: fseNumbers.valueAxis(),
        series: data.series.map(function (s) { return { name: s.name, type: 'line', data: s.values, connectNulls: false }; })
      }, true);
      el.dataset.ready = 'true';
    });
    if (!select.dataset.bound) {
      select.addEventListener('change', draw);
      select.dataset.bound = 'true';
    }
  }

  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
  draw();
})();
