package org.netmarket.bench;

import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionLoader;
import org.netmarket.edition.Parameters;
import org.netmarket.extract.ColumnSpec;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.RowRule;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.facts.EvaluationPeriod;
import org.netmarket.facts.Facts;
import org.netmarket.items.ItemRegistry;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's baseline: the record-level counts of one evaluation year computed by DuckDB
 * with plain SQL over the same CSV files the job reads, written as the job's {@code --facts-csv}
 * (year, region_code, fact, count) so that {@link CompareFactCounts} can check them line by line.
 *
 * <p>Every file is read with all columns as text, then cast. The rows the job quarantines are
 * dropped by the same rules written as SQL from the extract contract: required columns, types
 * (TRY_CAST / strict timestamp formats), enumerations, ranges, the region tree, the check
 * character of operator ids and the cross-field rules. Later version wins per key; a key whose
 * winning rows differ is dropped. The cohorts and as-of definitions are those of the job's facts
 * classes (OperatorFacts, OperatorSalesFacts, DispatchFacts, CaseClueFacts, CaseReviewFacts,
 * ComplaintFacts, TrainingFacts); counts per region are rolled up to every ancestor.
 *
 * <p>Usage: {@code DuckDbBaseline --data DIR --year Y --out FILE [--threads N] [--memory-limit 4GB]}
 */
public final class DuckDbBaseline {
    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final List<String> RECORD_EXTRACTS = List.of("operators", "operator-sales", "dispatches",
            "case-clues", "case-reviews", "complaints", "training");

    private final Path data;
    private final EvaluationPeriod period;
    private final Edition edition;
    private final SchemaCatalog catalog = SchemaCatalog.load();

