// Scanner page: reads an asset label's QR code with the camera and opens the asset. Uses the
// browser's BarcodeDetector where it exists, the vendored jsQR decoder otherwise, and leaves the
// typed-code form for when there is no camera or no permission. Only same-site asset URLs are
// followed: a foreign QR code never navigates away.
(function () {
  'use strict';
  var raiz = document.getElementById('escaner');
  if (!raiz) {
    return;
  }
  var video = document.getElementById('escaner-video');
  var estado = document.getElementById('escaner-estado');
  var boton = document.getElementById('escaner-iniciar');
  var manual = document.getElementById('codigo-manual');
  var canvas = document.createElement('canvas');
  var leyendo = false;

  function decir(texto) {
    estado.textContent = texto;
  }

  function destino(texto) {
    var valor = (texto || '').trim();
    try {
      var url = new URL(valor, window.location.origin);
      if (url.origin === window.location.origin && /^\/activos\/[^/]+$/.test(url.pathname)) {
        return url.pathname;
      }
    } catch (e) {
      // not a URL: maybe a bare asset code
    }
    if (/^[A-Za-z0-9._-]{1,100}$/.test(valor)) {
      return raiz.dataset.ir + '?codigo=' + encodeURIComponent(valor);
    }
    return null;
  }

  function encontrado(texto) {
    var ruta = destino(texto);
    if (!ruta) {
      decir(raiz.dataset.msgNoReconocido);
      return false;
    }
    leyendo = false;
    decir(raiz.dataset.msgAbriendo);
    window.location.assign(ruta);
    return true;
  }

  function sinCamara(mensaje) {
    decir(mensaje);
    boton.hidden = true;
    video.hidden = true;
    manual.focus();
  }

  function cargarJsQr() {
    return new Promise(function (resolve, reject) {
      if (window.jsQR) {
        resolve(window.jsQR);
        return;
      }
      var script = document.createElement('script');
      script.src = raiz.dataset.decodificador;
      script.onload = function () { resolve(window.jsQR); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function lector() {
    if ('BarcodeDetector' in window) {
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      return Promise.resolve(function () {
        return detector.detect(video).then(function (codigos) {
          return codigos.length ? codigos[0].rawValue : null;
        });
      });
    }
    return cargarJsQr().then(function (jsQR) {
      return function () {
        var ancho = video.videoWidth;
        var alto = video.videoHeight;
        if (!ancho || !alto) {
          return Promise.resolve(null);
        }
        canvas.width = ancho;
        canvas.height = alto;
        var contexto = canvas.getContext('2d', { willReadFrequently: true });
        contexto.drawImage(video, 0, 0, ancho, alto);
        var imagen = contexto.getImageData(0, 0, ancho, alto);
        var codigo = jsQR(imagen.data, ancho, alto, { inversionAttempts: 'dontInvert' });
        return Promise.resolve(codigo ? codigo.data : null);
      };
    });
  }

  function bucle(leer) {
    if (!leyendo) {
      return;
    }
    leer().then(function (texto) {
      if (texto && encontrado(texto)) {
        return;
      }
      window.setTimeout(function () { bucle(leer); }, 250);
    }).catch(function () {
      window.setTimeout(function () { bucle(leer); }, 500);
    });
  }

  function iniciar() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      sinCamara(raiz.dataset.msgSinCamara);
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        return video.play();
      })
      .then(lector)
      .then(function (leer) {
        leyendo = true;
        boton.hidden = true;
        decir(raiz.dataset.msgActiva);
        bucle(leer);
      })
      .catch(function (error) {
        var denegada = error && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
        sinCamara(denegada ? raiz.dataset.msgDenegada : raiz.dataset.msgSinCamara);
      });
  }

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    sinCamara(raiz.dataset.msgSinCamara);
  } else {
    boton.addEventListener('click', iniciar);
  }
})();
