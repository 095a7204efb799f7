package org.netmarket.pipeline;

import org.netmarket.config.EnvironmentException;
import org.netmarket.rules.Reason;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * A run stopped by a full disk (or an exhausted quota), on this machine or on the warehouse's
 * server: the machine's state, which freeing space mends, not a defect of the job. Told as such
 * (failure_kind {@code environment}, exit 1, one line without a stack trace) and with the places
 * the job writes, since the operating system's "No space left on device" names no file — so
 * that the person on call frees space instead of filing a bug.
 */
final class NoSpaceLeft {
    /** What the operating system says (ENOSPC, EDQUOT), as the JVM, Hadoop and Spark pass it on. */
    private static final List<String> SAID = List.of("No space left on device", "Disk quota exceeded");

    /** PostgreSQL's disk_full: the server could not extend a table or write its log. */
    private static final String DISK_FULL_STATE = "53100";

    private NoSpaceLeft() {
    }

    /**
     * The failure as the environment's when a full disk caused it, else null: {@code places}
     * are the local or remote folders the run writes, named as the user knows them
     * ({@code "the report folder (--report-dir) /data/reports"}).
     */
    static EnvironmentException of(Throwable failure, List<String> places) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && DISK_FULL_STATE.equals(e.getSQLState())) {
                String said = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
                return new EnvironmentException(Reason.of(
                        "the warehouse's server has no disk space left (" + said + "): free space on its disk and rerun",
                        "数仓服务器磁盘空间不足（" + said + "）：释放磁盘空间后重新运行"), failure);
            }
        }
        // The deepest cause that says so: Spark's own exception quotes its task's failure whole.
        Throwable full = null;
        String said = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            for (String s : SAID) {
                if (message.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))) {
                    full = t;
                    said = s;
                }
            }
        }
        if (full == null) {
            return null;
        }
        String file = full instanceof FileSystemException f && f.getFile() != null ? " writing " + f.getFile() : "";
        return new EnvironmentException(Reason.of(
                "the disk is full" + file + " (" + said + "): free space where the job writes — " + String.join(", ", places)
                        + " — and rerun",
                "磁盘空间不足" + file + "（" + said + "）：请在作业写入的位置（" + String.join("、", places) + "）释放空间后重新运行"),
                failure);
    }
}
