// Moves the history import's progress bar along while the import runs, then reloads the page for the result.
// No inline script (CSP); without JavaScript the page shows where the import was when it was loaded.
(function () {
  'use strict';
  var box = document.getElementById('history-progress');
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute('data-status-url');
  var bar = document.getElementById('history-bar');
  var label = document.getElementById('history-label');
  var text = document.getElementById('history-status');

  function poll() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        if (status.finished) {
          window.location.reload();
          return;
        }
        bar.value = status.percent;
        bar.textContent = status.percent + '%';
        label.textContent = status.label;
        text.textContent = status.text;
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }
  window.setTimeout(poll, 500);
}());
