package org.netmarket.staging;

import org.netmarket.rules.Reason;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one delivered file found: its fingerprint and encoding, rows read and
 * quarantined, columns the contract does not know, and — when the file could not be read at all —
 * the problem, naming the file and the column or line.
 *
 * @param rowsRead         data rows in the file (header excluded)
 * @param rowsQuarantined  rows of the file set aside: by validation as it is read, then (see
 *                         {@link #withRowsQuarantined}) also as conflicting versions or unknown references
 * @param rowsRejected     rows of the file the row rules set aside as it was read: the file's own
 *                         for good, whereas the rows it loses to conflicting versions or unknown
 *                         references depend on what other files hold, and may come back with a
 *                         later delivery (a full read of the extract counts both)
 * @param problem          a file-level problem (missing required column, malformed header), naming the file,
 *                         in English and Chinese; else null
 * @param firstNonUtf8Byte offset of the first byte that is not valid UTF-8, -1 when all are: for
 *                         a file read as GB18030, it tells a GB18030 export (early, in the first
 *                         Chinese text) from a UTF-8 file damaged further on
 */
public record FileReport(String extract, String path, String encoding, String sha256, long bytes, long rowsRead,
                         long rowsQuarantined, long rowsRejected, List<String> extraColumns, Reason problem,
                         long firstNonUtf8Byte)
        implements Serializable {
    public FileReport {
        extraColumns = List.copyOf(extraColumns);
    }

    public boolean failed() {
        return problem != null;
    }

    /** The same report with another count of set-aside rows. */
    public FileReport withRowsQuarantined(long rows) {
        return new FileReport(extract, path, encoding, sha256, bytes, rowsRead, rows, rowsRejected, extraColumns, problem,
                firstNonUtf8Byte);
    }

    public boolean isGb18030() {
        return "GB18030".equals(encoding);
    }
}
