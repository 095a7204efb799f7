package org.netmarket.pipeline;

import org.apache.spark.sql.Row;
import org.netmarket.config.UsageException;
import org.netmarket.rules.Reason;
import org.netmarket.staging.LoadedExtract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

/**
 * The years the data has figures for, judged by the monthly retail figures and the published
 * national figures: the span a year asked for must fall in (a year outside it would publish a
 * scorecard of nothing but missing data, and become a region's "latest" year on dashboards, so
 * it is refused as bad usage), and the latest complete year, scored when no year is asked for.
 *
 * <p>A year is complete when every region that reported retail figures for it has its December
 * figures (monthly figures are the last to complete a year; one county's early December does not
 * complete it for the others) and, when national figures were delivered, the national figures of
 * that year are published (without them every comparison with the nation is missing).
 *
 * <p>When no year has both, the latest year with complete retail figures is taken, with a
 * warning: its comparisons with the nation will be missing, which dashboards would otherwise
 * show without a word in the log of the run.
 *
 * @param pending what the year after the latest complete one lacks, when the data has figures
 *                for it (for the log of a run that scores the latest complete year); else null
 * @param warning why the latest complete year is not complete after all (its national figures
 *                are not delivered, nor any year's that has complete retail figures); else null
 */
record DataYears(int first, int last, int latestComplete, String pending, String warning) {
    /** The extracts the years are judged by: small, so a run reads them before the others to check its years. */
    static final Set<String> EXTRACTS = Set.of("retail", "national");
    private static final int SHOWN = 5;

    /** The retail figures of one year: the regions that reported any month, and those that reported December. */
    record RetailYear(SortedSet<String> reporting, SortedSet<String> withDecember) {
        boolean complete() {
            return withDecember.containsAll(reporting);
        }

        SortedSet<String> withoutDecember() {
            SortedSet<String> out = new TreeSet<>(reporting);
            out.removeAll(withDecember);
            return out;
        }
    }

    /** The years of the delivered retail and national figures; empty when neither has any. */
    static Optional<DataYears> of(Map<String, LoadedExtract> extracts) {
        SortedMap<Integer, RetailYear> retail = new TreeMap<>();
        LoadedExtract r = extracts.get("retail");
        if (r != null && r.delivered()) {
            // One row per year: a few thousand region codes at most, even for the whole country.
            for (Row row : r.latest().groupBy(substring(col("month"), 1, 4).as("year"))
                    .agg(collect_set(col("region_code")), collect_set(when(col("month").endsWith("-12"), col("region_code"))))
                    .collectAsList()) {
                retail.put(Integer.parseInt(row.getString(0)),
                        new RetailYear(new TreeSet<>(row.<String>getList(1)), new TreeSet<>(row.<String>getList(2))));
            }
        }
        SortedSet<Integer> national = new TreeSet<>();
        LoadedExtract n = extracts.get("national");
        if (n != null && n.delivered()) {
            n.latest().select(col("year")).distinct().collectAsList().forEach(row -> national.add(row.getInt(0)));
        }
        return from(retail, national);
    }

    /** The span and the latest complete year of retail years and national years. */
    static Optional<DataYears> from(SortedMap<Integer, RetailYear> retail, SortedSet<Integer> national) {
        SortedSet<Integer> all = new TreeSet<>(retail.keySet());
        all.addAll(national);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> complete = retail.entrySet().stream().filter(e -> e.getValue().complete()).map(Map.Entry::getKey).toList();
        Optional<Integer> withNational = complete.stream().filter(y -> national.isEmpty() || national.contains(y)).reduce(Math::max);
        int latest = withNational.or(() -> complete.stream().reduce(Math::max))
                .orElse(national.isEmpty() ? all.last() : national.last());
        String warning = withNational.isEmpty() && !complete.isEmpty()
                ? "no year has both complete retail figures and national figures (national figures of "
                        + national.first() + (national.size() > 1 ? "–" + national.last() : "") + " only): scoring " + latest
                        + ", whose comparisons with the nation will be missing_data; give --year to score another"
                : null;
        String pending = null;
        if (latest < all.last()) {
            int next = latest + 1;
            List<String> lacks = new ArrayList<>();
            RetailYear r = retail.get(next);
            if (r == null && !retail.isEmpty()) {
                lacks.add("retail figures");
            } else if (r != null && !r.complete()) {
                SortedSet<String> without = r.withoutDecember();
                lacks.add("December retail figures of " + without.size() + " of the " + r.reporting().size()
                        + " regions reporting (" + String.join(", ", without.stream().limit(SHOWN).toList())
                        + (without.size() > SHOWN ? ", …" : "") + ")");
            }
            if (!national.isEmpty() && !national.contains(next)) {
                lacks.add("the national figures of " + next);
            }
            pending = lacks.isEmpty() ? null : next + " is not complete yet: it lacks " + String.join(" and ", lacks);
        }
        return Optional.of(new DataYears(all.first(), all.last(), latest, pending, warning));
    }

    /**
     * The year a run scores when none is asked for: the latest complete one. Data without retail
     * or national figures has none to judge by, and the run is refused as bad usage rather than
     * scoring a year of the clock's, which would publish a scorecard of missing data as the
     * regions' latest.
     */
    static int defaultYear(Optional<DataYears> covered) {
        return covered.map(DataYears::latestComplete).orElseThrow(() -> new UsageException(Reason.of(
                "no --year given, and the data has neither retail nor national figures to tell its latest complete year by: give --year",
                "未指定 --year，且数据中既没有零售额也没有全国数据，无法判断最近的完整年度：请用 --year 指定年份，"
                        + UsageException.NOTHING_PUBLISHED_ZH)));
    }

    /** Refuses the years that fall outside the data's. */
    void check(List<Integer> years) {
        List<Integer> outside = years.stream().filter(y -> y < first || y > last).toList();
        if (!outside.isEmpty()) {
            String named = outside.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();
            throw new UsageException(Reason.of("the data has no figures for " + (outside.size() == 1 ? "year " : "years ")
                    + named + ": its retail and national figures cover " + first + "-" + last,
                    "数据中没有 " + named + " 年的数据：零售额和全国数据只覆盖 " + first + "-" + last + " 年，"
                            + UsageException.NOTHING_PUBLISHED_ZH));
        }
    }
}
