package org.netmarket.generator;

/**
 * A row broken on purpose, as upstream systems deliver them now and then, so that the sample
 * exercises the pipeline's quarantine. The line is the physical line the row starts on (the
 * header is line 1), as the pipeline reports it.
 *
 * @param extract    the extract (folder) name
 * @param file       the file's path relative to the data directory
 * @param caughtBy   which check of the pipeline sets the row aside
 * @param description what is wrong with the row, for the sample-data README
 */
public record DeliberateFlaw(String extract, String file, long line, Check caughtBy, String description) {

    /** The check of the pipeline that quarantines the row. */
    public enum Check {
        /** Type, format, range or cross-field rule of the row itself ({@code RowValidator}). */
        ROW_VALIDATION,
        /** The row names a key missing from the extract it references (sales of an unknown operator). */
        REFERENCE
    }
}
