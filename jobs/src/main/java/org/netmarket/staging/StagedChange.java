package org.netmarket.staging;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.netmarket.extract.ColumnType;
import org.netmarket.extract.ExtractSchema;

/**
 * How an extract's latest rows changed in a run that went through the staging area, so that
 * figures computed from them can be kept up to date instead of recomputed: figures of the state
 * {@code before}, minus those of the {@code removed} rows, plus those of the {@code added} rows,
 * are the figures of the state {@code after}. Figures of a state can be kept as notes with its
 * generation ({@link StagingArea#writeNote}).
 *
 * @param generationBefore the generation that held the extract's newest rows before the run,
 *                         -1 when the run rebuilt the staging area
 * @param before           the state the run started from, null after a rebuild
 * @param generationAfter  the generation that holds its newest rows after the run
 * @param after            the state after the run (names every generation it depends on)
 * @param removed          the latest rows that left, null when {@code before} is null or the
 *                         state did not change; in the {@link #columns} of the extract
 * @param added            the latest rows that came, null likewise
 */
public record StagedChange(long generationBefore, String before, long generationAfter, String after,
                           Dataset<Row> removed, Dataset<Row> added) {

    /**
     * The columns of changed rows: the key and every typed column but free text, which no figure
     * counts (an operator's name), and without the file and line. Finding the rows a delivery
     * replaces reads these columns of every staged row, so each one left out is a column not
     * decoded.
     */
    public static Column[] columns(ExtractSchema schema) {
        return schema.columns().stream()
                .filter(c -> c.type() != ColumnType.TEXT || schema.key().contains(c.name()))
                .map(c -> functions.col(c.name())).toArray(Column[]::new);
    }

    /** A rebuilt extract: nothing to update, the figures are computed afresh. */
    static StagedChange rebuilt(long generation, String after) {
        return new StagedChange(-1, null, generation, after, null, null);
    }

    /** An extract the run did not change. */
    static StagedChange unchanged(long generation, String state) {
        return new StagedChange(generation, state, generation, state, null, null);
    }

    /** Whether figures of the state before can be updated (the run merged a delivery into it). */
    public boolean updatable() {
        return before != null && removed != null && added != null;
    }

    /** Whether the run left the state as it was. */
    public boolean isUnchanged() {
        return before != null && before.equals(after);
    }
}
