package org.netmarket.facts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netmarket.edition.Edition;
import org.netmarket.edition.TestEditions;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.testing.SharedSpark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boundaries of items 3 and 9 where Spark computes them ({@link OperatorFacts} counted by
 * {@link RecordAggregation#count} and rolled up by {@link RegionCounts#rolledUp}, as
 * {@link FactBuilder} does):
 * <ul>
 *   <li>item 3, active at as-of: {@code registered_on <= as-of} and not deregistered on or
 *       before the as-of date;</li>
 *   <li>item 9, survived: active and {@code registered_on <= as-of minus 2 years} (calendar
 *       arithmetic; the code takes {@code asOf.minusYears(survival_years)} with
 *       {@code survival_years: 2} from the edition, so 2024-02-29 gives 2022-02-28).</li>
 * </ul>
 * Every county of the test tree holds exactly one operator, so each county's pair
 * (active, survived) is the verdict on one boundary case, and the city/province sum them.
 * All dates below are written out by hand, never computed with java.time in the test.
 */
class OperatorFactsBoundariesTest {
    /** The staged operators' columns OperatorFacts reads (DateType, as SparkColumns types {@code date}). */
    private static final StructType OPERATORS = new StructType()
            .add("operator_id", DataTypes.StringType)
            .add(RecordAggregation.REGION, DataTypes.StringType)
            .add("registered_on", DataTypes.DateType)
            .add("deregistered_on", DataTypes.DateType);

    private static final String PROVINCE = "330000";
    private static final String CITY = "330100";
    /** Test counties 330101..330109, one operator each. */
    private static final int COUNTIES = 9;

    private static final RegionTree TREE = tree();

    private static SparkSession spark;
    private static Edition edition;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        edition = TestEditions.edition2022();
    }

    private static RegionTree tree() {
        List<Region> regions = new ArrayList<>();
        regions.add(new Region(PROVINCE, "浙江省", null, "province", "east"));
        regions.add(new Region(CITY, "杭州市", PROVINCE, "city", "east"));
        for (int i = 1; i <= COUNTIES; i++) {
            regions.add(new Region(county(i), "测试县" + i, CITY, "county", "east"));
        }
        return new RegionTree(regions);
    }

    private static String county(int i) {
        return String.format("3301%02d", i);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Operator i in county i. */
    private static Row operator(int i, String registeredOn, String deregisteredOn) {
        return RowFactory.create(String.format("91330100MA%08d", i), county(i), d(registeredOn),
                deregisteredOn == null ? null : d(deregisteredOn));
    }

    /** Region -> [active, survived] as Spark counts and rolls them up. */
    private static Map<String, List<Long>> activeAndSurvived(EvaluationPeriod period, List<Row> rows) {
        Dataset<Row> operators = spark.createDataFrame(rows, OPERATORS);
        RegionCounts counts = new OperatorFacts().count(operators, new AggregationContext(period, edition));
        int active = counts.facts().indexOf(Facts.OPERATORS_ACTIVE);
        int survived = counts.facts().indexOf(Facts.OPERATORS_SURVIVED);
        // indexOf is -1 for a fact not counted; 0 is a valid index (where RegionCounts keeps the row count).
        assertTrue(active >= 0 && survived >= 0, "facts counted: " + counts.facts());
        Map<String, List<Long>> out = new TreeMap<>();
        counts.rolledUp(TREE).forEach((region, n) -> out.put(region, List.of(n[active], n[survived])));
        return out;
    }

    /** Builds region -> [active, survived] from (region, active, survived) triples. */
    private static Map<String, List<Long>> expected(Object... triples) {
        Map<String, List<Long>> m = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            m.put((String) triples[i], List.of(((Number) triples[i + 1]).longValue(), ((Number) triples[i + 2]).longValue()));
        }
        return new TreeMap<>(m);
    }

    @Test
    void theEditionSetsTwoSurvivalYears() {
        // The dates below are derived by hand for 2 years; a change of the edition must show here.
        assertEquals(2, new AggregationContext(EvaluationPeriod.of(2024), edition)
                .parameters("operator_survival_rate").orElseThrow().integer("survival_years"));
    }

    @Test
    void endOfYearAsOfCutsOffTwoCalendarYearsEarlierAndActiveMeansRegisteredByAndNotDeregisteredBy() {
        // as-of 2024-12-31 -> cut-off 2022-12-31 (spec example).
        List<Row> rows = List.of(
                operator(1, "2022-12-31", null),          // on the cut-off: active, survived
                operator(2, "2023-01-01", null),          // one day after the cut-off: active, not survived
                operator(3, "2022-12-30", null),          // one day before the cut-off: active, survived
                operator(4, "2024-12-31", null),          // registered on the as-of day: active, not survived
                operator(5, "2025-01-01", null),          // registered the day after as-of: not active
                operator(6, "2020-01-01", "2024-12-31"),  // deregistered on the as-of day: not active
                operator(7, "2020-01-01", "2025-01-01"),  // deregistered the day after: active, survived
                operator(8, "2020-01-01", "2024-12-30"),  // deregistered the day before: not active
                operator(9, "2022-12-31", "2024-12-31")); // on the cut-off but deregistered on as-of: neither
        // city = province: active 1+1+1+1+0+0+1+0+0 = 5, survived 1+0+1+0+0+0+1+0+0 = 3
        assertEquals(expected(
                county(1), 1, 1, county(2), 1, 0, county(3), 1, 1,
                county(4), 1, 0, county(5), 0, 0, county(6), 0, 0,
                county(7), 1, 1, county(8), 0, 0, county(9), 0, 0,
                CITY, 5, 3, PROVINCE, 5, 3),
                activeAndSurvived(new EvaluationPeriod(2024, d("2024-12-31")), rows));
    }

    @Test
    void februaryTwentyEighthAsOfCutsOffOnFebruaryTwentyEighthNotOnTheLeapDayAfterIt() {
        // as-of 2022-02-28 -> cut-off 2020-02-28 (spec example). 2020 is a leap year, so the day
        // after the cut-off is 2020-02-29: not survived (an "end of February" reading would count it).
        List<Row> rows = List.of(
                operator(1, "2020-02-28", null),          // on the cut-off: active, survived
                operator(2, "2020-02-29", null),          // one day after: active, not survived
                operator(3, "2020-02-27", null),          // one day before: active, survived
                operator(4, "2022-02-28", null),          // registered on the as-of day: active, not survived
                operator(5, "2022-03-01", null),          // registered the day after as-of: not active
                operator(6, "2019-06-01", "2022-02-28"),  // deregistered on the as-of day: not active
                operator(7, "2019-06-01", "2022-03-01"),  // deregistered the day after: active, survived
                operator(8, "2019-06-01", "2022-02-27"),  // deregistered the day before: not active
                operator(9, "2020-02-28", "2022-03-01")); // on the cut-off, deregistered after as-of: active, survived
        // city = province: active 1+1+1+1+0+0+1+0+1 = 6, survived 1+0+1+0+0+0+1+0+1 = 4
        assertEquals(expected(
                county(1), 1, 1, county(2), 1, 0, county(3), 1, 1,
                county(4), 1, 0, county(5), 0, 0, county(6), 0, 0,
                county(7), 1, 1, county(8), 0, 0, county(9), 1, 1,
                CITY, 6, 4, PROVINCE, 6, 4),
                activeAndSurvived(new EvaluationPeriod(2022, d("2022-02-28")), rows));
    }

    @Test
    void leapDayAsOfCutsOffOnFebruaryTwentyEighthTwoYearsEarlier() {
        // as-of 2024-02-29: 2022 has no 29 February; java.time minusYears(2) gives 2022-02-28 and
        // the code uses exactly that, so the cut-off is 2022-02-28 and 2022-03-01 is one day after.
        List<Row> rows = List.of(
                operator(1, "2022-02-28", null),          // on the cut-off: active, survived
                operator(2, "2022-03-01", null),          // one day after: active, not survived
                operator(3, "2022-02-27", null),          // one day before: active, survived
                operator(4, "2024-02-29", null),          // registered on the as-of (leap) day: active, not survived
                operator(5, "2024-03-01", null),          // registered the day after as-of: not active
                operator(6, "2021-01-01", "2024-02-29"),  // deregistered on the as-of day: not active
                operator(7, "2021-01-01", "2024-03-01"),  // deregistered the day after: active, survived
                operator(8, "2021-01-01", "2024-02-28"),  // deregistered the day before: not active
                operator(9, "2024-02-28", null));         // registered the day before as-of: active, not survived
        // city = province: active 1+1+1+1+0+0+1+0+1 = 6, survived 1+0+1+0+0+0+1+0+0 = 3
        assertEquals(expected(
                county(1), 1, 1, county(2), 1, 0, county(3), 1, 1,
                county(4), 1, 0, county(5), 0, 0, county(6), 0, 0,
                county(7), 1, 1, county(8), 0, 0, county(9), 1, 0,
                CITY, 6, 3, PROVINCE, 6, 3),
                activeAndSurvived(new EvaluationPeriod(2024, d("2024-02-29")), rows));
    }

    @Test
    void anOperatorRegisteredOnALeapDayHasNotSurvivedOnTheTwentyEighthTwoYearsLater() {
        // The spec's formula is registered_on <= (as-of minus 2 years): as-of 2026-02-28 -> cut-off
        // 2024-02-28, so an operator registered 2024-02-29 has not survived yet (although
        // 2024-02-29 plus 2 years, clamped by java.time, is 2026-02-28); it has on 2026-03-01.
        List<Row> rows = List.of(
                operator(1, "2024-02-29", null),   // one day after the cut-off 2024-02-28: not survived
                operator(2, "2024-02-28", null));  // on the cut-off: survived
        assertEquals(expected(
                county(1), 1, 0, county(2), 1, 1,
                CITY, 2, 1, PROVINCE, 2, 1),
                activeAndSurvived(new EvaluationPeriod(2026, d("2026-02-28")), rows));
        // as-of 2026-03-01 -> cut-off 2024-03-01: both registered on or before it.
        assertEquals(expected(
                county(1), 1, 1, county(2), 1, 1,
                CITY, 2, 2, PROVINCE, 2, 2),
                activeAndSurvived(new EvaluationPeriod(2026, d("2026-03-01")), rows));
    }

    @Test
    void aMidYearAsOfJudgesActivityAtThatDateNotAtTheEndOfTheYear() {
        // as-of 2024-06-30 (year 2024) -> cut-off 2022-06-30.
        List<Row> rows = List.of(
                operator(1, "2024-06-30", null),          // registered on as-of: active
                operator(2, "2024-07-01", null),          // registered later in year Y: not active at as-of
                operator(3, "2022-06-30", "2024-07-01"),  // on the cut-off, deregistered after as-of: active, survived
                operator(4, "2022-07-01", "2024-06-30"),  // deregistered on as-of: not active
                operator(5, "2022-07-01", null));         // one day after the cut-off: active, not survived
        // city = province: active 1+0+1+0+1 = 3, survived 0+0+1+0+0 = 1
        assertEquals(expected(
                county(1), 1, 0, county(2), 0, 0, county(3), 1, 1, county(4), 0, 0, county(5), 1, 0,
                CITY, 3, 1, PROVINCE, 3, 1),
                activeAndSurvived(new EvaluationPeriod(2024, d("2024-06-30")), rows));
    }

    @Test
    void theRowsAChangeTookAwayAndBroughtCountedInOneJobCountAsEachCountedAlone() {
        // What a nightly run counts to keep the counts up to date: a county-5 operator left, two
        // came (one in county 5 again, one deregistered before as-of), and nothing left county 9.
        List<Row> removed = List.of(operator(5, "2020-01-01", null), operator(1, "2024-12-31", "2024-12-31"));
        List<Row> added = List.of(operator(5, "2020-01-01", "2024-12-30"), operator(9, "2022-12-31", null),
                operator(2, "2023-01-01", null));
        AggregationContext context = new AggregationContext(new EvaluationPeriod(2024, d("2024-12-31")), edition);
        OperatorFacts facts = new OperatorFacts();
        Map<String, RegionCounts> bySide = facts.countBySide(RegionCounts.sides(
                spark.createDataFrame(removed, OPERATORS), spark.createDataFrame(added, OPERATORS)), context);
        assertEquals(counted(facts.count(spark.createDataFrame(removed, OPERATORS), context)), counted(bySide.get(RegionCounts.REMOVED)));
        assertEquals(counted(facts.count(spark.createDataFrame(added, OPERATORS), context)), counted(bySide.get(RegionCounts.ADDED)));
        // By hand: removed active 1 (county 5) of 2 rows; added active 2 (counties 9 and 2) of 3 rows.
        int active = bySide.get(RegionCounts.ADDED).facts().indexOf(Facts.OPERATORS_ACTIVE);
        assertEquals(1, bySide.get(RegionCounts.REMOVED).rolledUp(TREE).get(CITY)[active]);
        assertEquals(2, bySide.get(RegionCounts.ADDED).rolledUp(TREE).get(CITY)[active]);
        // A change that only brought rows: the side that took none away has no counts.
        Map<String, RegionCounts> onlyAdded = facts.countBySide(RegionCounts.sides(
                spark.createDataFrame(List.of(), OPERATORS), spark.createDataFrame(added, OPERATORS)), context);
        assertEquals(Map.of(), counted(onlyAdded.get(RegionCounts.REMOVED)));
        assertEquals(counted(bySide.get(RegionCounts.ADDED)), counted(onlyAdded.get(RegionCounts.ADDED)));
    }

    /** Region -> every count, comparable with equals. */
    private static Map<String, List<Long>> counted(RegionCounts counts) {
        Map<String, List<Long>> out = new TreeMap<>();
        counts.byRegion().forEach((region, n) -> out.put(region, java.util.Arrays.stream(n).boxed().toList()));
        return out;
    }
}
