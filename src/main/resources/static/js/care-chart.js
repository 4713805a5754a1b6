// Draws the person's own measures (My aftercare) from the canvas's data-chart attribute. No inline script (CSP).
(function () {
  'use strict';
  function draw() {
    var canvas = document.getElementById('care-chart');
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var colours = ['#1f6f78', '#6b4f9e', '#a05a00', '#2f6b2f'];
    var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
    var styles = ['circle', 'rect', 'triangle', 'rectRot'];
    var datasets = data.series.filter(function (s) {
      return s.data.some(function (v) { return v !== null; });
    }).map(function (s, i) {
      return {
        label: s.label, data: s.data, spanGaps: true, borderColor: colours[i % 4], backgroundColor: colours[i % 4],
        borderDash: dashes[i % 4], pointStyle: styles[i % 4], pointRadius: 5, tension: 0.2
      };
    });
    new Chart(canvas, {
      type: 'line',
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
