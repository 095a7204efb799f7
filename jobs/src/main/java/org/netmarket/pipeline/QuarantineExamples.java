package org.netmarket.pipeline;

import org.netmarket.staging.QuarantinedRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The first rows set aside of each extract, taken as the quarantine report is written, for the
 * run's log: a clerk reading the log of a night (or of a run stopped for too many rows set aside)
 * sees what was wrong, where, without opening {@code quarantine.csv} first.
 */
final class QuarantineExamples implements Consumer<QuarantinedRow> {
    /** Rows shown of each extract: enough to see a pattern, few enough for a national night's log. */
    static final int PER_EXTRACT = 2;

    private final List<QuarantinedRow> shown = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private long rows;

    /** Takes note of a row as it is written to the report, keeping the first of each extract. */
    @Override
    public void accept(QuarantinedRow row) {
        rows++;
        if (seen.merge(row.extract(), 1, Integer::sum) <= PER_EXTRACT) {
            shown.add(row);
        }
    }

    /**
     * One line a row shown ({@code extract complaints: set aside complaints/c.csv line 5, column
     * region_code: why}), and a last one saying where the others are when some are not shown.
     */
    List<String> lines(String report) {
        List<String> out = new ArrayList<>();
        for (QuarantinedRow r : shown) {
            out.add("extract " + r.extract() + ": set aside " + r.file() + " line " + r.line()
                    + (r.column() == null ? "" : ", column " + r.column()) + ": " + r.reason().en());
        }
        if (rows > shown.size()) {
            out.add("(the first " + PER_EXTRACT + " rows set aside of each extract; all " + rows + " in " + report + ")");
        }
        return out;
    }
}
