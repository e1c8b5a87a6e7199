package org.inventarioti.ops.cli;

import java.io.PrintWriter;
import org.inventarioti.ops.backup.BackupProgress;
import org.inventarioti.ops.backup.Sizes;

/** A progress bar on a terminal; one plain line per table otherwise (logs, scripts, CI). */
final class ProgressPrinter implements BackupProgress {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private int tables;
    private int index;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static boolean onTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public void started(int tables) {
        this.tables = tables;
    }

    @Override
    public void tableStarted(String table, int index) {
        this.index = index;
        if (terminal) {
            bar(table, 0);
        }
    }

    @Override
    public void rows(String table, long rows) {
        bar(table, rows);
    }

    @Override
    public void tableDone(String table, long rows, long bytes) {
        if (terminal) {
            bar(table, rows);
            if (index == tables) {
                out.print("\r\033[K");
                out.flush();
            }
        } else {
            out.printf("  %s: %d rows, %s%n", table, rows, Sizes.human(bytes));
            out.flush();
        }
    }

    @Override
    public boolean wantsRows() {
        return terminal;
    }

    private void bar(String table, long rows) {
        int done = tables == 0 ? WIDTH : (index - 1) * WIDTH / tables;
        out.printf(
                "\r\033[K[%s%s] %d/%d %s %d rows",
                "#".repeat(done), " ".repeat(WIDTH - done), index, tables, table, rows);
        out.flush();
    }
}
