package org.netmarket.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture the packages show, held by the imports of the main sources: judging and the
 * indicator system are pure Java (no Spark, no JDBC), the command line is a leaf nobody imports,
 * the settings and the thread helper depend on (almost) nothing, and scoring knows nothing of
 * where the facts come from. A new import that breaks a rule names the file and the line.
 */
class PackageDependenciesTest {
    private static final Path MAIN = Path.of("jobs/src/main/java/org/netmarket");

    /** One import line of a main source file, with where it is. */
    private record Import(String pkg, Path file, int line, String target) {
        @Override
        public String toString() {
            return MAIN.relativize(file) + ":" + line + " imports " + target;
        }
    }

    private static List<Import> imports() {
        List<Import> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i).strip();
                    if (l.startsWith("import ")) {
                        out.add(new Import(pkg, f, i + 1, l.substring("import ".length(), l.length() - 1).replace("static ", "")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Import> violations(Set<String> packages, String... forbiddenPrefixes) {
        return imports().stream().filter(i -> packages.contains(i.pkg()))
                .filter(i -> Stream.of(forbiddenPrefixes).anyMatch(i.target()::startsWith)).toList();
    }

    @Test
    void theSourcesAreWhereTheTestLooks() {
        assertTrue(imports().size() > 500, "imports read from " + MAIN.toAbsolutePath());
    }

    @Test
    void judgingTheIndicatorSystemAndTheContractsUseNeitherSparkNorJdbc() {
        assertEquals(List.of(), violations(Set.of("scoring", "rules", "items", "edition", "region", "report", "extract", "config",
                        "parallel", "checksum"),
                "org.apache.spark.", "org.apache.hadoop.", "java.sql.", "org.postgresql.", "org.flywaydb."));
    }

    @Test
    void theCommandLineIsALeafNothingElseImports() {
        assertEquals(List.of(), imports().stream().filter(i -> !i.pkg().equals("cli"))
                .filter(i -> i.target().startsWith("org.netmarket.cli.")).toList());
    }

    @Test
    void scoringKnowsTheEditionAndTheRulesOnlyNotWhereFactsComeFromOrGo() {
        assertEquals(List.of(), imports().stream().filter(i -> i.pkg().equals("scoring"))
                .filter(i -> i.target().startsWith("org.netmarket.") && !i.target().startsWith("org.netmarket.edition.")
                        && !i.target().startsWith("org.netmarket.rules.") && !i.target().startsWith("org.netmarket.scoring."))
                .toList());
    }

    /** The rule language depends on nothing; the edition declares rules in it and knows nothing of judging them. */
    @Test
    void theRulesDependOnNothingAndTheEditionNotOnScoring() {
        assertEquals(List.of(), imports().stream().filter(i -> i.pkg().equals("rules"))
                .filter(i -> i.target().startsWith("org.netmarket.") && !i.target().startsWith("org.netmarket.rules.")).toList());
        assertEquals(List.of(), violations(Set.of("edition"), "org.netmarket.scoring."));
    }

    /**
     * The settings and the thread helper depend on almost nothing: the edition loader (for the
     * default edition) and the rule language's vocabulary, itself a leaf (a failure of the
     * environment says why in both languages as a {@code Reason}).
     */
    @Test
    void theSettingsAndTheThreadHelperDependOnAlmostNothing() {
        assertEquals(List.of(), imports().stream().filter(i -> i.pkg().equals("config") || i.pkg().equals("parallel"))
                .filter(i -> i.target().startsWith("org.netmarket.") && !i.target().startsWith("org.netmarket." + i.pkg() + ".")
                        && !i.target().equals("org.netmarket.edition.EditionLoader")
                        && !(i.pkg().equals("config") && (i.target().equals("org.netmarket.rules.Reason")
                                || i.target().equals("org.netmarket.rules.BilingualFailure")))).toList());
    }

    /**
     * An item measures from a region's facts: it and the facts it reads ({@code RegionFacts},
     * {@code FactSheet}, {@code Facts}) know nothing of how the extracts were read, staged or
     * published, so that they stay pure Java whatever the reading does.
     */
    @Test
    void theItemsAndTheFactsTheyReadKnowNothingOfReadingStagingOrPublishing() {
        Set<String> read = Set.of("RegionFacts.java", "FactSheet.java", "Facts.java", "CountedItems.java", "Figure.java",
                "AggregateFigures.java", "NationalFigures.java", "RecordFacts.java", "EvaluationPeriod.java");
        assertEquals(List.of(), imports().stream()
                .filter(i -> i.pkg().equals("items") || (i.pkg().equals("facts") && read.contains(i.file().getFileName().toString())))
                .filter(i -> Stream.of("org.netmarket.staging.", "org.netmarket.warehouse.", "org.netmarket.pipeline.",
                        "org.apache.spark.").anyMatch(i.target()::startsWith)).toList());
        // A class of the same package needs no import: the facts read must not use one that imports Spark either.
        Set<String> sparkClasses = new TreeSet<>();
        imports().stream().filter(i -> i.pkg().equals("facts") && i.target().startsWith("org.apache.spark."))
                .forEach(i -> sparkClasses.add(i.file().getFileName().toString().replace(".java", "")));
        assertTrue(sparkClasses.contains("RegionCounts"), "the facts' Spark classes found: " + sparkClasses);
        List<String> uses = new ArrayList<>();
        for (String file : read) {
            List<String> lines = lines(MAIN.resolve("facts").resolve(file));
            for (int n = 0; n < lines.size(); n++) {
                String code = lines.get(n).strip();
                for (String spark : sparkClasses) {
                    if (!code.startsWith("*") && !code.startsWith("/") && Pattern.compile("\\b" + spark + "\\b").matcher(code).find()) {
                        uses.add("facts/" + file + ":" + (n + 1) + " uses " + spark);
                    }
                }
            }
        }
        assertEquals(List.of(), uses);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Computing a metric is kept apart from judging it: the facts count and the items measure
     * without knowing the scorer, so that a measurement reads the same whatever the edition's
     * bands make of it (an assessment is an observation, in the rule language, not a score).
     */
    @Test
    void theFactsAndTheItemsMeasureWithoutKnowingHowItIsJudged() {
        assertEquals(List.of(), violations(Set.of("facts", "items"), "org.netmarket.scoring."));
    }

    @Test
    void theWarehouseDoesNotReachBackIntoThePipeline() {
        assertEquals(List.of(), violations(Set.of("warehouse"), "org.netmarket.pipeline.", "org.netmarket.report."));
    }
}
