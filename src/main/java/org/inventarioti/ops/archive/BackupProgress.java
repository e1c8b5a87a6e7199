package org.inventarioti.ops.archive;

/** What a backup reports while it runs; the CLI draws a bar on a terminal and plain lines otherwise. */
public interface BackupProgress {

    BackupProgress NONE = new BackupProgress() {};

    default void started(int tables) {}

    default void tableStarted(String table, int index) {}

    default void rows(String table, long rows) {}

    default void tableDone(String table, long rows, long bytes) {}

    /** Whether {@link #rows} is wanted (counting costs a little). */
    default boolean wantsRows() {
        return false;
    }
}
