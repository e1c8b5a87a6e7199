// Dashboard charts (Chart.js from its WebJar). The numbers come from the page itself, where they
// are also shown as tables, so the charts add nothing a screen reader would miss.
(function () {
  'use strict';
  var COLORES = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#d63384', '#20c997', '#6c757d', '#ffc107', '#0dcaf0', '#dc3545'];

  function dibujar() {
    var datos = document.getElementById('datos-panel');
    if (!datos || typeof Chart === 'undefined') {
      return;
    }
    var series = JSON.parse(datos.dataset.graficos);
    document.querySelectorAll('canvas[data-serie]').forEach(function (canvas) {
      var serie = series[canvas.dataset.serie];
      if (!serie || serie.valores.length === 0) {
        return;
      }
      var circular = canvas.dataset.serie === 'estado';
      new Chart(canvas, {
        type: circular ? 'doughnut' : 'bar',
        data: {
          labels: serie.etiquetas,
          datasets: [{
            data: serie.valores,
            backgroundColor: circular ? COLORES : COLORES[0],
            borderWidth: 1
          }]
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          indexAxis: circular ? undefined : 'y',
          plugins: { legend: { display: circular, position: 'bottom' } },
          scales: circular ? {} : { x: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', dibujar);
  } else {
    dibujar();
  }
})();
