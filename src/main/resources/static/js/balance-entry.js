// Runs the balance sheet's two identities on the national entry grid as the focal point types:
// supply (domestic supply = production + imports - exports - stock variation) and use (domestic supply = sum of uses).
(function () {
  'use strict';
  var grid = document.getElementById('entry-grid');
  var labels = document.getElementById('entry-labels');
  if (!grid || !labels) {
    return;
  }
  var USES = ['5521', '5527', '5123', '5131', '5154', '5171', '5170', '5142'];
  var TOLERANCE = 1.5;

  function value(row, element) {
    var input = row.querySelector('input[data-element="' + element + '"]');
    var number = input ? parseFloat(input.value) : NaN;
    return isNaN(number) ? null : number;
  }

  function show(badge, label, gap) {
    if (gap === null) {
      badge.textContent = '';
      badge.className = 'badge';
      return;
    }
    var ok = Math.abs(gap) <= TOLERANCE;
    badge.textContent = ok ? label : label + ' ' + labels.dataset.gap + ' ' + gap.toFixed(1);
    badge.className = 'badge ' + (ok ? 'text-bg-success' : 'text-bg-danger');
    badge.dataset.passes = String(ok);
  }

  function check(row) {
    var ds = value(row, '5301');
    var supply = null;
    var use = null;
    if (ds !== null) {
      supply = ds - ((value(row, '5511') || 0) + (value(row, '5611') || 0) - (value(row, '5911') || 0) - (value(row, '5072') || 0));
      use = ds - USES.reduce(function (sum, e) { return sum + (value(row, e) || 0); }, 0);
    }
    show(row.querySelector('[data-check="supply"]'), labels.dataset.supply, supply);
    show(row.querySelector('[data-check="use"]'), labels.dataset.use, use);
  }

  grid.querySelectorAll('tbody tr').forEach(check);
  grid.addEventListener('input', function (event) {
    var row = event.target.closest('tr');
    if (row) {
      check(row);
    }
  });
})();
