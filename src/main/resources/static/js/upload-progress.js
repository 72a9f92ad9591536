// The import page's progress bar: first how much of the file has been uploaded, then, polling the server, how
// much of it has been read, then that the rows are being merged.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) {
    return;
  }
  var box = document.getElementById('import-progress');
  var bar = document.getElementById('import-progress-bar');
  var text = document.getElementById('import-progress-text');
  var idField = document.getElementById('import-progress-id');
  var poller = null;

  function newId() {
    idField.value = (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : String(Date.now()) + '-' + Math.random().toString(16).slice(2);
  }

  function poll() {
    fetch(idField.dataset.poll + encodeURIComponent(idField.value), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) {
          return;
        }
        if (p.merging) {
          bar.removeAttribute('value');
          text.textContent = text.dataset.merging;
        } else if (p.totalBytes > 0) {
          bar.max = 100;
          bar.value = Math.round(p.bytesRead * 100 / p.totalBytes);
          text.textContent = text.dataset.processing + ' ' + bar.value + ' %';
        }
      })
      .catch(function () { /* the next poll tries again */ });
  }

  newId();
  form.addEventListener('htmx:beforeRequest', function () {
    box.classList.remove('d-none');
    bar.max = 100;
    bar.value = 0;
    text.textContent = text.dataset.uploading;
  });
  form.addEventListener('htmx:xhr:progress', function (event) {
    if (event.detail.lengthComputable && event.detail.total > 0) {
      bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
      if (event.detail.loaded >= event.detail.total && !poller) {
        bar.removeAttribute('value');
        text.textContent = text.dataset.processing;
        poller = setInterval(poll, 500);
      }
    }
  });
  form.addEventListener('htmx:afterRequest', function () {
    clearInterval(poller);
    poller = null;
    box.classList.add('d-none');
    newId();
  });
})();
