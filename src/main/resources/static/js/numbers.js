// Numbers and months in charts as the page's tables write them: the reader's language and digits (Arabic-Indic
// for Arabic unless the reader chose Western digits, which the page's data-locale says: "ar-u-nu-latn"), and the
// chart options every chart shares for right-to-left pages: mirrored axes, labels kept inside the frame.
window.fseNumbers = (function () {
  'use strict';
  var root = document.documentElement;
  var locale = root.dataset.locale || root.lang || 'en';
  var rtl = root.dir === 'rtl';
  var formats = {};

  function formatter(decimals) {
    var key = String(decimals);
    if (!formats[key]) {
      formats[key] = new Intl.NumberFormat(locale, decimals === undefined ? {} : {
        minimumFractionDigits: 0, maximumFractionDigits: decimals
      });
    }
    return formats[key];
  }

  // A number as the tables show it. Intl writes the minus sign with the bidirectional mark of the reader's locale
  // (ALM for Arabic digits, LRM for Western ones), so that it stays with its number in a right-to-left chart.
  function format(value, decimals) {
    if (value === null || value === undefined || value === '' || isNaN(value)) {
      return '';
    }
    return formatter(decimals).format(Number(value));
  }

  // Digits of a label made of numbers ("2024", "2024-05") in the reader's digits.
  function digits(text) {
    var zero = formatter(0).format(0);
    if (zero === '0') {
      return String(text);
    }
    var base = zero.charCodeAt(0);
    return String(text).replace(/[0-9]/g, function (d) { return String.fromCharCode(base + Number(d)); });
  }

  return {
    rtl: rtl,
    format: format,
    digits: digits,
    // The axis options of a chart over categories (years, months): mirrored for right-to-left readers.
    categoryAxis: function (data, extra) {
      return Object.assign({ type: 'category', data: data, inverse: rtl,
        axisLabel: { formatter: function (v) { return digits(v); } } }, extra || {});
    },
    valueAxis: function (extra) {
      return Object.assign({ type: 'value', position: rtl ? 'right' : 'left', nameLocation: 'end',
        nameTextStyle: { align: rtl ? 'right' : 'left' },
        axisLabel: { formatter: function (v) { return format(v); } } }, extra || {});
    },
    // A grid that keeps axis labels inside the chart's frame whatever their length.
    grid: function (extra) {
      return Object.assign({ left: 16, right: 16, top: 40, bottom: 30, containLabel: true }, extra || {});
    },
    tooltipValue: function (v) { return format(v); }
  };
})();