    private DuckDbBaseline(Path data, int year) {
        this.data = data.toAbsolutePath().normalize();
        this.period = EvaluationPeriod.of(year);
        this.edition = new EditionLoader(ItemRegistry.COMPUTATIONS).load("2022");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        DuckDbBaseline baseline = new DuckDbBaseline(Path.of(a.get("--data")), Integer.parseInt(a.get("--year")));
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = " + a.getOrDefault("--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
                if (a.containsKey("--memory-limit")) {
                    s.execute("SET memory_limit = '" + a.get("--memory-limit") + "'");
                }
                s.execute("SET preserve_insertion_order = false");
            }
            List<String[]> counts = baseline.run(c);
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(a.get("--out")), StandardCharsets.UTF_8))) {
                w.print("year,region_code,fact,count\r\n");
                for (String[] r : counts) {
                    w.print(String.join(",", r) + "\r\n");
                }
            }
            System.out.printf("DuckDB baseline: %d counts in %.1f s%n", counts.size(), (System.nanoTime() - started) / 1e9);
        }
    }

    private List<String[]> run(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE regions AS SELECT trim(region_code) AS region_code, nullif(trim(parent_code), '') AS parent_code, "
                    + "trim(economic_zone) AS economic_zone FROM read_csv('" + data.resolve("regions.csv") + "', all_varchar = true, header = true)");
            // Each region with itself and every ancestor (the job's RegionCounts.rolledUp).
            s.execute("CREATE TEMP TABLE region_pairs AS WITH RECURSIVE up(region_code, scored_region) AS ("
                    + "SELECT region_code, region_code FROM regions UNION ALL "
                    + "SELECT up.region_code, r.parent_code FROM up JOIN regions r ON r.region_code = up.scored_region "
                    + "WHERE r.parent_code IS NOT NULL) "
                    + "SELECT up.region_code, up.scored_region, r.economic_zone AS scored_zone FROM up JOIN regions r "
                    + "ON r.region_code = up.scored_region");
            for (String extract : RECORD_EXTRACTS) {
                ExtractSchema schema = catalog.get(extract);
                long started = System.nanoTime();
                // Typed once into a table: checking and deduplicating then read plain columns.
                s.execute("CREATE TEMP TABLE \"typed_" + extract + "\" AS " + typed(schema));
                s.execute("CREATE TEMP TABLE \"" + extract + "\" AS " + latest(schema));
                s.execute("DROP TABLE \"typed_" + extract + "\"");
                System.out.printf("  %s: latest rows in %.1f s%n", extract, (System.nanoTime() - started) / 1e9);
            }
            List<String> perRegion = new ArrayList<>();
            perRegion.add(counts("operators", operatorFacts()));
            perRegion.add(counts("dispatches", dispatchFacts()));
            perRegion.add(counts("case-clues", clueFacts()));
            perRegion.add(counts("case-reviews", reviewFacts()));
            perRegion.add(counts("complaints", complaintFacts()));
            perRegion.add(counts("training", trainingFacts()));
            String rolledUp = "SELECT p.scored_region AS region_code, c.fact, sum(c.n) AS n FROM (" + perRegion.stream()
                    .map(q -> "(" + q + ")").collect(Collectors.joining(" UNION ALL "))
                    + ") c JOIN region_pairs p ON p.region_code = c.region_code GROUP BY ALL "
                    + "UNION ALL " + newAboveScale();
            List<String[]> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT region_code, fact, n FROM (" + rolledUp + ") ORDER BY region_code, fact")) {
                while (r.next()) {
                    out.add(new String[]{String.valueOf(period.year()), r.getString(1), r.getString(2), String.valueOf(r.getLong(3))});
                }
            }
            return out;
        }
    }

    /** Every row of the extract's files, trimmed, cast to its types, with its raw text beside. */
    private String typed(ExtractSchema schema) {
        String files = data.resolve(schema.name()).toString() + "/**/*.csv";
        String read = "SELECT " + schema.columns().stream().map(c -> "nullif(trim(\"" + c.name() + "\"), '') AS \"" + c.name() + "\"")
                .collect(Collectors.joining(", ")) + " FROM read_csv('" + files + "', all_varchar = true, header = true, "
                + "delim = ',', union_by_name = true, quote = '\"', escape = '\"')";
        return "SELECT " + schema.columns().stream().map(c -> cast(c, "\"" + c.name() + "\"") + " AS \"" + c.name() + "\"")
                .collect(Collectors.joining(", ")) + ", " + schema.columns().stream()
                .map(c -> "\"" + c.name() + "\" AS \"raw_" + c.name() + "\"").collect(Collectors.joining(", ")) + " FROM (" + read + ")";
    }

    /** The latest row of every key with a consistent winning version, from the valid typed rows. */
    private String latest(ExtractSchema schema) {
        List<String> checks = new ArrayList<>();
        for (ColumnSpec c : schema.columns()) {
            String v = "\"" + c.name() + "\"";
            checks.add(c.required() ? v + " IS NOT NULL" : "(\"raw_" + c.name() + "\" IS NULL OR " + v + " IS NOT NULL)");
            checks.addAll(rangeChecks(c, v));
        }
        for (RowRule rule : schema.rules()) {
            if (rule instanceof RowRule.NotBefore nb) {
                checks.add("(\"" + nb.column() + "\" IS NULL OR \"" + nb.start() + "\" IS NULL OR \"" + nb.column() + "\" >= \""
                        + nb.start() + "\")");
            } else if (rule instanceof RowRule.EmptyUnless eu) {
                checks.add("(\"" + eu.column() + "\" IS NULL OR \"" + eu.otherColumn() + "\" IN ("
                        + eu.values().stream().map(x -> "'" + x + "'").collect(Collectors.joining(", ")) + "))");
            }
        }
        String key = schema.key().stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "));
        String values = schema.valueColumns().isEmpty() ? "''" : "struct_pack(" + schema.valueColumns().stream()
                .map(v -> "\"" + v + "\" := \"" + v + "\"").collect(Collectors.joining(", ")) + ")";
        String columns = schema.columns().stream().map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(", "));
        // Most keys have one winning row; only the others need the (slower) comparison of their values.
        return "WITH valid AS (SELECT " + columns + " FROM \"typed_" + schema.name() + "\" WHERE " + String.join(" AND ", checks) + "), "
                + "winners AS (SELECT * FROM valid QUALIFY \"" + schema.version() + "\" = max(\"" + schema.version() + "\") OVER (PARTITION BY "
                + key + ")), "
                + "counted AS (SELECT *, count(*) OVER (PARTITION BY " + key + ") AS winning_rows FROM winners) "
                + "SELECT " + columns + " FROM counted WHERE winning_rows = 1 "
                + "UNION ALL SELECT " + columns + " FROM (SELECT *, min(" + values + ") OVER (PARTITION BY " + key + ") AS v_min, max("
                + values + ") OVER (PARTITION BY " + key + ") AS v_max, row_number() OVER (PARTITION BY " + key + ") AS n "
                + "FROM counted WHERE winning_rows > 1) WHERE v_min IS NOT DISTINCT FROM v_max AND n = 1";
    }

    private String cast(ColumnSpec c, String v) {
        return switch (c.type()) {
            case TEXT, ITEM_CODE -> v;
            case REGION_CODE -> "CASE WHEN " + v + " IN (SELECT region_code FROM regions) THEN " + v + " END";
            case USCC -> "CASE WHEN " + usccValid("upper(" + v + ")") + " THEN upper(" + v + ") END";
            case ENUM -> "CASE " + c.values().stream().map(x -> "WHEN lower(" + v + ") = '" + x.toLowerCase() + "' THEN '" + x + "'")
                    .collect(Collectors.joining(" ")) + " END";
            case MONTH -> "CASE WHEN try_strptime(" + v + ", '%Y-%m') IS NOT NULL AND length(" + v + ") = 7 THEN " + v + " END";
            // strptime with the exact length: the canonical form, without a regular expression per value.
            case DATE -> "CASE WHEN length(" + v + ") = 10 THEN try_strptime(" + v + ", '%Y-%m-%d')::DATE END";
            case TIMESTAMP -> "CASE WHEN length(" + v + ") = 19 THEN try_strptime(" + v + ", '%Y-%m-%d %H:%M:%S') END";
            case YEAR -> "CASE WHEN regexp_full_match(" + v + ", '\\d{4}') THEN TRY_CAST(" + v + " AS INTEGER) END";
            case COUNT -> "CASE WHEN regexp_full_match(" + v + ", '-?\\d+') THEN TRY_CAST(" + v + " AS BIGINT) END";
            case MONEY, DECIMAL, RATE, SIGNED_RATE, POINTS -> "CASE WHEN regexp_full_match(" + v
                    + ", '-?\\d+(\\.\\d+)?') THEN TRY_CAST(" + v + " AS DECIMAL(38, 12)) END";
            case BOOLEAN -> "CASE WHEN lower(" + v + ") IN ('true', '1', '是') THEN true WHEN lower(" + v
                    + ") IN ('false', '0', '否') THEN false END";
        };
    }

    private static List<String> rangeChecks(ColumnSpec c, String v) {
        return switch (c.type()) {
            case YEAR -> List.of("(" + v + " IS NULL OR " + v + " BETWEEN 1949 AND 2200)");
            case COUNT, MONEY, DECIMAL, POINTS -> List.of("(" + v + " IS NULL OR " + v + " >= 0)");
            case RATE -> List.of("(" + v + " IS NULL OR " + v + " BETWEEN 0 AND 1)");
            case SIGNED_RATE -> List.of("(" + v + " IS NULL OR " + v + " BETWEEN -1 AND 1)");
            default -> List.of();
        };
    }

    /** GB 32100-2015: 18 characters of the charset, the last one the check character of the first 17. */
    private static String usccValid(String code) {
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            if (i > 0) {
                sum.append(" + ");
            }
            sum.append("(strpos('").append(USCC_CHARSET).append("', substr(").append(code).append(", ").append(i + 1)
                    .append(", 1)) - 1) * ").append(USCC_WEIGHTS[i]);
        }
        return "(length(" + code + ") = 18 AND regexp_full_match(" + code + ", '[" + USCC_CHARSET + "]{18}') AND substr('"
                + USCC_CHARSET + "', ((31 - (" + sum + ") % 31) % 31) + 1, 1) = substr(" + code + ", 18, 1))";
    }

    /**
     * Per region of the records: one row per fact with its count (all rows, then each fact within
     * the cohort), from one pass over the extract's table.
     */
    private static String counts(String extract, Map<String, String> facts) {
        String cohort = facts.remove("_cohort");
        List<String> names = new ArrayList<>();
        List<String> aggregates = new ArrayList<>();
        names.add(Facts.rowsOf(extract));
        aggregates.add("count(*) AS f0");
        for (Map.Entry<String, String> f : facts.entrySet()) {
            aggregates.add("count(*) FILTER (WHERE (" + cohort + ") AND (" + f.getValue() + ")) AS f" + names.size());
            names.add(f.getKey());
        }
        String perRegion = "(SELECT region_code, " + String.join(", ", aggregates) + " FROM \"" + extract + "\" GROUP BY region_code)";
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            selects.add("SELECT region_code, '" + names.get(i) + "' AS fact, f" + i + " AS n FROM per_region");
        }
        return "WITH per_region AS " + perRegion + " " + String.join(" UNION ALL ", selects);
    }

    private String ts(LocalDateTime t) {
        return "TIMESTAMP '" + t.toString().replace('T', ' ') + (t.getSecond() == 0 && t.toString().length() == 16 ? ":00" : "") + "'";
    }

    private String completed(String column) {
        return column + " IS NOT NULL AND " + column + " < " + ts(period.asOfEnd());
    }

    private String onTime(String column, String due) {
        return completed(column) + " AND " + column + " <= " + due;
    }

    private String inCohort(String column) {
        return column + " >= " + ts(period.yearStart()) + " AND " + column + " < " + ts(period.yearEnd());
    }

    private Map<String, String> operatorFacts() {
        String asOf = "DATE '" + period.asOf() + "'";
        String active = "registered_on <= " + asOf + " AND (deregistered_on IS NULL OR deregistered_on > " + asOf + ")";
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_cohort", "true");
        f.put(Facts.OPERATORS_ACTIVE, active);
        int years = parameters("operator_survival_rate").integer("survival_years");
        f.put(Facts.OPERATORS_SURVIVED, active + " AND registered_on <= DATE '" + period.asOf().minusYears(years) + "'");
        return f;
    }

    private Map<String, String> dispatchFacts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_cohort", inCohort("dispatched_at"));
        f.put(Facts.IDENTITY_CLAIMS, "dispatch_type = 'identity_claim'");
        f.put(Facts.IDENTITY_CLAIMS_COMPLETED, "dispatch_type = 'identity_claim' AND " + completed("completed_at"));
        f.put(Facts.MONITORING_LEADS, "dispatch_type = 'monitoring_lead'");
        f.put(Facts.MONITORING_LEADS_VERIFIED_ON_TIME, "dispatch_type = 'monitoring_lead' AND " + onTime("verified_at", "due_at"));
        f.put(Facts.MONITORING_LEADS_COMPLETED, "dispatch_type = 'monitoring_lead' AND " + completed("completed_at"));
        return f;
    }

    private Map<String, String> clueFacts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_cohort", inCohort("received_at"));
        f.put(Facts.REPORT_CLUES, "source = 'report'");
        f.put(Facts.REPORT_CLUES_VERIFIED_ON_TIME, "source = 'report' AND " + onTime("verified_at", "due_at"));
        f.put(Facts.ASSIGNED_CLUES, "source = 'superior_assigned'");
        f.put(Facts.ASSIGNED_CLUES_VERIFIED_ON_TIME, "source = 'superior_assigned' AND " + onTime("verified_at", "due_at"));
        f.put(Facts.ASSIGNED_CLUES_CLOSED, "source = 'superior_assigned' AND " + completed("closed_at"));
        return f;
    }

    private Map<String, String> reviewFacts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_cohort", "decided_on >= DATE '" + period.year() + "-01-01' AND decided_on < DATE '"
                + period.yearEnd().toLocalDate() + "'");
        f.put(Facts.RECONSIDERATIONS, "review_type = 'reconsideration'");
        f.put(Facts.RECONSIDERATIONS_UPHELD, "review_type = 'reconsideration' AND outcome = 'upheld'");
        f.put(Facts.LITIGATIONS, "review_type = 'litigation'");
        f.put(Facts.LITIGATIONS_WON, "review_type = 'litigation' AND outcome = 'won'");
        f.put(Facts.PROCEDURAL_LOSSES, "procedural_violation AND outcome IN ('revoked', 'confirmed_illegal', 'lost')");
        return f;
    }

    private Map<String, String> complaintFacts() {
        Map<String, String> f = new LinkedHashMap<>();
        String closed = completed("closed_at");
        String closedOnTime = onTime("closed_at", "close_due");
        f.put("_cohort", inCohort("received_at"));
        f.put(Facts.COMPLAINTS, "complaint_id IS NOT NULL");
        f.put(Facts.COMPLAINTS_REVIEWED_ON_TIME, onTime("initial_reviewed_at", "initial_review_due"));
        f.put(Facts.COMPLAINTS_CLOSED_ON_TIME, closedOnTime);
        f.put(Facts.MEDIATION_SUCCESS, "mediation = 'success'");
        f.put(Facts.MEDIATION_FAILED, "mediation = 'failed'");
        f.put(Facts.COMPLAINTS_RATED, "satisfaction IS NOT NULL");
        f.put(Facts.COMPLAINTS_SATISFIED, "satisfaction IN ('satisfied', 'basically_satisfied')");
        f.put(Facts.ODR_COMPLAINTS, "channel = 'odr'");
        f.put(Facts.ODR_CLOSED_ON_TIME, "channel = 'odr' AND " + closedOnTime);
        f.put(Facts.ODR_CLOSED, "channel = 'odr' AND " + closed);
        f.put(Facts.ODR_SETTLED, "channel = 'odr' AND " + closed + " AND odr_settled");
        return f;
    }

    private Map<String, String> trainingFacts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_cohort", "year = " + period.year());
        f.put(Facts.STAFF, "staff_id IS NOT NULL");
        f.put(Facts.STAFF_TRAINED, "training_hours > 0");
        f.put(Facts.STAFF_MIN_HOURS, "training_hours >= " + parameters("staff_training").decimal("min_training_hours").toPlainString());
        return f;
    }

    /**
     * Operators newly above scale in one of the recent years, under the threshold of the scored
     * region's zone; and the operators with a sales row in any year (OperatorSalesFacts).
     */
    private String newAboveScale() {
        Parameters p = parameters("new_above_scale_operators");
        int y = period.year();
        int first = y - p.integer("recent_years");
        StringBuilder pivot = new StringBuilder("SELECT operator_id");
        for (int t = first; t <= y; t++) {
            pivot.append(", max(CASE WHEN year = ").append(t).append(" THEN ecommerce_sales_yuan END) AS s").append(t);
        }
        pivot.append(" FROM \"operator-sales\" GROUP BY operator_id");
        StringBuilder perZone = new StringBuilder();
        for (String zone : List.of("east", "central", "west")) {
            String threshold = p.decimal("above_scale_threshold_yuan." + zone).toPlainString();
            List<String> years = new ArrayList<>();
            for (int t = first + 1; t <= y; t++) {
                years.add("(s" + t + " IS NOT NULL AND s" + t + " >= " + threshold + " AND (s" + (t - 1) + " IS NULL OR s" + (t - 1)
                        + " < " + threshold + "))");
            }
            perZone.append(", count(*) FILTER (WHERE ").append(String.join(" OR ", years)).append(") AS n_").append(zone);
        }
        String perRegion = "SELECT o.region_code" + perZone + ", count(*) AS n_rows FROM (" + pivot + ") s JOIN operators o USING (operator_id) "
                + "GROUP BY o.region_code";
        String rolled = "SELECT p.scored_region, sum(CASE p.scored_zone WHEN 'east' THEN n_east WHEN 'central' THEN n_central "
                + "WHEN 'west' THEN n_west ELSE 0 END) AS n_new, sum(n_rows) AS n_rows FROM (" + perRegion + ") r JOIN region_pairs p "
                + "ON p.region_code = r.region_code GROUP BY p.scored_region";
        return "SELECT scored_region, '" + Facts.OPERATORS_NEW_ABOVE_SCALE + "', n_new FROM (" + rolled + ") "
                + "UNION ALL SELECT scored_region, '" + Facts.rowsOf("operator-sales") + "', n_rows FROM (" + rolled + ")";
    }

    private Parameters parameters(String computation) {
        return edition.computedItems().stream().filter(i -> computation.equals(i.computation())).findFirst().orElseThrow().parameters();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--data", "--year", "--out")) {
            if (!out.containsKey(required)) {
                throw new IllegalArgumentException("usage: DuckDbBaseline --data DIR --year Y --out FILE [--threads N] [--memory-limit 4GB]");
            }
        }
        return out;
    }
}
