package org.netmarket.edition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netmarket.items.ComputedItem;
import org.netmarket.items.ItemRegistry;
import org.netmarket.rules.Comparison;
import org.netmarket.rules.Criterion;
import org.netmarket.rules.ScoringRule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditionLoaderTest {
    private static final Edition E = TestEditions.edition2022();

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void assertDecimal(String expected, BigDecimal actual, String what) {
        assertEquals(0, d(expected).compareTo(actual), what + ": expected " + expected + ", got " + actual);
    }

    // ---- the 2022 edition -----------------------------------------------------------------

    @Test
    void the2022EditionHasTheShapeOfTheIndicatorSystem() {
        assertEquals("2022", E.id());
        assertEquals(41, E.indicators().size(), "41 third-level indicators");
        assertEquals(75, E.items().size(), "items");
        assertEquals(22, E.computedItems().size(), "computed items");
        assertEquals(5, E.firstLevelCategories().size());
        assertEquals(10, E.categories().stream().filter(c -> c.level() == 2).count());
        assertDecimal("100", E.totalPoints(), "total points");
        assertDecimal("85", E.passRule().totalAtLeast(), "pass total");
        assertDecimal("0.75", E.passRule().firstLevelShareAtLeast(), "pass share");
        List<String> codes = E.indicators().stream().map(Indicator::code).toList();
        List<String> oneToFortyOne = new ArrayList<>();
        for (int i = 1; i <= 41; i++) {
            oneToFortyOne.add(Integer.toString(i));
        }
        assertEquals(oneToFortyOne, codes, "indicators 1..41 in order");
    }

    @ParameterizedTest(name = "{0} max {1}, parent {2}")
    @CsvSource({
            "development, 20, ''",
            "development.scale, 10, development",
            "development.quality, 10, development",
            "regulation, 25, ''",
            "regulation.supervision, 15, regulation",
            "regulation.enforcement, 10, regulation",
            "service, 20, ''",
            "service.operators, 11, service",
            "service.consumers, 9, service",
            "innovation, 20, ''",
            "innovation.work, 12, innovation",
            "innovation.effect, 8, innovation",
            "support, 15, ''",
            "support.organization, 7, support",
            "support.foundation, 8, support"})
    void categoriesAsInIndicatorsMd(String code, String max, String parent) {
        Category c = E.category(code);
        assertDecimal(max, c.maxPoints(), code);
        if (parent.isEmpty()) {
            assertTrue(c.isFirstLevel(), code);
            assertNull(c.parentCode());
        } else {
            assertEquals(parent, c.parentCode(), code);
            assertEquals(2, c.level());
        }
    }

    @ParameterizedTest(name = "{0}: indicators {1}-{2}")
    @CsvSource({
            "development.scale, 1, 5", "development.quality, 6, 10",
            "regulation.supervision, 11, 15", "regulation.enforcement, 16, 19",
            "service.operators, 20, 23", "service.consumers, 24, 27",
            "innovation.work, 28, 31", "innovation.effect, 32, 34",
            "support.organization, 35, 37", "support.foundation, 38, 41"})
    void secondLevelCategoriesHoldTheirIndicators(String category, int first, int last) {
        List<String> expected = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, E.indicatorsOf(category).stream().map(Indicator::code).toList());
    }

    @Test
    void computedItemsHaveTheMaximaOfIndicatorsMdAndKnownComputations() {
        Map<String, String> max = new LinkedHashMap<>();
        for (String c : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")) {
            max.put(c, "2");
        }
        for (String c : List.of("11.1", "11.2", "17.1", "17.2", "18.1", "18.2", "19.1", "19.2", "25.1", "25.2", "25.3",
                "26.1", "38.2")) {
            max.put(c, "1");
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (Item i : E.computedItems()) {
            actual.put(i.code(), i.maxPoints().stripTrailingZeros().toPlainString());
            assertTrue(ItemRegistry.has(i.computation()), "item " + i.code() + " computation " + i.computation());
            assertEquals(0, i.rule().maxPoints().compareTo(i.maxPoints()), "item " + i.code() + " rule max");
        }
        assertEquals(max, actual);
        Set<String> registryIds = ItemRegistry.all().stream().map(ComputedItem::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = E.computedItems().stream().map(Item::computation).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registryIds, used, "every registered computation is used exactly by the edition");
    }

    /** indicators.md "Assessed items": code -> "max allowed", allowed = step or the listed values. */
    private static Map<String, String> assessedItemsOfTheSpec() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("10", "2 step 0.5");
        m.put("11.3", "1 step 0.5");
        for (String ind : List.of("12", "13", "14", "15")) {
            for (int i = 1; i <= 3; i++) {
                m.put(ind + "." + i, "1 step 0.5");
            }
        }
        m.put("16", "3 step 0.5");
        m.put("17.3", "1 step 0.5");
        for (String c : List.of("20.1", "20.2", "20.3", "21.1", "21.2", "22.1", "22.2", "22.3", "23.1", "23.2", "23.3",
                "24.1", "24.2", "26.2", "27.1", "27.2")) {
            m.put(c, "1 step 0.5");
        }
        for (String c : List.of("28", "29", "30", "31")) {
            m.put(c, "3 values 0,3");
        }
        m.put("32", "3 step 0.5");
        m.put("33.1", "2 values 0,2");
        m.put("33.2", "1 values 0,1");
        m.put("34", "2 step 1");
        m.put("35", "2 step 0.5");
        for (String c : List.of("36.1", "36.2", "36.3", "37.1", "37.2", "38.1", "39.1", "39.2", "40.1", "40.2", "41.1",
                "41.2")) {
            m.put(c, "1 step 0.5");
        }
        return m;
    }

    @Test
    void assessedItemsHaveTheMaximaAndAllowedPointsOfIndicatorsMd() {
        Map<String, String> actual = new LinkedHashMap<>();
        for (Item i : E.items()) {
            if (i.isComputed()) {
                continue;
            }
            AllowedPoints a = i.allowed();
            String allowed = a.step() != null ? "step " + a.step().stripTrailingZeros().toPlainString()
                    : "values " + a.values().stream().map(v -> v.stripTrailingZeros().toPlainString()).collect(Collectors.joining(","));
            actual.put(i.code(), i.maxPoints().stripTrailingZeros().toPlainString() + " " + allowed);
            assertNull(i.rule(), "assessed item " + i.code() + " has no rule");
        }
        assertEquals(assessedItemsOfTheSpec(), actual);
    }

    @Test
    void computationParametersAreRead() {
        assertEquals("online_retail_growth_rate", E.item("1").parameters().string("national_metric"));
        assertEquals(2, E.item("1").parameters().integer("recent_years"));
        assertEquals("express_volume_growth_rate", E.item("5").parameters().string("national_metric"));
        assertEquals("online_retail_share", E.item("6").parameters().string("national_metric"));
        assertDecimal("200000000", E.item("4").parameters().decimal("above_scale_threshold_yuan.east"), "east");
        assertDecimal("100000000", E.item("4").parameters().decimal("above_scale_threshold_yuan.central"), "central");
        assertDecimal("50000000", E.item("4").parameters().decimal("above_scale_threshold_yuan.west"), "west");
        assertEquals(2, E.item("9").parameters().integer("survival_years"));
        assertDecimal("50", E.item("38.2").parameters().decimal("min_training_hours"), "38.2 hours");
        assertEquals("complaint_mediation_success_rate", E.item("25.2").parameters().string("national_metric"));
        assertEquals("consumer_satisfaction_rate", E.item("25.3").parameters().string("national_metric"));
        assertEquals("odr_on_time_close_rate", E.item("26.1").parameters().string("national_on_time_metric"));
        assertEquals("odr_settlement_rate", E.item("26.1").parameters().string("national_settlement_metric"));
        EditionException e = assertThrows(EditionException.class, () -> E.item("3").parameters().string("national_metric"));
        assertTrue(e.getMessage().contains("item 3") && e.getMessage().contains("national_metric"), e.getMessage());
    }

    @Test
    void ruleShapesFollowTheWordingOfTheItems() {
        assertInstanceOf(ScoringRule.PerObservation.class, E.item("1").rule());
        assertEquals(2, ((ScoringRule.PerObservation) E.item("1").rule()).observations());
        assertInstanceOf(ScoringRule.Steps.class, E.item("3").rule());
        assertInstanceOf(ScoringRule.Steps.class, E.item("4").rule());
        ScoringRule.AllPass r181 = assertInstanceOf(ScoringRule.AllPass.class, E.item("18.1").rule());
        assertTrue(r181.absentCountsAsMet(), "18.1: a review type with no decided reviews counts as met");
        ScoringRule.AllPass r172 = assertInstanceOf(ScoringRule.AllPass.class, E.item("17.2").rule());
        assertEquals(false, r172.absentCountsAsMet());
    }

    @Test
    void indicatorsWithoutSubItemsAreTheirOwnItem() {
        Indicator three = E.indicator("3");
        assertEquals(1, three.items().size());
        assertTrue(three.items().get(0).isWholeIndicator());
        assertEquals(false, three.hasSubItems());
        assertTrue(E.indicator("11").hasSubItems());
        assertEquals(List.of("11.1", "11.2", "11.3"), E.indicator("11").items().stream().map(Item::code).toList());
    }

    // ---- loading by path (--edition) ------------------------------------------------------

    @Test
    void anEditionFileIsLoadedByPath() {
        Path file = TestEditions.file("revised-85-80.yaml");
        Edition revised = TestEditions.loader().load(file.toString());
        assertEquals("revised-test", revised.id());
        assertDecimal("85", revised.passRule().totalAtLeast(), "revised pass total");
        assertDecimal("0.80", revised.passRule().firstLevelShareAtLeast(), "revised pass share");
        assertEquals(41, revised.indicators().size());
        assertEquals(75, revised.items().size());
        // The pass rule differs: 15.5 of 20 (77.5%) meets 75% but not 80%.
        assertTrue(E.passRule().categoryPasses(d("15.5"), d("20")));
        assertEquals(false, revised.passRule().categoryPasses(d("15.5"), d("20")));
        assertTrue(revised.passRule().categoryPasses(d("16"), d("20")), "16 of 20 is exactly 80%");
    }

    @Test
    void theSmallValidEditionLoads() {
        // The malformed editions below each differ from this one by a single defect.
        Edition tiny = TestEditions.loader().load(TestEditions.file("tiny-valid.yaml").toString());
        assertEquals("tiny", tiny.id());
        assertEquals(List.of("3", "10", "11.1", "11.2", "11.3"), tiny.items().stream().map(Item::code).toList());
    }

    /**
     * An unknown id is answered with the ids there are, in the folder the user knows, not a path
     * inside the jar (it said "no file netmarket/schemas/editions/2099.yaml").
     */
    @Test
    void unknownEditionIdNamesTheBundledEditions() {
        EditionException e = assertThrows(EditionException.class, () -> TestEditions.loader().load("2099"));
        assertEquals("unknown edition '2099': available 2022 (schemas/editions/), or give a path to an edition .yaml file",
                e.getMessage());
    }

    /** The bundled editions are the .yaml files of schemas/editions/, whatever they are. */
    @Test
    void theBundledEditionsAreTheFilesOfSchemasEditions() throws IOException {
        List<String> files;
        try (Stream<Path> editions = Files.list(Path.of("schemas/editions"))) {
            files = editions.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.replace(".yaml", "")).sorted().toList();
        }
        assertTrue(files.contains(EditionLoader.DEFAULT_EDITION), files.toString());
        assertEquals(files, EditionLoader.bundledEditions(EditionLoader.class.getClassLoader()));
    }

    /** A bundled file is named after its id: published under another id, it would replace that edition's rules. */
    @Test
    void aBundledEditionWhoseFileNamesAnotherIdIsRefused() {
        EditionException e = assertThrows(EditionException.class, () -> TestEditions.loader().load("mislabelled"));
        assertEquals("schemas/editions/mislabelled.yaml: the file names edition 'tiny'; a bundled edition's file must be"
                + " named after its id (tiny.yaml)", e.getMessage());
    }

    /** In the job's jar (spark-submit, scripts/run-pipeline) the editions are its entries: only those of the folder. */
    @Test
    void theBundledEditionsAreListedFromAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("job.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : new String[]{"netmarket/schemas/editions/", "netmarket/schemas/editions/2030.yaml",
                    "netmarket/schemas/editions/2022.yaml", "netmarket/schemas/editions/notes.txt",
                    "netmarket/schemas/editions/drafts/2031.yaml", "netmarket/schemas/extracts/tax.yaml"}) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            assertEquals(List.of("2022", "2030"), EditionLoader.bundledEditions(loader));
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertEquals(List.of(), EditionLoader.bundledEditions(empty), "nothing bundled, nothing named");
        }
    }

    @Test
    void missingEditionFileIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("nowhere.yaml").toString();
        EditionException e = assertThrows(EditionException.class, () -> TestEditions.loader().load(missing));
        assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void anEditionFileWithoutYamlSuffixIsLoadedByPathToo(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("edition-tiny");
        Files.copy(TestEditions.file("tiny-valid.yaml"), copy);
        assertEquals("tiny", TestEditions.loader().load(copy.toString()).id());
    }

    // ---- validation errors name the file and the place ------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed-items-sum.yaml           | indicator 11: max is 3 but its items sum to 2.5",
            "malformed-indicators-sum.yaml      | category regulation.supervision: max is 8 but its indicators sum to 7",
            "malformed-second-level-sum.yaml    | category regulation: max is 8 but its second-level categories sum to 7",
            "malformed-total.yaml               | total_points: max is 100 but the first-level categories sum to 7",
            "malformed-unknown-computation.yaml | item 3: unknown computation 'operator_share_of_market_entitys'",
            "malformed-unknown-key.yaml         | item 3: unknown key 'critera_zh'",
            "malformed-rule-max.yaml            | item 3: its rule gives at most 3 points but max is 2",
            "malformed-no-allowed.yaml          | item 11.3: 'allowed' is missing",
            "malformed-duplicate-item.yaml      | code '11.1' appears twice",
            "malformed-duplicate-indicator.yaml | code '3' appears twice",
            "malformed-comparison.yaml          | item 11.1 rule.all: unknown comparison word '超出'",
            "malformed-nested-items.yaml        | item 11.3: unknown key 'items'",
            "malformed-not-yaml.yaml            | not valid YAML",
            "malformed-not-a-mapping.yaml       | expected a YAML mapping at the top"})
    void malformedEditionsAreRejectedNamingFileAndPlace(String file, String expected) {
        String path = TestEditions.file(file).toString();
        EditionException e = assertThrows(EditionException.class, () -> TestEditions.loader().load(path));
        assertTrue(e.getMessage().startsWith(path + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    /**
     * The bundled 2022 edition with one line changed as an editor might get it wrong: each loads
     * no more, naming the place (it would otherwise score, e.g. every region 0 on a band of 8-15
     * "percent").
     */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "{band: {from: 0.08, to: 0.15, points: [1, 2]}} | {band: {from: 8, to: 15, points: [1, 2]}}"
                    + " | item 3: threshold 8 of a rate is above 1: rates are fractions (write 95% as 0.95)",
            "{all: {compare: 大于, threshold: 0.95, points: 1}} | {all: {compare: 大于, threshold: 95, points: 1}}"
                    + " | item 17.1: threshold 95 of a rate is above 1: rates are fractions (write 95% as 0.95)",
            "{all: {compare: 大于, threshold: 0.95, points: 1}} | {all: {compare: 大于, threshold: 1.00000000001, points: 1}}"
                    + " | item 17.1: threshold 1.00000000001 of a rate is above 1: rates are fractions (write 95% as 0.95)",
            "threshold: 1, points: 1}, {compare: 以上, threshold: 2, points: 2}"
                    + " | threshold: 2, points: 1}, {compare: 以上, threshold: 1, points: 2}"
                    + " | item 4 rule.steps: each step needs more points than the one before, the same comparison and a"
                    + " threshold harder to meet (higher for 以上)",
            "threshold: 1, points: 1}, {compare: 以上, threshold: 2, points: 2}"
                    + " | threshold: 1, points: -1}, {compare: 以上, threshold: 2, points: 2}"
                    + " | item 4 rule.steps.points must be positive",
            "{band: {from: 0.08, to: 0.15, points: [1, 2]}} | {band: {from: 0.08, to: 0.15, points: [2, 1]}}"
                    + " | item 3 rule.band.points must be positive and rise from 'from' to 'to'",
            "{all: {compare: 大于, threshold: 0.95, points: 1}} | {all: {compare: 大于, threshold: 0.95, threshold: 0.5, points: 1}}"
                    + " | Duplicate field 'threshold'",
            "parameters: {survival_years: 2} | parameters: {survival_year: 2}"
                    + " | item 9: parameter 'survival_years' is missing (computation operator_survival_rate needs it)",
            "parameters: {survival_years: 2} | parameters: {survival_years: ''}"
                    + " | item 9: parameter 'survival_years' is missing (computation operator_survival_rate needs it)",
            "central: 100000000, west: 50000000} | central: 100000000}"
                    + " | item 4: parameter 'above_scale_threshold_yuan.west' is missing (computation new_above_scale_operators needs it)",
            "parameters: {national_metric: complaint_mediation_success_rate} | parameters: {}"
                    + " | item 25.2: parameter 'national_metric' is missing (computation mediation_success needs it)",
            "parameters: {recent_years: 2, national_metric: online_retail_growth_rate} | parameters: {recent_years: 3,"
                    + " national_metric: online_retail_growth_rate} | item 1: parameter recent_years is 3 but"
                    + " rule.per_observation.observations is 2: the item makes as many observations as recent_years says,"
                    + " so the two must be equal",
            "parameters: {recent_years: 2} | parameters: {recent_years: 1}"
                    + " | item 2: parameter recent_years is 1 but rule.per_observation.observations is 2",
            "national_metric: online_retail_growth_rate} | national_metric: online_retail_growth_rte}"
                    + " | item 1: parameter national_metric 'online_retail_growth_rte' is not one of online_retail_growth_rate,"
                    + " online_retail_share, express_volume_growth_rate, complaint_mediation_success_rate,"
                    + " consumer_satisfaction_rate, odr_on_time_close_rate, odr_settlement_rate"})
    void aBrokenLineOfThe2022EditionIsRefused(String line, String broken, String expected) throws IOException {
        String text = Files.readString(Path.of("schemas/editions/2022.yaml"));
        assertTrue(text.contains(line), "the 2022 edition has " + line);
        String edited = text.replaceFirst(java.util.regex.Pattern.quote(line), java.util.regex.Matcher.quoteReplacement(broken));
        EditionException e = assertThrows(EditionException.class, () -> TestEditions.loader()
                .parse(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)), "edited.yaml"));
        assertTrue(e.getMessage().startsWith("edited.yaml: ") && e.getMessage().contains(expected), e.getMessage());
    }

    /** Item 9's maximum mistyped: the typo is named, not the key it hid. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "maks: 2 | item 9: unknown key 'maks'",
            "max: [2] | item 9.max: expected a number, not a list"})
    void aMistypedMaximumIsNamedAsWritten(String broken, String expected) throws IOException {
        String line = "2 years or more\n            max: 2\n";
        String text = Files.readString(Path.of("schemas/editions/2022.yaml"));
        assertTrue(text.contains(line), "the 2022 edition has item 9's maximum");
        String edited = text.replace(line, "2 years or more\n            " + broken + "\n");
        EditionException e = assertThrows(EditionException.class, () -> TestEditions.loader()
                .parse(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)), "edited.yaml"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /**
     * What the checks above must not refuse: at-most steps falling towards fewer losses, and a
     * threshold above 1 for a ratio that may exceed it (platform users per supervisor).
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{all: {compare: 无, threshold: 0, points: 1}}"
                    + " | {steps: [{compare: 无, threshold: 2, points: 0.5}, {compare: 无, threshold: 0, points: 1}]}",
            "{all: {compare: 超过, threshold: 0.5, points: 1}} | {all: {compare: 超过, threshold: 1.5, points: 1}}"})
    void aValidVariantOfThe2022EditionLoads(String line, String variant) throws IOException {
        String text = Files.readString(Path.of("schemas/editions/2022.yaml"));
        assertTrue(text.contains(line), "the 2022 edition has " + line);
        String edited = text.replaceFirst(java.util.regex.Pattern.quote(line), java.util.regex.Matcher.quoteReplacement(variant));
        assertEquals("2022", TestEditions.loader().parse(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)),
                "edited.yaml").id());
    }

    // ---- comparison words are the edition's ----------------------------------------------

    /** The 2022 edition with each given line replaced once (line, replacement, line, replacement...). */
    private static String the2022EditionWith(String... linesAndReplacements) throws IOException {
        String text = Files.readString(Path.of("schemas/editions/2022.yaml"));
        for (int i = 0; i < linesAndReplacements.length; i += 2) {
            assertTrue(text.contains(linesAndReplacements[i]), "the 2022 edition has " + linesAndReplacements[i]);
            text = text.replaceFirst(java.util.regex.Pattern.quote(linesAndReplacements[i]),
                    java.util.regex.Matcher.quoteReplacement(linesAndReplacements[i + 1]));
        }
        return text;
    }

    private static Edition parse(String text) {
        return TestEditions.loader().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "edited.yaml");
    }

    private static Criterion criterionOf(Edition edition, String item) {
        return assertInstanceOf(ScoringRule.AllPass.class, edition.item(item).rule()).criterion();
    }

    /**
     * A new edition's new word is a line of its file, not Java: the same word 不少于 means what the
     * file declares it to mean.
     */
    @ParameterizedTest(name = "{3} as {5}")
    @CsvSource(delimiter = '|', value = {
            "at_least: [以上, 达到, 不低于] | at_least: [以上, 达到, 不低于, 不少于] | 11.2 | 不少于 | compare: 达到 | AT_LEAST",
            "greater_than: [超过, 大于, 高于] | greater_than: [超过, 大于, 高于, 不少于] | 11.2 | 不少于 | compare: 达到 | GREATER_THAN",
            "at_most: [无, 不超过] | at_most: [无, 不超过, 不高于] | 18.2 | 不高于 | compare: 无 | AT_MOST"})
    void aWordDeclaredByTheEditionMeansWhatItDeclares(String declaration, String declared, String item, String word,
                                                      String written, Comparison expected) throws IOException {
        Edition edition = parse(the2022EditionWith(declaration, declared, written, "compare: " + word));
        assertEquals(expected, criterionOf(edition, item).comparison(), item);
        assertEquals(word, criterionOf(edition, item).word(), item);
    }

    /** A word the edition does not declare stops the load, naming it, the rule and the words declared. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "compare: 大于, threshold: 0.95 | compare: 不少于, threshold: 0.95"
                    + " | item 17.1 rule.all: unknown comparison word '不少于': the edition's comparison_words declare"
                    + " greater_than: 超过, 大于, 高于; at_least: 以上, 达到, 不低于; at_most: 无, 不超过 (the keys"
                    + " greater_than, at_least and at_most need no declaring); declare the word under the comparison it means",
            "{compare: 以上, threshold: 2, points: 2} | {compare: 不少于, threshold: 2, points: 2}"
                    + " | item 4 rule.steps: unknown comparison word '不少于'",
            // A word the Java code once knew is the edition's to keep or drop.
            "greater_than: [超过, 大于, 高于] | greater_than: [超过, 大于]"
                    + " | item 25.3 rule.all: unknown comparison word '高于': the edition's comparison_words declare"
                    + " greater_than: 超过, 大于; at_least"})
    void aWordTheEditionDoesNotDeclareIsRefused(String line, String broken, String expected) throws IOException {
        String text = the2022EditionWith(line, broken);
        EditionException e = assertThrows(EditionException.class, () -> parse(text));
        assertTrue(e.getMessage().startsWith("edited.yaml: " + expected), e.getMessage());
    }

    /** Without comparison_words an edition is written in the keys; any other word is refused. */
    @Test
    void anEditionWithoutComparisonWordsUnderstandsOnlyTheKeys() throws IOException {
        String tiny = Files.readString(TestEditions.file("tiny-valid.yaml"));
        String declaration = "comparison_words: {greater_than: [超过], at_least: [达到]}\n";
        assertTrue(tiny.contains(declaration), tiny);
        String undeclared = tiny.replace(declaration, "");
        EditionException e = assertThrows(EditionException.class, () -> parse(undeclared));
        assertTrue(e.getMessage().contains("item 11.1 rule.all: unknown comparison word '超过': the edition's"
                + " comparison_words declare none"), e.getMessage());
        Edition keys = parse(undeclared.replace("compare: 超过", "compare: greater_than").replace("compare: 达到", "compare: At_Least"));
        assertEquals(Comparison.GREATER_THAN, criterionOf(keys, "11.1").comparison());
        assertEquals(Comparison.AT_LEAST, criterionOf(keys, "11.2").comparison());
        assertEquals(List.of("at_least", "at_least"), keys.item("3").rule().criteria().stream().map(Criterion::word).toList(),
                "a band is shown with the key when no at_least word is declared");
    }

    /** Bands are shown with the first at_least word, 以上 in 2022 ("b%以上得2分"), as before the words were data. */
    @Test
    void bandsOfThe2022EditionAreShownWith以上() {
        for (String item : List.of("3", "7", "8", "9")) {
            assertEquals(List.of("以上", "以上"), E.item(item).rule().criteria().stream().map(Criterion::word).toList(), item);
            assertTrue(E.item(item).rule().criteria().stream().allMatch(c -> c.comparison() == Comparison.AT_LEAST), item);
        }
    }

    /** A word under two comparisons would decide boundary cases by whichever came last: refused, like every other slip. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "at_most: [无, 不超过, 高于] | comparison_words: '高于' is listed under both greater_than and at_most; a word means one comparison",
            "at_most: [无, 不超过, 以上] | comparison_words: '以上' is listed under both at_least and at_most; a word means one comparison",
            "at_most: [无, 不超过, 无] | comparison_words: '无' is listed twice under at_most",
            "at_most: [无, 不超过, At_Least] | comparison_words: 'At_Least' under at_most is a key, always understood as at_least",
            "at_mots: [无, 不超过] | comparison_words: unknown key 'at_mots' (expected one of greater_than, at_least, at_most)",
            "at_most: 无 | comparison_words: 'at_most' must be a non-empty list",
            "at_most: [无, [不超过]] | comparison_words.at_most: '[\"不超过\"]' is not a word"})
    void aMalformedDeclarationIsRefused(String broken, String expected) throws IOException {
        String text = the2022EditionWith("at_most: [无, 不超过]", broken);
        EditionException e = assertThrows(EditionException.class, () -> parse(text));
        assertTrue(e.getMessage().startsWith("edited.yaml: ") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void parseNamesTheGivenSource() {
        EditionException e = assertThrows(EditionException.class, () -> TestEditions.loader()
                .parse(new ByteArrayInputStream("edition: x\n".getBytes(StandardCharsets.UTF_8)), "inline.yaml"));
        assertTrue(e.getMessage().startsWith("inline.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains("'total_points' is missing"), e.getMessage());
    }

    @Test
    void aPassShareAboveOneIsRejected() {
        String text = "edition: x\ntotal_points: 1\npass: {total_at_least: 1, each_first_level_share_at_least: 75}\n"
                + "categories: []\n";
        EditionException e = assertThrows(EditionException.class, () -> TestEditions.loader()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "share.yaml"));
        assertTrue(e.getMessage().contains("each_first_level_share_at_least must be a fraction in (0, 1]"), e.getMessage());
    }
}
