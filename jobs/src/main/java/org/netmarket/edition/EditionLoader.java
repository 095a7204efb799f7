package org.netmarket.edition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.netmarket.checksum.Sha256;
import org.netmarket.rules.Comparison;
import org.netmarket.rules.Criterion;
import org.netmarket.rules.Ratio;
import org.netmarket.rules.ScoringRule;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads and validates an edition file. An edition is named by id ({@code 2022}, found as
 * {@code netmarket/schemas/editions/2022.yaml} on the classpath, i.e. {@code schemas/editions/}
 * in the repository) or by a path to a YAML file.
 *
 * <p>Validation on load: unique codes; items sum to their indicator's maximum, indicators to
 * their second-level category, second-level to first-level, first-level to the total; every
 * computed item names a known computation, has the parameters it reads and a rule whose
 * maximum equals the item's, with positive points rising step by step for values harder to reach
 * and, unless the computation's value may exceed 1, thresholds of at most 1 (a rate of 95 is 95%
 * written as a percentage); every {@code compare:} word is a key ({@code greater_than},
 * {@code at_least}, {@code at_most}) or declared by the file's {@code comparison_words}, each
 * word under one comparison only; every assessed item has allowed points within its maximum; no
 * unknown or repeated keys (typos). The message names the file and the place.
 */
public final class EditionLoader {
    /** Classpath folder of the bundled editions. */
    public static final String CLASSPATH_FOLDER = "netmarket/schemas/editions/";
    /** The edition used when none is given. */
    public static final String DEFAULT_EDITION = "2022";

    // Floats are read as BigDecimal from their text, so 0.15 in the file is exactly 0.15.
    // A key given twice (threshold: 0.95, threshold: 0.5) is refused, not settled by the last one.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final Computations computations;

    /** @param computations what the item registry knows of the computations an edition names */
    public EditionLoader(Computations computations) {
        this.computations = computations;
    }

