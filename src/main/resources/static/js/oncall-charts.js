// On-call load charts: each is drawn from the table next to it, so the chart shows exactly what the table says.
// Without JavaScript (or Chart.js) the table alone is shown.
(function () {
  'use strict';
  function draw(table) {
    var box = document.querySelector('[data-chart-for="' + table.id + '"]');
    if (!box || typeof window.Chart === 'undefined') {
      return;
    }
    var heads = table.querySelectorAll('thead th');
    var rows = table.querySelectorAll('tbody tr');
    var labels = [];
    var series = [[], [], []];
    rows.forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      var cells = row.querySelectorAll('td');
      for (var i = 0; i < 3; i++) {
        series[i].push(parseInt(cells[i].textContent, 10) || 0);
      }
    });
    // one calm hue in three shades, darkest for sleep hours; the legend names each, the table holds the numbers
    var colours = ['#9cc3d5', '#4f8fad', '#1f4e66'];
    box.hidden = false;
    new window.Chart(box.querySelector('canvas'), {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [0, 1, 2].map(function (i) {
          return { label: heads[i + 1].textContent.trim(), data: series[i], backgroundColor: colours[i] };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }
  function start() {
    document.querySelectorAll('table[data-chart]').forEach(draw);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
