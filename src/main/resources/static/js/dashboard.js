// Draws the dashboard's charts from the tables under them, so a chart never shows a number the
// table does not. Without JavaScript the tables alone carry every figure.
(function () {
  'use strict';

  // Okabe and Ito's palette, told apart with the common forms of colour blindness.
  var PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

  function readTable(table) {
    var columns = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      return Array.prototype.map.call(tr.querySelectorAll('td'), function (td) {
        return { text: td.textContent.trim(), value: td.getAttribute('data-value') };
      });
    });
    return { columns: columns, rows: rows };
  }

  // Every column between the first (the label) and the last (the total) is a channel.
  function channelSeries(data, type) {
    var series = [];
    for (var c = 1; c < data.columns.length - 1; c++) {
      series.push({
        name: data.columns[c],
        type: type,
        stack: type === 'bar' ? 'channels' : undefined,
        showSymbol: data.rows.length < 40,
        connectNulls: false,
        data: data.rows.map(function (row) {
          return row[c].value === '' ? null : Number(row[c].value);
        })
      });
    }
    return series;
  }

  function baseOption(labels) {
    return {
      color: PALETTE,
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 }
    };
  }

  function drawTrend(element, data) {
    var option = baseOption(data.rows.map(function (row) { return row[0].text; }));
    option.aria.decal.show = false;
    option.series = channelSeries(data, 'line');
    echarts.init(element).setOption(option);
  }

  function drawBreakdown(element, data) {
    var rows = data.rows.slice(0, 12).reverse();
    var option = baseOption(null);
    option.tooltip.axisPointer = { type: 'shadow' };
    option.xAxis = { type: 'value', minInterval: 1 };
    option.yAxis = { type: 'category', data: rows.map(function (row) { return row[0].text; }) };
    option.series = channelSeries({ columns: data.columns, rows: rows }, 'bar');
    echarts.init(element).setOption(option);
  }

  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('[data-chart-for]').forEach(function (element) {
    var table = document.getElementById(element.getAttribute('data-chart-for'));
    if (!table) {
      element.hidden = true;
      return;
    }
    var data = readTable(table);
    if (element.getAttribute('data-chart-for') === 'trend-table') {
      drawTrend(element, data);
    } else {
      drawBreakdown(element, data);
    }
  });
  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-chart-for]').forEach(function (element) {
      var chart = echarts.getInstanceByDom(element);
      if (chart) {
        chart.resize();
      }
    });
  });
})();
