// The commodity page's map: each member coloured by its self-sufficiency ratio for the year shown. The map is in
// an htmx fragment, so it is drawn whenever a fragment holding #ssr-map arrives.
(function () {
  'use strict';

  function draw() {
    var el = document.getElementById('ssr-map');
    window.fseChoropleth(el, {
      tab: 'foodbalance',
      rows: function (indicator) {
        return indicator.countries.filter(function (row) { return row.value !== null; }).map(function (row) {
          return { iso3: row.country, value: Number(row.value), text: fseNumbers.format(row.value, 1) + ' %' };
        });
      },
      visualMap: function () {
        return {
          min: 0, max: 150, calculable: true, text: [el.dataset.label, ''],
          inRange: { color: ['#b2182b', '#f4a582', '#f7f7f7', '#92c5de', '#2166ac'] }
        };
      }
    });
  }

  document.addEventListener('htmx:afterSettle', draw);
  draw();
})();
