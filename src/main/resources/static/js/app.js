// Inventario-TI: behaviour shared by every page. No inline scripts anywhere (CSP script-src 'self').
(function () {
  'use strict';

  // htmx requests that change something carry the CSRF token, like the forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.body.dataset.csrfHeader;
    var token = document.body.dataset.csrfToken;
    if (header && token && event.detail.verb !== 'get') {
      event.detail.headers[header] = token;
    }
  });

  // <form data-confirmar="question">: ask before submitting (deletes, password resets).
  document.addEventListener('submit', function (event) {
    var question = event.target.dataset ? event.target.dataset.confirmar : null;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Elements with data-autosubmit submit their form when changed (filters, selects).
  document.addEventListener('change', function (event) {
    var el = event.target;
    if (el.dataset && el.dataset.autosubmit !== undefined && el.form && !el.form.hasAttribute('hx-get')) {
      el.form.requestSubmit();
    }
  });
})();
