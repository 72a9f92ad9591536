// The dashboard's price-warning map: each member coloured by its warning level (per commodity, the national average
// or the band a third of its markets are in), with the commodities behind it on hover; members without a current
// price are left grey; a click opens the country's Prices tab.
(function () {
  'use strict';
  var colours = ['#2e7d32', '#f9a825', '#ef6c00', '#c62828'];

  window.fseChoropleth(document.getElementById('price-map'), {
    tab: 'prices',
    rows: function (warnings) {
      return warnings.members
        .filter(function (row) { return row.severity !== null; })
        .map(function (row) { return { iso3: row.country, value: row.severity, text: row.label }; });
    },
    visualMap: function (warnings) {
      return {
        type: 'piecewise',
        pieces: warnings.legend.map(function (l) { return { value: l.severity, label: l.label, color: colours[l.severity] }; })
      };
    }
  });
})();
