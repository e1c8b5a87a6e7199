package org.inventarioti.cli;

import java.io.PrintWriter;

/**
 * The progress of a long command: on a terminal one bar redrawn in place, otherwise plain lines,
 * so logs, scripts and CI output stay readable. Callers say what the bar and the lines read.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;

    public ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar when {@code out} is a terminal that can redraw one, plain lines otherwise. */
    public static ProgressBar on(PrintWriter out) {
        return new ProgressBar(out, onTerminal());
    }

    public static ProgressBar silent() {
        return new ProgressBar(new PrintWriter(java.io.OutputStream.nullOutputStream()), false);
    }

    static boolean onTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    public boolean terminal() {
        return terminal;
    }

    /** Redraws {@code label[#####     ] detail}, {@code done} of {@code total} filled (all when total is 0). */
    public void draw(String label, long done, long total, String detail) {
        int filled = total <= 0 ? WIDTH : (int) (Math.min(done, total) * WIDTH / total);
        out.print("\r\033[K" + label + "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + detail);
        out.flush();
    }

    /** Removes the bar. */
    public void clear() {
        out.print("\r\033[K");
        out.flush();
    }

    /** Leaves the bar as it is and moves to the next line. */
    public void keep() {
        out.println();
        out.flush();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }
}
