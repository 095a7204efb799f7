package org.netmarket.facts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.netmarket.edition.Edition;
import org.netmarket.extract.ConflictScope;
import org.netmarket.extract.ExtractKind;
import org.netmarket.extract.ExtractSchema;
import org.netmarket.extract.SchemaCatalog;
import org.netmarket.parallel.Concurrently;
import org.netmarket.region.RegionTree;
import org.netmarket.rules.Assessment;
import org.netmarket.staging.LoadedExtract;
import org.netmarket.staging.StagedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;

/**
 * The marts layer: turns the staged extracts into the facts of an evaluation. Record-level
 * extracts are counted by Spark per region ({@link RecordAggregation}s, listed here one per line)
 * and rolled up to every ancestor; aggregate extracts, national figures and assessments are small
 * and are collected to the driver once.
 *
 * <p>With a staging area, the counts of each extract's staged state are kept with it
 * ({@link StagedFactCounts}); the next night updates them with the rows its delivery replaced
 * and added ({@link org.netmarket.staging.StagedChange}) instead of counting every staged row.
 */
public final class FactBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(FactBuilder.class);

    /** The record-level aggregations, one per extract (operator sales is counted separately). */
    private static final List<RecordAggregation> AGGREGATIONS = List.of(
            new OperatorFacts(),
            new DispatchFacts(),
            new CaseClueFacts(),
            new CaseReviewFacts(),
            new ComplaintFacts(),
            new TrainingFacts());

    private final Edition edition;
    private final RegionTree tree;
    private final Map<String, LoadedExtract> extracts;
    private final StagedFactCounts staged;
    private final Map<String, AggregateFigures> aggregates = new LinkedHashMap<>();
    private final NationalFigures national;
    private final Map<String, List<ConflictScope>> conflictScopes = new HashMap<>();
    private final AssessmentFacts assessments;
    /**
     * Extract -> region -> the latest rows of the region (and its descendants where the extract
     * {@link FactSheet#rollsUp}), for the extracts with a region column that no record-level
     * aggregation counts (aggregate figures, assessments).
     */
    private final Map<String, Map<String, Long>> smallExtractRows = new HashMap<>();
    private final Set<Integer> years;

    /**
     * Collects the small extracts (aggregate figures, national figures, assessments) at once.
     *
     * @param staged where counts are kept from one run to the next, or null (counted afresh)
     * @param years  the evaluation years {@link #build} will be asked for: only their assessments
     *               are collected
     */
    public FactBuilder(Edition edition, RegionTree tree, Map<String, LoadedExtract> extracts, StagedFactCounts staged,
                       Collection<Integer> years) {
        this.edition = edition;
        this.tree = tree;
        this.extracts = extracts;
        this.staged = staged;
        this.years = Set.copyOf(years);
        List<LoadedExtract> aggregated = extracts.values().stream()
                .filter(e -> e.schema().kind() == ExtractKind.AGGREGATE).toList();
        // Rows per region for the lineage: an aggregate's counted as it is collected, a record-level
        // aggregation's with its facts (build), the others' (assessments) by a query of their own.
        Set<String> aggregations = AGGREGATIONS.stream().map(RecordAggregation::extract).collect(Collectors.toSet());
        List<LoadedExtract> others = extracts.values().stream().filter(e -> e.delivered() && e.schema().regionColumn().isPresent()
                && e.schema().kind() != ExtractKind.AGGREGATE && !aggregations.contains(e.name())).toList();
        try (Concurrently.Tasks tasks = Concurrently.tasks(aggregated.size() + others.size() + 2)) {
            List<Future<CollectedAggregate>> figures = aggregated.stream().map(e -> tasks.submit(() -> collectAggregate(e))).toList();
            Future<NationalFigures> nationalFigures = tasks.submit(() -> collectNational(extracts.get("national")));
            Future<AssessmentFacts> assessed = tasks.submit(() -> collectAssessments(extracts.get(SchemaCatalog.ASSESSMENTS), this.years));
            Map<String, Future<Map<String, Long>>> rows = new LinkedHashMap<>();
            others.forEach(e -> rows.put(e.name(), tasks.submit(() -> rowsPerRegion(e))));
            figures.stream().map(tasks::join).forEach(a -> {
                aggregates.put(a.figures().extract(), a.figures());
                if (a.figures().delivered()) {
                    smallExtractRows.put(a.figures().extract(), a.rowsByRegion());
                }
            });
            this.national = tasks.join(nationalFigures);
            this.assessments = tasks.join(assessed);
            rows.forEach((extract, counted) -> smallExtractRows.put(extract, tasks.join(counted)));
        }
        extracts.values().forEach(e -> conflictScopes.put(e.name(), e.conflictScopes()));
    }

    /** The facts of one evaluation year and as-of date. */
    public FactSheet build(EvaluationPeriod period) {
        if (!years.contains(period.year())) {
            throw new IllegalArgumentException("facts of " + period.year() + " were not prepared (years " + years + ")");
        }
        if (assessments.delivered() && !assessments.hasYear(period.year())) {
            // One line for what the scorecard shows as every assessed item of every region.
            LOG.warn("assessments: no row for {}: every assessed item is not_assessed (usual before the experts have "
                    + "assessed the year)", period.year());
        }
        AggregationContext context = new AggregationContext(period, edition);
        RecordFacts records = new RecordFacts();
        List<RecordAggregation> delivered = AGGREGATIONS.stream().filter(a -> isDelivered(a.extract())).toList();
        delivered.forEach(a -> records.delivered(a.extract()));
        List<Supplier<Counted>> jobs = new ArrayList<>();
        for (RecordAggregation a : delivered) {
            jobs.add(() -> timed(a.extract(), period, () -> rolledUp(counts(extracts.get(a.extract()), context,
                    new Counter(rows -> a.count(rows, context), rows -> a.countBySide(rows, context))))));
        }
        if (isDelivered(OperatorSalesFacts.EXTRACT)) {
            records.delivered(OperatorSalesFacts.EXTRACT);
            if (isDelivered("operators") && OperatorSalesFacts.applies(context)) {
                // The sales kept by the reference check carry their operator's region.
                jobs.add(() -> timed(OperatorSalesFacts.EXTRACT, period, () -> new Counted(OperatorSalesFacts.SCORED_FACTS,
                        OperatorSalesFacts.scored(counts(extracts.get(OperatorSalesFacts.EXTRACT), context, new Counter(
                                rows -> OperatorSalesFacts.count(rows, context), rows -> OperatorSalesFacts.countBySide(rows, context))),
                                tree))));
            }
        }
        for (Counted counted : Concurrently.map(jobs, Supplier::get)) {
            // Counted even where no region has records: those regions count 0.
            records.counted(counted.facts());
            for (RecordAggregation.FactCount c : counted.counts()) {
                records.put(c.region(), c.fact(), c.count());
            }
        }
        Map<String, Map<String, Long>> rowsByRegion = new HashMap<>(smallExtractRows);
        delivered.forEach(a -> rowsByRegion.put(a.extract(), records.perRegion(Facts.rowsOf(a.extract()))));
        return new FactSheet(period, tree, records, aggregates, national, conflictScopes, assessments, rowsByRegion);
    }

    /**
     * The latest rows of an extract per region (every year): what the lineage of a region's items
     * says was there to use.
     */
    private Map<String, Long> rowsPerRegion(LoadedExtract e) {
        Map<String, Long> own = new HashMap<>();
        for (Row r : e.latest().groupBy(RecordAggregation.REGION).count().collectAsList()) {
            own.put(r.getString(0), r.getLong(1));
        }
        return FactSheet.rowsRolledUp(e.name(), own, tree);
    }

    /**
     * The counts of an extract's latest rows: kept from the state this run left (nothing
     * changed), updated from those of the state it started from, or counted; then kept for the
     * next run.
     */
    private RegionCounts counts(LoadedExtract e, AggregationContext context, Counter count) {
        StagedChange change = e.change();
        if (staged == null || change == null) {
            return count.all().apply(e.latest());
        }
        String basis = context.basis();
        Optional<RegionCounts> kept = staged.find(e.name(), change.generationAfter(), change.after(), basis);
        if (kept.isPresent()) {
            LOG.info("facts {}: the counts of {} were kept by an earlier run", e.name(), change.after());
            return kept.get();
        }
        RegionCounts out = null;
        Optional<RegionCounts> before = change.updatable()
                ? staged.find(e.name(), change.generationBefore(), change.before(), basis) : Optional.empty();
        if (before.isPresent()) {
            Map<String, RegionCounts> changed = count.bySide().apply(RegionCounts.sides(change.removed(), change.added()));
            try {
                out = before.get().minus(changed.get(RegionCounts.REMOVED)).plus(changed.get(RegionCounts.ADDED));
                LOG.info("facts {}: counts of {} updated with the rows the delivery replaced and added", e.name(), change.after());
            } catch (RegionCounts.DoNotFit ex) {
                LOG.warn("facts {}: the kept counts of {} do not fit ({}); counting every row", e.name(), change.before(),
                        ex.getMessage());
            }
        }
        if (out == null) {
            out = count.all().apply(e.latest());
        }
        staged.keep(e.name(), change.generationAfter(), change.after(), basis, out);
        return out;
    }

    /**
     * How an extract's rows are counted per region: all of them, or the rows a change took away
     * and brought, told apart by {@link RegionCounts#SIDE}, in one job.
     */
    private record Counter(Function<Dataset<Row>, RegionCounts> all, Function<Dataset<Row>, Map<String, RegionCounts>> bySide) {
    }

    /** The facts an extract's counting gave, and their counts per region. */
    private record Counted(List<String> facts, List<RecordAggregation.FactCount> counts) {
    }

    /** One count per fact and region, each region's over its own and its descendants' records. */
    private Counted rolledUp(RegionCounts counts) {
        List<RecordAggregation.FactCount> out = new ArrayList<>();
        counts.rolledUp(tree).forEach((region, n) -> {
            for (int i = 0; i < n.length; i++) {
                out.add(new RecordAggregation.FactCount(region, counts.facts().get(i), n[i]));
            }
        });
        return new Counted(counts.facts(), out);
    }

    private boolean isDelivered(String extract) {
        LoadedExtract e = extracts.get(extract);
        return e != null && e.delivered();
    }

    private static Counted timed(String extract, EvaluationPeriod period, Supplier<Counted> job) {
        long started = System.nanoTime();
        Counted out = job.get();
        LOG.info("facts {} for {}: {} counts in {} ms", extract, period.year(), out.counts().size(),
                (System.nanoTime() - started) / 1_000_000);
        return out;
    }

    /** An aggregate extract's figures, and its rows per region rolled up (for the lineage). */
    private record CollectedAggregate(AggregateFigures figures, Map<String, Long> rowsByRegion) {
    }

    private CollectedAggregate collectAggregate(LoadedExtract e) {
        ExtractSchema s = e.schema();
        AggregateFigures figures = new AggregateFigures(e.name(), e.delivered(), tree);
        String periodColumn = s.key().get(1);
        List<String> measures = s.valueColumns();
        Map<String, Long> rows = new HashMap<>();
        for (Row r : e.latest().collectAsList()) {
            String region = r.getAs("region_code");
            rows.merge(region, 1L, Long::sum);
            String period = String.valueOf(r.<Object>getAs(periodColumn));
            for (String m : measures) {
                Object v = r.getAs(m);
                if (v != null) {
                    figures.put(region, period, m, v instanceof BigDecimal d ? d : new BigDecimal(v.toString()));
                }
            }
        }
        for (Map<String, Object> key : e.conflictKeys()) {
            figures.conflict((String) key.get("region_code"), String.valueOf(key.get(periodColumn)));
        }
        return new CollectedAggregate(figures, FactSheet.rowsRolledUp(e.name(), rows, tree));
    }

    /**
     * Collects the assessments of {@code years} only: a national data set holds close to a
     * million assessment rows over all years.
     *
     * @param extract the assessments extract, or null when the run did not load it
     */
    public static AssessmentFacts collectAssessments(LoadedExtract extract, Collection<Integer> years) {
        AssessmentFacts out = new AssessmentFacts(extract != null && extract.delivered());
        if (!out.delivered()) {
            return out;
        }
        for (Row r : extract.latest().filter(col("year").isin(years.toArray())).collectAsList()) {
            BigDecimal points = r.getAs("points");
            out.put(r.<Integer>getAs("year"), r.getAs("region_code"), new Assessment(r.getAs("item"), points.stripTrailingZeros(),
                    r.getAs("evidence"), r.getAs("assessor"), r.<LocalDateTime>getAs("assessed_at")));
        }
        for (Map<String, Object> key : extract.conflictKeys()) {
            out.putConflict((Integer) key.get("year"), (String) key.get("region_code"), (String) key.get("item"));
        }
        return out;
    }

    private static NationalFigures collectNational(LoadedExtract e) {
        NationalFigures n = new NationalFigures(e != null && e.delivered());
        if (e == null || !e.delivered()) {
            return n;
        }
        for (Row r : e.latest().collectAsList()) {
            n.put(r.<Integer>getAs("year"), r.getAs("metric"), r.getAs("value"));
        }
        for (Map<String, Object> key : e.conflictKeys()) {
            n.conflict((Integer) key.get("year"), (String) key.get("metric"));
        }
        return n;
    }
}
