// The strategy page's charts: self-sufficiency by scope over the years, surplus and deficit members on the map, the
// largest flows between members (a Sankey chart, exporters on one side and importers on the other), and the OIC's
// share of its own imports over time. Data comes from each element's data attributes, names already translated.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var rtl = document.documentElement.dir === 'rtl';
  var charts = [];

  function history(el) {
    var data = JSON.parse(el.dataset.series || '{"series":{},"targets":[]}');
    var series = data.series;
    var names = { OIC: el.dataset.nameOic, ARAB: el.dataset.nameArab, AFRICAN: el.dataset.nameAfrican, ASIAN: el.dataset.nameAsian };
    var chart = echarts.init(el);
    charts.push(chart);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'value', min: 'dataMin', max: 'dataMax', inverse: rtl, axisLabel: { formatter: String } },
      yAxis: { type: 'value', name: el.dataset.label, position: rtl ? 'right' : 'left' },
      series: Object.keys(series).map(function (scope) {
        return { type: 'line', name: names[scope] || scope, data: series[scope].map(function (p) { return [p[0], Number(p[1])]; }),
                 lineStyle: { width: scope === 'OIC' ? 3 : 1.5 } };
      }).concat(projections(data.targets, names, el.dataset))
    });
  }

  // Each target: the projected path (dashed), its 95 % interval (dotted) and the target itself (a diamond).
  function projections(targets, names, labels) {
    var out = [];
    targets.forEach(function (t) {
      var name = (names[t.scope] || t.scope) + ' ' + labels.projectionLabel;
      var from = [t.latestYear, Number(t.latest)];
      out.push({ type: 'line', name: name, data: [from, [t.year, t.value]], lineStyle: { type: 'dashed' }, symbol: 'none' });
      out.push({ type: 'line', name: name, data: [from, [t.year, t.low]], lineStyle: { type: 'dotted', width: 1 }, symbol: 'none' });
      out.push({ type: 'line', name: name, data: [from, [t.year, t.high]], lineStyle: { type: 'dotted', width: 1 }, symbol: 'none' });
      out.push({ type: 'scatter', name: (names[t.scope] || t.scope) + ' ' + labels.targetLabel,
                 data: [[t.year, Number(t.target)]], symbol: 'diamond', symbolSize: 14 });
    });
    return out;
  }

  function sankey(el) {
    var data = JSON.parse(el.dataset.sankey || '{"nodes":[],"links":[]}');
    var labels = {};
    data.nodes.forEach(function (n) { labels[n.name] = n.label; });
    var chart = echarts.init(el);
    charts.push(chart);
    chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          if (p.dataType === 'edge') {
            return escapeHtml(labels[p.data.source]) + ' → ' + escapeHtml(labels[p.data.target]) + ': '
              + fseNumbers.format(p.data.value, 0) + ' t';
          }
          return escapeHtml(labels[p.name]);
        }
      },
      series: [{
        type: 'sankey', data: data.nodes.map(function (n) { return { name: n.name }; }),
        links: data.links.map(function (l) { return { source: l.source, target: l.target, value: Number(l.value) }; }),
        orient: 'horizontal', nodeAlign: rtl ? 'right' : 'justify', left: 10, right: 120,
        label: { formatter: function (p) { return labels[p.name]; } },
        lineStyle: { color: 'source', opacity: 0.4 }
      }]
    });
  }

  function share(el) {
    var years = JSON.parse(el.dataset.share || '[]');
    var chart = echarts.init(el);
    charts.push(chart);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', inverse: rtl, data: years.map(function (y) { return String(y.year); }) },
      yAxis: { type: 'value', name: el.dataset.label, max: 100, position: rtl ? 'right' : 'left' },
      series: [{ type: 'bar', data: years.map(function (y) { return y.memberShare === null ? null : Number(y.memberShare); }),
                 itemStyle: { color: '#1f7a4d' } }]
    });
  }

  function surplusMap(el) {
    window.fseChoropleth(el, {
      tab: 'foodbalance',
      rows: function (summary) {
        return summary.members.filter(function (m) { return m.selfSufficiency !== null; }).map(function (m) {
          return { iso3: m.iso3, value: Number(m.selfSufficiency), text: fseNumbers.format(m.selfSufficiency, 1) + ' %' };
        });
      },
      visualMap: function () {
        return {
          type: 'piecewise',
          pieces: [{ lt: 100, label: el.dataset.deficit, color: '#d6604d' }, { gte: 100, label: el.dataset.surplus, color: '#2166ac' }]
        };
      }
    });
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  var el;
  if ((el = document.getElementById('history-chart'))) { history(el); }
  if ((el = document.getElementById('sankey-chart'))) { sankey(el); }
  if ((el = document.getElementById('share-chart'))) { share(el); }
  if ((el = document.getElementById('surplus-map'))) { surplusMap(el); }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
