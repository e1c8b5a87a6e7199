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

  // <form data-confirmar="question">, or a submit button with it: ask before submitting (deletes,
  // password resets, running an import).
  document.addEventListener('submit', function (event) {
    var boton = event.submitter;
    var question = boton && boton.dataset && boton.dataset.confirmar ? boton.dataset.confirmar
      : (event.target.dataset ? event.target.dataset.confirmar : null);
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

// "Back to the list" keeps the list's filters (issue 13): a list page (an element with data-lista="name")
// remembers its query string for this tab, also after htmx pushes a new one; a link with
// data-volver-a="name" goes back to the list with it.
(function () {
  'use strict';

  function guardar() {
    var lista = document.querySelector('[data-lista]');
    if (lista) {
      try {
        window.sessionStorage.setItem('lista:' + lista.dataset.lista, window.location.search);
      } catch (e) { /* storage off: the link keeps its plain address */ }
    }
  }

  function volver() {
    document.querySelectorAll('a[data-volver-a]').forEach(function (enlace) {
      var consulta = null;
      try {
        consulta = window.sessionStorage.getItem('lista:' + enlace.dataset.volverA);
      } catch (e) { /* storage off */ }
      if (consulta && consulta.charAt(0) === '?') {
        enlace.setAttribute('href', enlace.getAttribute('href').split('?')[0] + consulta);
      }
    });
  }

  guardar();
  volver();
  document.addEventListener('htmx:pushedIntoHistory', guardar);
})();
