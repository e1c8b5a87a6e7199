package org.inventarioti.ops.backup;

import org.inventarioti.cli.ProgressBar;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.Sizes;

/** A backup's progress: one bar over the tables on a terminal; one plain line per table otherwise. */
final class TableProgress implements BackupProgress {

    private final ProgressBar bar;
    private int tables;
    private int index;

    TableProgress(ProgressBar bar) {
        this.bar = bar;
    }

    @Override
    public void started(int tables) {
        this.tables = tables;
    }

    @Override
    public void tableStarted(String table, int index) {
        this.index = index;
        if (bar.terminal()) {
            draw(table, 0);
        }
    }

    @Override
    public void rows(String table, long rows) {
        draw(table, rows);
    }

    @Override
    public void tableDone(String table, long rows, long bytes) {
        if (bar.terminal()) {
            draw(table, rows);
            if (index == tables) {
                bar.clear();
            }
        } else {
            bar.line(String.format("  %s: %d rows, %s", table, rows, Sizes.human(bytes)));
        }
    }

    @Override
    public boolean wantsRows() {
        return bar.terminal();
    }

    private void draw(String table, long rows) {
        bar.draw("", index - 1, tables, index + "/" + tables + " " + table + " " + rows + " rows");
    }
}
