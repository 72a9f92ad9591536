// Shows how far an htmx file upload has gone, then that the server is processing it.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) {
    return;
  }
  var box = document.getElementById('import-progress');
  var bar = document.getElementById('import-progress-bar');
  var text = document.getElementById('import-progress-text');

  form.addEventListener('htmx:beforeRequest', function () {
    box.classList.remove('d-none');
    bar.value = 0;
    bar.max = 100;
    text.textContent = text.dataset.uploading;
  });
  form.addEventListener('htmx:xhr:progress', function (event) {
    if (event.detail.lengthComputable && event.detail.total > 0) {
      bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
      if (event.detail.loaded >= event.detail.total) {
        bar.removeAttribute('value');
        text.textContent = text.dataset.processing;
      }
    }
  });
  form.addEventListener('htmx:afterRequest', function () {
    box.classList.add('d-none');
  });
})();
