package org.inventarioti.demo;

import java.io.PrintWriter;

/**
 * Progress of a long job: a bar redrawn in place on a terminal, plain lines (every 10%) otherwise,
 * so logs and CI output stay readable.
 */
final class Progreso {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final String label;
    private final long total;
    private long done;
    private int lastShown = -1;

    Progreso(PrintWriter out, boolean terminal, String label, long total) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.total = Math.max(1, total);
    }

    static Progreso silencioso() {
        return new Progreso(new PrintWriter(java.io.OutputStream.nullOutputStream()), false, "", 1);
    }

    Progreso etapa(String newLabel, long newTotal) {
        return new Progreso(out, terminal, newLabel, newTotal);
    }

    void avanzar(long n) {
        done = Math.min(total, done + n);
        int percent = (int) (done * 100 / total);
        if (terminal) {
            if (percent != lastShown) {
                int filled = percent * WIDTH / 100;
                out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                        + done + "/" + total);
                out.flush();
            }
        } else if (percent / 10 != lastShown / 10 || lastShown < 0) {
            out.println(label + ": " + done + "/" + total + " (" + percent + "%)");
            out.flush();
        }
        lastShown = percent;
    }

    void terminar() {
        if (done < total) {
            avanzar(total - done);
        }
        if (terminal) {
            out.println();
            out.flush();
        }
    }
}
