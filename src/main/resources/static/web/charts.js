// Draws each <canvas data-chart-table="ID"> from the table with that id, so the chart and the accessible table
// always show the same figures. Series: the header cells with data-series; labels: each body row's first cell;
// values: each cell's data-value (empty = no data, a gap). Series differ in line style and point shape as well as
// colour. Needs Chart.js (from its WebJar), loaded before this script.
(function () {
  'use strict';
  var colours = ['#1d5fa0', '#4c2c92', '#00703c', '#6f3800', '#942514'];
  var dashes = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4]];
  var points = ['circle', 'rect', 'triangle', 'rectRot', 'star'];

  function number(cell) {
    var raw = cell ? cell.getAttribute('data-value') : null;
    return raw === null || raw === '' ? null : Number(raw);
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-table'));
    if (!table || typeof Chart === 'undefined') {
      return;
    }
    var type = canvas.getAttribute('data-chart-type') || 'line';
    var unit = canvas.getAttribute('data-chart-unit') || '';
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (row) {
      return row.cells.length === headers.length;
    });
    var datasets = [];
    headers.forEach(function (header, column) {
      if (!header.hasAttribute('data-series')) {
        return;
      }
      var i = datasets.length;
      datasets.push({
        label: header.getAttribute('data-series'),
        data: rows.map(function (row) { return number(row.cells[column]); }),
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        borderDash: dashes[i % dashes.length],
        pointStyle: points[i % points.length],
        pointRadius: 5,
        spanGaps: false
      });
    });
    var horizontal = canvas.getAttribute('data-chart-index-axis') === 'y';
    var valueAxis = {
      beginAtZero: true,
      suggestedMax: unit === '%' ? 100 : undefined,
      ticks: { callback: function (v) { return v + unit; } }
    };
    new Chart(canvas, {
      type: type,
      data: { labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }), datasets: datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: horizontal ? { x: valueAxis } : { y: valueAxis },
        plugins: {
          legend: { labels: { usePointStyle: true } },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + c.formattedValue + unit; } } }
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart-table]'), draw);
  });
}());
