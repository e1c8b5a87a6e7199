// Dashboard charts (Chart.js from its WebJar). The numbers come from the page itself, where they
// are also shown as tables, so the charts add nothing a screen reader would miss.
(function () {
  'use strict';
  var COLORES = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#d63384', '#20c997', '#6c757d', '#ffc107', '#0dcaf0', '#dc3545'];

  // Numbers as the page's language writes them, grouped from the thousands (1.200 / 1,200), as the
  // server formats the tables.
  function formato() {
    var lang = document.documentElement.lang || undefined;
    try {
      return new Intl.NumberFormat(lang, { useGrouping: 'always', maximumFractionDigits: 0 });
    } catch (e) {
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    }
  }

  // Writes each bar's number at its end, so every bar says what it counts.
  function cifras(numeros) {
    return {
    id: 'cifras',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = '#212529';
      ctx.font = '12px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach(function (barra, i) {
        ctx.fillText(numeros.format(chart.data.datasets[0].data[i]), barra.x + 4, barra.y);
      });
      ctx.restore();
    }
    };
  }

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
      var numeros = formato();
      if (!circular) {
        // Room for every bar's label: none is skipped however many there are.
        canvas.parentElement.style.height = Math.max(220, 28 * serie.valores.length + 40) + 'px';
      }
      new Chart(canvas, {
        plugins: circular ? [] : [cifras(numeros)],
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
          locale: document.documentElement.lang || undefined,
          animation: false,
          indexAxis: circular ? undefined : 'y',
          layout: { padding: { right: circular ? 0 : 48 } },
          plugins: {
            legend: { display: circular, position: 'bottom' },
            tooltip: { callbacks: { label: function (c) { return ' ' + numeros.format(circular ? c.parsed : c.parsed.x); } } }
          },
          scales: circular ? {} : {
            x: { beginAtZero: true, ticks: { precision: 0, callback: function (v) { return numeros.format(v); } } },
            y: { ticks: { autoSkip: false } }
          }
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