    /** Loads a bundled edition by id or an edition file by path. */
    public Edition load(String idOrPath) {
        Path p = Path.of(idOrPath);
        // A path names a file; a bare id ("2022") is always a bundled edition.
        if (idOrPath.endsWith(".yaml") || idOrPath.endsWith(".yml") || idOrPath.contains("/")
                || idOrPath.contains(File.separator)) {
            if (!Files.isRegularFile(p)) {
                throw new EditionException("edition file " + idOrPath + " does not exist");
            }
            try (InputStream in = Files.newInputStream(p)) {
                return parse(in, p.toString());
            } catch (IOException e) {
                throw new EditionException("cannot read edition file " + idOrPath + ": " + e.getMessage(), e);
            }
        }
        String resource = CLASSPATH_FOLDER + idOrPath + ".yaml";
        InputStream in = EditionLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            // Named as the user knows them: ids of the repository's schemas/editions/, not the
            // path inside the jar, which is no file the user can find.
            List<String> bundled = bundledEditions(EditionLoader.class.getClassLoader());
            throw new EditionException("unknown edition '" + idOrPath + "': " + (bundled.isEmpty()
                    ? "give the id of an edition in schemas/editions/"
                    : "available " + String.join(", ", bundled) + " (schemas/editions/),") + " or give a path to an edition .yaml file");
        }
        try (in) {
            String source = "schemas/editions/" + idOrPath + ".yaml";
            Edition edition = parse(in, source);
            if (!edition.id().equals(idOrPath)) {
                // Published under the id inside, it would replace that edition's rules in the warehouse.
                throw new EditionException(source + ": the file names edition '" + edition.id() + "'; a bundled edition's"
                        + " file must be named after its id (" + edition.id() + ".yaml)");
            }
            return edition;
        } catch (IOException e) {
            throw new EditionException("cannot read edition " + idOrPath + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code --edition id} loads the edition of that id: a bundled one, not one read from a file. */
    public static boolean isBundled(String id) {
        return !id.contains("/") && !id.contains(File.separator)
                && EditionLoader.class.getClassLoader().getResource(CLASSPATH_FOLDER + id + ".yaml") != null;
    }

    /**
     * The ids of the bundled editions, sorted: the .yaml files beside the default edition, in
     * the classes folder or in the job's jar, whose folders a class loader cannot list (its
     * entries are read instead). Empty when they cannot be listed, e.g. on a class path of
     * another kind: that only makes a message name no ids.
     */
    static List<String> bundledEditions(ClassLoader loader) {
        URL known = loader.getResource(CLASSPATH_FOLDER + DEFAULT_EDITION + ".yaml");
        if (known == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            if ("file".equals(known.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(known.toURI()).getParent())) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            } else if (known.openConnection() instanceof JarURLConnection entry) {
                // A jar file of its own, not the class loader's cached one, which closing would close.
                try (JarFile jar = new JarFile(new File(entry.getJarFileURL().toURI()))) {
                    jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(CLASSPATH_FOLDER))
                            .forEach(n -> names.add(n.substring(CLASSPATH_FOLDER.length())));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
        return names.stream().filter(n -> n.endsWith(".yaml") && !n.contains("/"))
                .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
    }

    /** Parses and validates an edition from a stream; {@code source} names it in messages. */
    public Edition parse(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new EditionException("cannot read edition file " + source + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (IOException e) {
            throw new EditionException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EditionException(source + ": expected a YAML mapping at the top");
        }
        return new Reader(source, Sha256.hex(bytes)).edition(root);
    }

    private final class Reader {
        private final String source;
        private final String sha256;
        private final Set<String> codes = new HashSet<>();
        private ComparisonWords words;

        Reader(String source, String sha256) {
            this.source = source;
            this.sha256 = sha256;
        }

        Edition edition(JsonNode root) {
            keys(root, "top level", "edition", "title_zh", "title_en", "total_points", "pass", "comparison_words",
                    "categories");
            String id = text(root, "edition", "top level");
            // Read before the rules, which are written in these words.
            words = comparisonWords(root.get("comparison_words"));
            BigDecimal total = decimal(root, "total_points", "top level");
            JsonNode pass = required(root, "pass", "top level");
            keys(pass, "pass", "total_at_least", "each_first_level_share_at_least", "text_zh");
            PassRule passRule = new PassRule(decimal(pass, "total_at_least", "pass"),
                    decimal(pass, "each_first_level_share_at_least", "pass"), optionalText(pass, "text_zh"));
            if (passRule.firstLevelShareAtLeast().signum() <= 0 || passRule.firstLevelShareAtLeast().compareTo(BigDecimal.ONE) > 0) {
                fail("pass.each_first_level_share_at_least must be a fraction in (0, 1], e.g. 0.75");
            }
            if (passRule.totalAtLeast().compareTo(total) > 0) {
                fail("pass.total_at_least " + passRule.totalAtLeast() + " is above total_points " + total);
            }
            List<Category> categories = new ArrayList<>();
            List<Indicator> indicators = new ArrayList<>();
            BigDecimal firstSum = BigDecimal.ZERO;
            for (JsonNode first : array(root, "categories", "top level")) {
                String where = "category " + first.path("code").asText("?");
                keys(first, where, "code", "name_zh", "name_en", "max", "children");
                Category c1 = new Category(code(first, where), text(first, "name_zh", where),
                        optionalText(first, "name_en"), 1, decimal(first, "max", where), null);
                categories.add(c1);
                BigDecimal secondSum = BigDecimal.ZERO;
                for (JsonNode second : array(first, "children", where)) {
                    String where2 = "category " + second.path("code").asText("?");
                    keys(second, where2, "code", "name_zh", "name_en", "max", "indicators");
                    Category c2 = new Category(code(second, where2), text(second, "name_zh", where2),
                            optionalText(second, "name_en"), 2, decimal(second, "max", where2), c1.code());
                    if (!c2.code().startsWith(c1.code() + ".")) {
                        fail(where2 + ": a second-level code must start with '" + c1.code() + ".'");
                    }
                    categories.add(c2);
                    BigDecimal indicatorSum = BigDecimal.ZERO;
                    for (JsonNode ind : array(second, "indicators", where2)) {
                        Indicator indicator = indicator(ind, c2.code());
                        indicators.add(indicator);
                        indicatorSum = indicatorSum.add(indicator.maxPoints());
                    }
                    sums(where2, c2.maxPoints(), indicatorSum, "its indicators");
                    secondSum = secondSum.add(c2.maxPoints());
                }
                sums(where, c1.maxPoints(), secondSum, "its second-level categories");
                firstSum = firstSum.add(c1.maxPoints());
            }
            sums("total_points", total, firstSum, "the first-level categories");
            return new Edition(id, optionalText(root, "title_zh"), optionalText(root, "title_en"), total,
                    passRule, categories, indicators, sha256);
        }

        Indicator indicator(JsonNode node, String categoryCode) {
            String code = node.path("code").asText("?");
            String where = "indicator " + code;
            List<Item> items = new ArrayList<>();
            BigDecimal max;
            if (node.has("items")) {
                keys(node, where, "code", "name_zh", "name_en", "max", "items");
                code(node, where);
                max = decimal(node, "max", where);
                for (JsonNode itemNode : array(node, "items", where)) {
                    Item item = item(itemNode, code);
                    if (!item.code().startsWith(code + ".")) {
                        fail("item " + item.code() + ": sub-item codes of indicator " + code + " must start with '" + code + ".'");
                    }
                    items.add(item);
                }
                BigDecimal itemSum = items.stream().map(Item::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
                sums(where, max, itemSum, "its items");
            } else {
                // An indicator without numbered sub-points is its own single item. item() does not
                // register a code equal to its indicator's, so register it here: a repeated
                // whole-indicator code must be an error, not a silent overwrite.
                code(node, where);
                Item item = item(node, code);
                items.add(item);
                max = item.maxPoints();
            }
            return new Indicator(code, text(node, "name_zh", where), optionalText(node, "name_en"), max, categoryCode, items);
        }

        Item item(JsonNode node, String indicatorCode) {
            String where = "item " + node.path("code").asText("?");
            keys(node, where, "code", "name_zh", "name_en", "max", "kind", "computation", "rule", "allowed",
                    "parameters", "criterion_zh");
            String code = node.path("code").asText("");
            if (!code.equals(indicatorCode)) {
                code(node, where);
            }
            BigDecimal max = decimal(node, "max", where);
            if (max.signum() <= 0) {
                fail(where + ": max must be positive");
            }
            String kindText = text(node, "kind", where);
            ItemKind kind;
            try {
                kind = ItemKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new EditionException(source + ": " + where + ": kind must be 'computed' or 'assessed', was '" + kindText + "'");
            }
            Parameters parameters = new Parameters(code, flatten(node.path("parameters")));
            String computation = null;
            ScoringRule rule = null;
            AllowedPoints allowed = null;
            if (kind == ItemKind.COMPUTED) {
                computation = text(node, "computation", where);
                if (!computations.has(computation)) {
                    fail(where + ": unknown computation '" + computation + "' (not in the item registry)");
                }
                rule = rule(required(node, "rule", where), where);
                for (String key : computations.requiredParameters(computation)) {
                    if (!parameters.has(key) || parameters.isBlank(key)) {
                        fail(where + ": parameter '" + key + "' is missing (computation " + computation + " needs it)");
                    }
                }
                if (rule instanceof ScoringRule.PerObservation each) {
                    // Disagreeing, the item would score above its maximum or never reach it, found only when scored.
                    computations.observationCountParameter(computation).filter(parameters::has).ifPresent(key -> {
                        if (parameters.integer(key) != each.observations()) {
                            fail(where + ": parameter " + key + " is " + parameters.string(key) + " but rule.per_observation"
                                    + ".observations is " + each.observations() + ": the item makes as many observations as " + key
                                    + " says, so the two must be equal");
                        }
                    });
                }
                computations.parameterValues(computation).forEach((key, values) -> {
                    if (parameters.has(key) && !values.contains(parameters.string(key))) {
                        fail(where + ": parameter " + key + " '" + parameters.string(key) + "' is not one of "
                                + String.join(", ", values));
                    }
                });
                if (!computations.valueMayExceedOne(computation)) {
                    for (Criterion c : rule.criteria()) {
                        Ratio t = c.threshold();
                        // Exactly: a threshold a hair above 1 (1.00000000001) rounds to 1 for display.
                        if (t != null && (t.compareTo(Ratio.of(1)) > 0 || t.compareTo(Ratio.of(-1)) < 0)) {
                            fail(where + ": threshold " + t + " of a rate is above 1:"
                                    + " rates are fractions (write 95% as 0.95)");
                        }
                    }
                }
                if (rule.maxPoints().compareTo(max) != 0) {
                    fail(where + ": its rule gives at most " + rule.maxPoints().toPlainString()
                            + " points but max is " + max.toPlainString());
                }
                if (node.has("allowed")) {
                    fail(where + ": 'allowed' is for assessed items only");
                }
            } else {
                allowed = allowed(required(node, "allowed", where), where, max);
                if (node.has("rule") || node.has("computation")) {
                    fail(where + ": an assessed item has no 'rule' or 'computation'");
                }
            }
            return new Item(code, indicatorCode, text(node, "name_zh", where), optionalText(node, "name_en"), max, kind,
                    computation, rule, allowed, parameters, optionalText(node, "criterion_zh"));
        }

        ScoringRule rule(JsonNode rule, String where) {
            if (!rule.isObject() || rule.size() != 1) {
                fail(where + ": rule must have exactly one of steps, band, all, per_observation");
            }
            String type = rule.fieldNames().next();
            JsonNode body = rule.get(type);
            String at = where + " rule." + type;
            switch (type) {
                case "band" -> {
                    keys(body, at, "from", "to", "points");
                    JsonNode pts = required(body, "points", at);
                    if (!pts.isArray() || pts.size() != 2) {
                        fail(at + ".points must list two values: [points from 'from', points from 'to']");
                    }
                    Ratio from = ratio(body, "from", at);
                    Ratio to = ratio(body, "to", at);
                    if (from.compareTo(to) >= 0) {
                        fail(at + ": 'from' must be below 'to'");
                    }
                    BigDecimal fromPoints = decimalOf(pts.get(0), at);
                    BigDecimal toPoints = decimalOf(pts.get(1), at);
                    if (fromPoints.signum() <= 0 || fromPoints.compareTo(toPoints) >= 0) {
                        fail(at + ".points must be positive and rise from 'from' to 'to'");
                    }
                    return new ScoringRule.Steps(List.of(
                            new ScoringRule.Step(new Criterion(Comparison.AT_LEAST, from, words.bandWord()), fromPoints),
                            new ScoringRule.Step(new Criterion(Comparison.AT_LEAST, to, words.bandWord()), toPoints)));
                }
                case "steps" -> {
                    if (!body.isArray() || body.isEmpty()) {
                        fail(at + " must be a non-empty list");
                    }
                    List<ScoringRule.Step> steps = new ArrayList<>();
                    for (JsonNode s : body) {
                        keys(s, at, "compare", "threshold", "points");
                        ScoringRule.Step step = new ScoringRule.Step(criterion(s, at, false), positive(s, "points", at));
                        // The best step met wins: each step asks more for more points — a higher
                        // threshold for 以上/超过, a lower one for 无/不超过.
                        if (!steps.isEmpty() && !asksMore(steps.get(steps.size() - 1), step)) {
                            fail(at + ": each step needs more points than the one before, the same comparison and a"
                                    + " threshold harder to meet (" + (step.criterion().comparison() == Comparison.AT_MOST
                                    ? "lower" : "higher") + " for " + step.criterion().word() + ")");
                        }
                        steps.add(step);
                    }
                    return new ScoringRule.Steps(steps);
                }
                case "all" -> {
                    keys(body, at, "compare", "threshold", "against", "points", "absent_counts_as_met");
                    JsonNode absent = body.path("absent_counts_as_met");
                    if (!absent.isMissingNode() && !absent.isBoolean()) {
                        fail(at + ".absent_counts_as_met must be true or false");
                    }
                    return new ScoringRule.AllPass(criterion(body, at, true), positive(body, "points", at),
                            absent.asBoolean(false));
                }
                case "per_observation" -> {
                    keys(body, at, "compare", "threshold", "against", "points_each", "observations");
                    JsonNode obs = body.path("observations");
                    int n = obs.isIntegralNumber() ? obs.asInt() : 0;
                    if (n <= 0) {
                        fail(at + ".observations must be a positive whole number (e.g. 2 for the last two years)");
                    }
                    return new ScoringRule.PerObservation(criterion(body, at, true), positive(body, "points_each", at), n);
                }
                default -> {
                    fail(where + ": unknown rule type '" + type + "' (use steps, band, all or per_observation)");
                    return null;
                }
            }
        }

        /** Whether {@code next} gives more points than {@code previous} for a value harder to reach. */
        private static boolean asksMore(ScoringRule.Step previous, ScoringRule.Step next) {
            Comparison cmp = next.criterion().comparison();
            int direction = next.criterion().threshold().compareTo(previous.criterion().threshold());
            return cmp == previous.criterion().comparison() && next.points().compareTo(previous.points()) > 0
                    && (cmp == Comparison.AT_MOST ? direction < 0 : direction > 0);
        }

        Criterion criterion(JsonNode node, String at, boolean mayCompareWithObservation) {
            String word = text(node, "compare", at);
            Comparison cmp = words.meaning(word).orElse(null);
            if (cmp == null) {
                fail(at + ": unknown comparison word '" + word + "': the edition's comparison_words declare "
                        + words.describe() + " (the keys greater_than, at_least and at_most need no declaring);"
                        + " declare the word under the comparison it means");
            }
            boolean hasThreshold = node.has("threshold");
            boolean againstComparison = "comparison".equals(node.path("against").asText(null));
            if (node.has("against") && !againstComparison) {
                fail(at + ": 'against' can only be 'comparison' (the observation's national or own value)");
            }
            if (hasThreshold == againstComparison) {
                fail(at + ": give exactly one of 'threshold' or 'against: comparison'");
            }
            if (againstComparison && !mayCompareWithObservation) {
                fail(at + ": steps compare with a threshold");
            }
            return new Criterion(cmp, hasThreshold ? ratio(node, "threshold", at) : null, word);
        }

        /** The edition's vocabulary; without {@code comparison_words} only the keys are understood. */
        ComparisonWords comparisonWords(JsonNode node) {
            Map<Comparison, List<String>> declared = new EnumMap<>(Comparison.class);
            if (node != null && !node.isNull()) {
                String where = "comparison_words";
                keys(node, where, Arrays.stream(Comparison.values()).map(Comparison::key).toArray(String[]::new));
                for (Comparison c : Comparison.values()) {
                    if (!node.has(c.key())) {
                        continue;
                    }
                    List<String> list = new ArrayList<>();
                    for (JsonNode w : array(node, c.key(), where)) {
                        if (!w.isTextual() || w.asText().isBlank()) {
                            fail(where + "." + c.key() + ": '" + w + "' is not a word");
                        }
                        list.add(w.asText());
                    }
                    declared.put(c, list);
                }
            }
            try {
                return new ComparisonWords(declared);
            } catch (IllegalArgumentException e) {
                throw new EditionException(source + ": comparison_words: " + e.getMessage(), e);
            }
        }

        AllowedPoints allowed(JsonNode node, String where, BigDecimal max) {
            keys(node, where + " allowed", "step", "values");
            AllowedPoints a;
            if (node.has("step") && !node.has("values")) {
                a = AllowedPoints.step(decimal(node, "step", where + " allowed"));
                if (a.step().signum() <= 0 || max.remainder(a.step()).signum() != 0) {
                    fail(where + ": allowed step " + a.step() + " must be positive and divide max " + max);
                }
            } else if (node.has("values") && !node.has("step")) {
                List<BigDecimal> values = new ArrayList<>();
                for (JsonNode v : node.get("values")) {
                    BigDecimal d = decimalOf(v, where + " allowed.values");
                    if (d.signum() < 0 || d.compareTo(max) > 0) {
                        fail(where + ": allowed value " + d + " is outside [0, " + max + "]");
                    }
                    values.add(d);
                }
                if (values.isEmpty()) {
                    fail(where + ": allowed.values is empty");
                }
                a = AllowedPoints.values(values);
            } else {
                fail(where + ": allowed needs exactly one of 'step' or 'values'");
                return null;
            }
            return a;
        }

        private void sums(String where, BigDecimal declared, BigDecimal sum, String what) {
            if (declared.compareTo(sum) != 0) {
                fail(where + ": max is " + declared.toPlainString() + " but " + what + " sum to " + sum.toPlainString());
            }
        }

        private String code(JsonNode node, String where) {
            String code = text(node, "code", where);
            if (!codes.add(code)) {
                fail("code '" + code + "' appears twice");
            }
            return code;
        }

        private Map<String, String> flatten(JsonNode node) {
            Map<String, String> out = new LinkedHashMap<>();
            flattenInto("", node, out);
            return out;
        }

        private void flattenInto(String prefix, JsonNode node, Map<String, String> out) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return;
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    flattenInto(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
                }
            } else {
                out.put(prefix, node.isNumber() ? node.decimalValue().toPlainString() : node.asText());
            }
        }

        private void keys(JsonNode node, String where, String... allowed) {
            if (!node.isObject()) {
                fail(where + ": expected a mapping");
            }
            Set<String> ok = Set.of(allowed);
            node.fieldNames().forEachRemaining(k -> {
                if (!ok.contains(k)) {
                    fail(where + ": unknown key '" + k + "' (expected one of " + String.join(", ", allowed) + ")");
                }
            });
        }

        private JsonNode required(JsonNode node, String key, String where) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                fail(where + ": '" + key + "' is missing");
            }
            return v;
        }

        private Iterable<JsonNode> array(JsonNode node, String key, String where) {
            JsonNode v = required(node, key, where);
            if (!v.isArray() || v.isEmpty()) {
                fail(where + ": '" + key + "' must be a non-empty list");
            }
            return v;
        }

        private String text(JsonNode node, String key, String where) {
            JsonNode v = required(node, key, where);
            String s = v.asText();
            if (s.isBlank()) {
                fail(where + ": '" + key + "' is empty");
            }
            return s;
        }

        private String optionalText(JsonNode node, String key) {
            JsonNode v = node.get(key);
            return v == null || v.isNull() ? null : v.asText();
        }

        private BigDecimal decimal(JsonNode node, String key, String where) {
            return decimalOf(required(node, key, where), where + "." + key);
        }

        private BigDecimal positive(JsonNode node, String key, String where) {
            BigDecimal d = decimal(node, key, where);
            if (d.signum() <= 0) {
                fail(where + "." + key + " must be positive");
            }
            return d;
        }

        private Ratio ratio(JsonNode node, String key, String where) {
            return Ratio.of(decimal(node, key, where));
        }

        private BigDecimal decimalOf(JsonNode v, String where) {
            if (v.isContainerNode()) {
                fail(where + ": expected a number, not a " + (v.isArray() ? "list" : "mapping"));
            }
            try {
                // Text keeps the literal exact: 0.15 stays 0.15, never a binary double.
                return new BigDecimal(v.isNumber() ? v.numberValue().toString() : v.asText().trim());
            } catch (NumberFormatException e) {
                throw new EditionException(source + ": " + where + ": '" + v.asText() + "' is not a number");
            }
        }

        private void fail(String message) {
            throw new EditionException(source + ": " + message);
        }
    }
}
