package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.netmarket.rules.Reason;
import org.netmarket.staging.QuarantinedRow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rows set aside that a run's log shows: the first of each extract, and where the rest are. */
class QuarantineExamplesTest {

    private static QuarantinedRow row(String extract, String file, long line, String column, String why) {
        return new QuarantinedRow(extract, file, line, "raw", column, Reason.of(why, "原因"), null);
    }

    /** Every row reaches the report as it came; the log names the first two of each extract. */
    @Test
    void theFirstRowsOfEachExtractAreShownAndEveryRowPassesThrough() {
        List<QuarantinedRow> rows = List.of(
                row("regions", "regions.csv", 6, "region_code", "'14082' is not a 6-digit region code (GB/T 2260)"),
                row("complaints", "complaints/c.csv", 5, "region_code", "malformed CSV at line 5, column region_code: text after the closing quote"),
                row("complaints", "complaints/c.csv", 9, null, "the row has 3 fields; the header has 12"),
                row("complaints", "complaints/d.csv", 2, "channel", "'phone' is not one of online, odr"),
                row("training", "training/t.csv", 7, "training_hours", "'32学时' is not a number"));
        QuarantineExamples examples = new QuarantineExamples();
        List<QuarantinedRow> written = new ArrayList<>();
        Iterator<QuarantinedRow> watched = Watched.each(rows.iterator(), examples);
        watched.forEachRemaining(written::add);
        assertEquals(rows, written, "the report gets every row, in order");
        assertEquals(List.of(
                "extract regions: set aside regions.csv line 6, column region_code: '14082' is not a 6-digit region code (GB/T 2260)",
                "extract complaints: set aside complaints/c.csv line 5, column region_code: malformed CSV at line 5, column region_code: "
                        + "text after the closing quote",
                "extract complaints: set aside complaints/c.csv line 9: the row has 3 fields; the header has 12",
                "extract training: set aside training/t.csv line 7, column training_hours: '32学时' is not a number",
                "(the first 2 rows set aside of each extract; all 5 in /r/quarantine.csv)"),
                examples.lines("/r/quarantine.csv"));
    }

    @Test
    void whenEveryRowIsShownNoneIsSaidToBeElsewhere() {
        QuarantineExamples examples = new QuarantineExamples();
        Watched.each(List.of(row("retail", "retail/r.csv", 3, "month", "'2024-13' is not a month")).iterator(), examples)
                .forEachRemaining(r -> { });
        assertEquals(List.of("extract retail: set aside retail/r.csv line 3, column month: '2024-13' is not a month"),
                examples.lines("/r/quarantine.csv"));
        assertEquals(List.of(), new QuarantineExamples().lines("/r/quarantine.csv"), "nothing set aside, nothing said");
    }
}
