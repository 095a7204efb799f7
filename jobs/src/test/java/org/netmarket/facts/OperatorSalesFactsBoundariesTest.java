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
import org.netmarket.edition.Parameters;
import org.netmarket.edition.TestEditions;
import org.netmarket.region.Region;
import org.netmarket.region.RegionTree;
import org.netmarket.staging.SparkColumns;
import org.netmarket.testing.SharedSpark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The boundaries of item 4 where Spark computes them ({@link OperatorSalesFacts#count} then
 * {@link OperatorSalesFacts#scored}, as {@link FactBuilder} does). Year Y = 2024, recent years
 * Y-1 = 2023 and Y = 2024: an operator is new above scale in t when sales(t) >= T and (no row
 * for t-1 or sales(t-1) < T), T by the scored region's economic zone: east 200,000,000, central
 * 100,000,000, west 50,000,000 yuan (edition 2022, {@code above_scale_threshold_yuan}).
 *
 * <p>Each zone has a province, a city and one county per case below, each county holding one
 * operator, so a county's count is the verdict on one case. The sales column has the staged
 * type (decimal(38,12)), and every amount is an exact BigDecimal.
 */
class OperatorSalesFactsBoundariesTest {
    /** Staged sales rows as FactBuilder hands them over: with the operator's region joined. */
    private static final StructType SALES = new StructType()
            .add("operator_id", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("ecommerce_sales_yuan", SparkColumns.DECIMAL)
            .add(OperatorSalesFacts.OPERATOR_REGION, DataTypes.StringType);

    private static final BigDecimal EAST = new BigDecimal("200000000");
    private static final BigDecimal CENTRAL = new BigDecimal("100000000");
    private static final BigDecimal WEST = new BigDecimal("50000000");
    private static final BigDecimal FEN = new BigDecimal("0.01");

    private static SparkSession spark;
    private static Edition edition;
    private static final EvaluationPeriod Y2024 = EvaluationPeriod.of(2024);

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
        edition = TestEditions.edition2022();
    }

    /**
     * One case: sales of 2022 (Y-2), 2023 (Y-1), 2024 (Y), null = no row, and whether the
     * operator is new above scale (derived by hand in {@link #cases}).
     */
    private record Case(String what, BigDecimal s2022, BigDecimal s2023, BigDecimal s2024, int expected) {
    }

    /**
     * The cases for threshold T, with the verdict derived by hand from the rule:
     * new(2023) = s2023 >= T and (s2022 absent or s2022 < T); new(2024) likewise with s2023.
     */
    private static List<Case> cases(BigDecimal t) {
        BigDecimal below = t.subtract(FEN);
        BigDecimal above = t.add(FEN);
        return List.of(
                // threshold of year Y, no row of Y-1
                new Case("Y exactly at T, no row of Y-1", null, null, t, 1),
                new Case("Y one fen below T, no row of Y-1", null, null, below, 0),
                new Case("Y one fen above T, no row of Y-1", null, null, above, 1),
                new Case("Y 1e-12 yuan below T (exact decimal, not double)", null, null,
                        t.subtract(new BigDecimal("0.000000000001")), 0),
                // previous-year condition for t = Y (Y-2 at T keeps Y-1 from being new itself)
                new Case("Y at T, Y-1 exactly at T", t, t, t, 0),
                new Case("Y at T, Y-1 one fen below T", t, below, t, 1),
                new Case("Y at T, Y-1 one fen above T", t, above, t, 0),
                new Case("Y at T, no row of Y-1 (Y-2 at T)", t, null, t, 1),
                // threshold and previous-year condition for t = Y-1
                new Case("Y-1 one fen below T, no row of Y-2", null, below, null, 0),
                new Case("Y-1 at T, Y-2 exactly at T", t, t, null, 0),
                new Case("Y-1 at T, Y-2 one fen below T", below, t, null, 1),
                new Case("Y-1 at T, Y-2 one fen above T", above, t, null, 0),
                new Case("Y-1 at T, no row of Y-2", null, t, null, 1),
                // Y-2 is only the base year of Y-1: above scale there alone is not new
                new Case("only Y-2, above T", above, null, null, 0),
                // new in Y-1 and still above in Y: not new again in Y (sales(Y-1) >= T), counted once.
                // Under one threshold no operator can be new in both years (new in Y-1 needs
                // sales(Y-1) >= T, new in Y needs sales(Y-1) < T), so "distinct" never merges two years.
                new Case("new in Y-1, still above in Y", null, t, above, 1));
        // hand sum of the expected verdicts: 1+0+1+0+0+1+0+1+0+0+1+0+1+0+1 = 7
    }

    private static final int CASES = 15;
    private static final long NEW_PER_ZONE = 7;

    private static String county(String cityCode, int i) {
        return cityCode.substring(0, 4) + String.format("%02d", i);
    }

    private static Row sale(String operator, int year, BigDecimal yuan, String region) {
        return RowFactory.create(operator, year, yuan, region);
    }

    /** Adds the rows of every case, case i in county i of the city (1-based). */
    private static void addCases(List<Row> rows, String cityCode, BigDecimal threshold) {
        List<Case> cases = cases(threshold);
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String region = county(cityCode, i + 1);
            String operator = String.format("91%s%s%08d", cityCode, "MA", i + 1);
            if (c.s2022() != null) {
                rows.add(sale(operator, 2022, c.s2022(), region));
            }
            if (c.s2023() != null) {
                rows.add(sale(operator, 2023, c.s2023(), region));
            }
            if (c.s2024() != null) {
                rows.add(sale(operator, 2024, c.s2024(), region));
            }
        }
    }

    private static void addRegions(List<Region> regions, String province, String city, String zone) {
        regions.add(new Region(province, "省" + zone, null, "province", zone));
        regions.add(new Region(city, "市" + zone, province, "city", zone));
        for (int i = 1; i <= CASES; i++) {
            regions.add(new Region(county(city, i), "县" + zone + i, city, "county", zone));
        }
    }

    /** Region -> OPERATORS_NEW_ABOVE_SCALE, as the scored facts give it. */
    private static Map<String, Long> newAboveScale(List<Row> rows, RegionTree tree) {
        return scored(rows, tree, Facts.OPERATORS_NEW_ABOVE_SCALE);
    }

    /** Region -> one fact of the scored facts of item 4. */
    private static Map<String, Long> scored(List<Row> rows, RegionTree tree, String fact) {
        Dataset<Row> sales = spark.createDataFrame(rows, SALES);
        AggregationContext context = new AggregationContext(Y2024, edition);
        Map<String, Long> out = new TreeMap<>();
        for (RecordAggregation.FactCount c : OperatorSalesFacts.scored(OperatorSalesFacts.count(sales, context), tree)) {
            if (c.fact().equals(fact)) {
                out.put(c.region(), c.count());
            }
        }
        return out;
    }

    /** Sales of Y+1 are no year of the window: above the threshold there alone is not new, nor does it undo Y. */
    @Test
    void salesOfTheYearAfterYAreNotRead() {
        RegionTree tree = new RegionTree(List.of(new Region("140000", "山西省", null, "province", "central"),
                new Region("140800", "运城市", "140000", "city", "central"),
                new Region("140801", "县1", "140800", "county", "central"), new Region("140802", "县2", "140800", "county", "central")));
        List<Row> rows = List.of(
                // only 2025 above T: not new
                sale("91140800MA00000001", 2025, CENTRAL.add(FEN), "140801"),
                // new in 2024 (no 2023 row), 2025 below T again: still new in 2024
                sale("91140800MA00000002", 2024, CENTRAL, "140802"), sale("91140800MA00000002", 2025, CENTRAL.subtract(FEN), "140802"));
        Map<String, Long> counted = newAboveScale(rows, tree);
        assertEquals(0L, counted.getOrDefault("140801", 0L), "2025 alone");
        assertEquals(1L, counted.getOrDefault("140802", 0L), "2024 at T, whatever 2025 says");
    }

    @Test
    void theEditionSetsTheSpecThresholds() {
        // The cases are derived by hand from these amounts; a change of the edition must show here.
        Parameters p = new AggregationContext(Y2024, edition).parameters("new_above_scale_operators").orElseThrow();
        assertEquals(0, EAST.compareTo(p.decimal("above_scale_threshold_yuan.east")), "east");
        assertEquals(0, CENTRAL.compareTo(p.decimal("above_scale_threshold_yuan.central")), "central");
        assertEquals(0, WEST.compareTo(p.decimal("above_scale_threshold_yuan.west")), "west");
        assertEquals(2, p.integer("recent_years"), "recent years Y-1 and Y");
    }

    @Test
    void eachZoneCountsAtAndAboveItsThresholdAndAPreviousYearAtTheThresholdIsNotNew() {
        List<Region> regions = new ArrayList<>();
        addRegions(regions, "330000", "330100", "east");
        addRegions(regions, "140000", "140800", "central");
        addRegions(regions, "510000", "510100", "west");
        RegionTree tree = new RegionTree(regions);
        List<Row> rows = new ArrayList<>();
        addCases(rows, "330100", EAST);
        addCases(rows, "140800", CENTRAL);
        addCases(rows, "510100", WEST);

        Map<String, Long> counted = newAboveScale(rows, tree);

        Map<String, Long> expected = new TreeMap<>();
        for (String[] zone : new String[][]{{"330000", "330100"}, {"140000", "140800"}, {"510000", "510100"}}) {
            List<Case> cases = cases(BigDecimal.ONE); // the verdicts do not depend on T
            for (int i = 0; i < cases.size(); i++) {
                expected.put(county(zone[1], i + 1), (long) cases.get(i).expected());
            }
            // A city's count is the sum over its counties' operators: each operator is counted
            // once, in the one region its registry row gives, then rolled up to every ancestor.
            expected.put(zone[1], NEW_PER_ZONE);
            expected.put(zone[0], NEW_PER_ZONE);
        }
        assertEquals(CASES, cases(BigDecimal.ONE).size());
        assertEquals(NEW_PER_ZONE, cases(BigDecimal.ONE).stream().mapToLong(Case::expected).sum());
        // Compare case by case, so a failure names the case and zone.
        for (String[] zone : new String[][]{{"east", "330100"}, {"central", "140800"}, {"west", "510100"}}) {
            List<Case> cases = cases(BigDecimal.ONE);
            for (int i = 0; i < cases.size(); i++) {
                String county = county(zone[1], i + 1);
                assertEquals(expected.get(county), counted.getOrDefault(county, 0L),
                        zone[0] + " county " + county + ": " + cases.get(i).what());
            }
        }
        assertEquals(expected, counted);
    }

    @Test
    void theThresholdIsThatOfTheScoredRegionNotOfTheOperatorsRegion() {
        // An east province and city with one west county and one central county (unusual, but
        // the zone is a column of every region). Sales of 2024, no row of 2023:
        //   west county:    50,000,000.00 = west T  -> new for the west county; below central and east T
        //   central county: 100,000,000.00 = central T -> new for the central county; below east T
        //   east county:    199,999,999.99 -> one fen below east T: not new anywhere in the east
        //   the city itself: 200,000,000.00 = east T (an operator registered at city level)
        // City and province (east) judge all four operators by 200,000,000: only the city's own
        // operator is new, and a city's figure covers its own records plus its counties'.
        RegionTree tree = new RegionTree(List.of(
                new Region("440000", "广东省", null, "province", "east"),
                new Region("440100", "广州市", "440000", "city", "east"),
                new Region("440101", "西部县", "440100", "county", "west"),
                new Region("440102", "中部县", "440100", "county", "central"),
                new Region("440103", "东部县", "440100", "county", "east")));
        List<Row> rows = List.of(
                sale("91440100MA00000001", 2024, new BigDecimal("50000000.00"), "440101"),
                sale("91440100MA00000002", 2024, new BigDecimal("100000000.00"), "440102"),
                sale("91440100MA00000003", 2024, new BigDecimal("199999999.99"), "440103"),
                sale("91440100MA00000004", 2024, new BigDecimal("200000000.00"), "440100"));
        assertEquals(Map.of("440101", 1L, "440102", 1L, "440103", 0L, "440100", 1L, "440000", 1L),
                newAboveScale(rows, tree));

        // One fen more for the east county's operator (200,000,000.00 = east T): it is new in its
        // county and, by the east threshold, in the city and province too: 1 (own) + 1 = 2.
        List<Row> more = List.of(rows.get(0), rows.get(1),
                sale("91440100MA00000003", 2024, new BigDecimal("200000000.00"), "440103"), rows.get(3));
        assertEquals(Map.of("440101", 1L, "440102", 1L, "440103", 1L, "440100", 2L, "440000", 2L),
                newAboveScale(more, tree));
    }

    @Test
    void salesOnlyOutsideTheRecentYearsAreRowsOfTheRegionAndNoNewOperator() {
        // Item 4 is a count, not a rate: a county whose operators sold only in 2019 and 2021 has
        // sales rows (so its item is scored, with 0), unlike a county without any sales row (no
        // records). 2021 is Y-3, the year before the first year the item looks back on.
        RegionTree tree = new RegionTree(List.of(
                new Region("330000", "浙江省", null, "province", "east"),
                new Region("330100", "杭州市", "330000", "city", "east"),
                new Region("330102", "上城区", "330100", "county", "east"),
                new Region("330105", "拱墅区", "330100", "county", "east")));
        List<Row> rows = List.of(
                sale("91330100MA00000001", 2019, new BigDecimal("900000000.00"), "330102"),
                sale("91330100MA00000002", 2021, new BigDecimal("900000000.00"), "330102"),
                sale("91330100MA00000003", 2024, new BigDecimal("900000000.00"), "330105"));
        // 330102: sales in 2019 and 2021 only; 330105: new above scale in 2024; the city: both.
        assertEquals(Map.of("330102", 2L, "330105", 1L, "330100", 3L, "330000", 3L),
                scored(rows, tree, Facts.rowsOf(OperatorSalesFacts.EXTRACT)), "operators with sales rows");
        assertEquals(Map.of("330102", 0L, "330105", 1L, "330100", 1L, "330000", 1L),
                newAboveScale(rows, tree), "new above-scale operators");
    }

    @Test
    void theSalesAChangeTookAwayAndBroughtCountedInOneJobCountAsEachCountedAlone() {
        // Every row of each operator a change touches is on one side: before (removed) and after
        // (added). The central city's cases before; after, its first case fell one fen below T and
        // an east operator came.
        List<Row> removed = new ArrayList<>();
        addCases(removed, "140800", CENTRAL);
        List<Row> added = new ArrayList<>(removed);
        added.remove(0);
        added.add(0, sale(String.format("91%s%s%08d", "140800", "MA", 1), 2024, CENTRAL.subtract(FEN), county("140800", 1)));
        added.add(sale("91330100MA99999999", 2024, EAST, county("330100", 1)));
        AggregationContext context = new AggregationContext(Y2024, edition);
        Map<String, RegionCounts> bySide = OperatorSalesFacts.countBySide(RegionCounts.sides(
                spark.createDataFrame(removed, SALES), spark.createDataFrame(added, SALES)), context);
        assertEquals(counted(OperatorSalesFacts.count(spark.createDataFrame(removed, SALES), context)),
                counted(bySide.get(RegionCounts.REMOVED)));
        assertEquals(counted(OperatorSalesFacts.count(spark.createDataFrame(added, SALES), context)),
                counted(bySide.get(RegionCounts.ADDED)));
        // By hand: the central cases give 7 new under the central threshold; after, 6 (case 1 fell
        // below), and the east operator counts in its county.
        int central = OperatorSalesFacts.FACTS.indexOf("new_above_scale_central");
        int east = OperatorSalesFacts.FACTS.indexOf("new_above_scale_east");
        assertEquals(NEW_PER_ZONE, newIn("1408", bySide.get(RegionCounts.REMOVED), central));
        assertEquals(NEW_PER_ZONE - 1, newIn("1408", bySide.get(RegionCounts.ADDED), central));
        assertEquals(1, bySide.get(RegionCounts.ADDED).byRegion().get(county("330100", 1))[east]);
    }

    /** The count at {@code index} summed over the regions whose code starts with {@code prefix}. */
    private static long newIn(String prefix, RegionCounts counts, int index) {
        return counts.byRegion().entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue()[index]).sum();
    }

    /** Region -> every count, comparable with equals. */
    private static Map<String, List<Long>> counted(RegionCounts counts) {
        Map<String, List<Long>> out = new TreeMap<>();
        counts.byRegion().forEach((region, n) -> out.put(region, java.util.Arrays.stream(n).boxed().toList()));
        return out;
    }
}
