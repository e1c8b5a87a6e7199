package org.inventarioti.demo;

import org.inventarioti.cli.ProgressBar;

/**
 * Progress of a long job in stages: a bar redrawn in place on a terminal, plain lines (every 10%)
 * otherwise, so logs and CI output stay readable.
 */
final class Progreso {

    private final ProgressBar bar;
    private final String label;
    private final long total;
    private long done;
    private int lastShown = -1;

    Progreso(ProgressBar bar, String label, long total) {
        this.bar = bar;
        this.label = label;
        this.total = Math.max(1, total);
    }

    static Progreso silencioso() {
        return new Progreso(ProgressBar.silent(), "", 1);
    }

    Progreso etapa(String newLabel, long newTotal) {
        return new Progreso(bar, newLabel, newTotal);
    }

    void avanzar(long n) {
        done = Math.min(total, done + n);
        int percent = (int) (done * 100 / total);
        if (bar.terminal()) {
            if (percent != lastShown) {
                bar.draw(label + " ", percent, 100, percent + "% " + done + "/" + total);
            }
        } else if (percent / 10 != lastShown / 10 || lastShown < 0) {
            bar.line(label + ": " + done + "/" + total + " (" + percent + "%)");
        }
        lastShown = percent;
    }

    void terminar() {
        if (done < total) {
            avanzar(total - done);
        }
        if (bar.terminal()) {
            bar.keep();
        }
    }
}
