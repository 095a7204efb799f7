package org.netmarket.staging;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one delivered file found: its fingerprint and encoding, rows read and
 * quarantined, columns the contract does not know, and — when the file could not be read at all —
 * the problem, naming the file and the column or line.
 *
 * @param rowsRead     data rows in the file (header excluded)
 * @param problem      a file-level problem (missing required column, malformed CSV), else null
 */
public record FileReport(String extract, String path, String encoding, String sha256, long bytes, long rowsRead,
                         long rowsQuarantined, List<String> extraColumns, String problem) implements Serializable {
    public FileReport {
        extraColumns = List.copyOf(extraColumns);
    }

    public boolean failed() {
        return problem != null;
    }

    public boolean isGb18030() {
        return "GB18030".equals(encoding);
    }
}
