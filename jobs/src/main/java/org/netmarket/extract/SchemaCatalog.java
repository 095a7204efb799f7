package org.netmarket.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every extract schema, read from {@code schemas/extracts/*.yaml} (on the classpath as
 * {@code netmarket/schemas/extracts/}). The catalog is the single list of extract kinds the
 * pipeline knows.
 */
public final class SchemaCatalog implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The extract every assessed item is scored from. */
    public static final String ASSESSMENTS = "assessments";
    /** The published national figures, one row per year and metric. */
    public static final String NATIONAL = "national";

    /**
     * Extract names in the catalog's order, that of reports and of the contract (regions first,
     * operators before their sales); a run reads regions.csv first, then the others at once,
     * biggest first, and checks references once all are read.
     */
    public static final List<String> EXTRACTS = List.of(
            "regions", "national", "retail", "express", "tax", "employment", "market-entities",
            "platform-accounts", "operators", "operator-sales", "dispatches", "case-clues",
            "case-reviews", "complaints", "training", ASSESSMENTS);

    public static final String CLASSPATH_FOLDER = "netmarket/schemas/extracts/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SCHEMA_KEYS = Set.of("extract", "title_zh", "kind", "file", "key", "version", "cohort", "columns", "rules");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "required", "values", "of");

    private final Map<String, ExtractSchema> schemas;

    private SchemaCatalog(Map<String, ExtractSchema> schemas) {
        this.schemas = Collections.unmodifiableMap(schemas);
    }

    /** The bundled schemas, loaded once per JVM (for the pure code that only names extracts). */
    public static SchemaCatalog bundled() {
        return Bundled.CATALOG;
    }

    private static final class Bundled {
        static final SchemaCatalog CATALOG = load();
    }

    /** Loads the bundled schemas. */
    public static SchemaCatalog load() {
        Map<String, ExtractSchema> m = new LinkedHashMap<>();
        for (String name : EXTRACTS) {
            String resource = CLASSPATH_FOLDER + name + ".yaml";
            try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("extract schema " + resource + " is missing from the job package");
                }
                m.put(name, parse(YAML.readTree(in), "schemas/extracts/" + name + ".yaml"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read extract schema " + resource + ": " + e.getMessage(), e);
            }
        }
        return new SchemaCatalog(m);
    }

    public ExtractSchema get(String name) {
        ExtractSchema s = schemas.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown extract '" + name + "' (known: " + String.join(", ", EXTRACTS) + ")");
        }
        return s;
    }

    public List<ExtractSchema> all() {
        return List.copyOf(schemas.values());
    }

    /**
     * Every extract but the region tree: the extracts a run loads (and a nightly run stages)
     * after reading regions.csv on its own.
     */
    public List<ExtractSchema> withoutRegions() {
        return schemas.values().stream().filter(s -> s.kind() != ExtractKind.REFERENCE).toList();
    }

    /**
     * Reads one schema file ({@code source} names it in errors) and checks that its key,
     * version, cohort and rules name columns it has.
     */
    static ExtractSchema parse(JsonNode root, String source) {
        root.fieldNames().forEachRemaining(k -> {
            if (!SCHEMA_KEYS.contains(k)) {
                throw new IllegalStateException(source + ": unknown key '" + k + "'");
            }
        });
        String name = root.path("extract").asText();
        ExtractKind kind = ExtractKind.fromCode(root.path("kind").asText());
        List<String> key = texts(root.path("key"));
        String version = textOrNull(root, "version");
        List<ColumnSpec> columns = columns(root.path("columns"), source);
        List<RowRule> rules = rules(root.path("rules"), source);
        ExtractSchema.Cohort cohort = root.hasNonNull("cohort") ? cohort(root.get("cohort")) : null;
        String titleZh = textOrNull(root, "title_zh");
        if (titleZh == null || titleZh.isBlank()) {
            throw new IllegalStateException(source + ": title_zh (the extract's Chinese name, for the Chinese reasons) is missing");
        }
        ExtractSchema schema = new ExtractSchema(name, kind, textOrNull(root, "file"), key, version, columns, rules, cohort,
                titleZh);
        checkKeyAndVersion(schema, source);
        if (cohort != null) {
            checkCohort(schema, source);
        }
        checkRuleColumns(schema, source);
        return schema;
    }

    private static List<ColumnSpec> columns(JsonNode columns, String source) {
        List<ColumnSpec> out = new ArrayList<>();
        for (JsonNode c : columns) {
            c.fieldNames().forEachRemaining(k -> {
                if (!COLUMN_KEYS.contains(k)) {
                    throw new IllegalStateException(source + ": column " + c.path("name").asText() + ": unknown key '" + k + "'");
                }
            });
            out.add(new ColumnSpec(c.path("name").asText(), ColumnType.fromCode(c.path("type").asText()),
                    c.path("required").asBoolean(true), texts(c.path("values")), textOrNull(c, "of")));
        }
        return out;
    }

    private static List<RowRule> rules(JsonNode rules, String source) {
        List<RowRule> out = new ArrayList<>();
        for (JsonNode r : rules) {
            if (r.has("not_before")) {
                out.add(new RowRule.NotBefore(r.get("not_before").asText(), r.path("start").asText()));
            } else if (r.has("empty_unless")) {
                out.add(new RowRule.EmptyUnless(r.get("empty_unless").asText(), r.path("column").asText(), texts(r.path("values"))));
            } else if (r.has("non_negative")) {
                out.add(new RowRule.NonNegativeUnless(r.get("non_negative").asText(), r.path("unless").asText(),
                        texts(r.path("values"))));
            } else if (r.has("references")) {
                out.add(new RowRule.References(r.get("references").asText(), r.path("extract").asText()));
            } else {
                throw new IllegalStateException(source + ": unknown rule " + r);
            }
        }
        return out;
    }

    private static ExtractSchema.Cohort cohort(JsonNode cohort) {
        return new ExtractSchema.Cohort(cohort.path("year_of").asText(null), textOrNull(cohort, "type"));
    }

    private static void checkKeyAndVersion(ExtractSchema schema, String source) {
        for (String k : schema.key()) {
            if (!schema.hasColumn(k)) {
                throw new IllegalStateException(source + ": key column " + k + " is not a column");
            }
        }
        if (schema.version() != null && !schema.hasColumn(schema.version())) {
            throw new IllegalStateException(source + ": version column " + schema.version() + " is not a column");
        }
    }

    private static void checkCohort(ExtractSchema schema, String source) {
        ExtractSchema.Cohort cohort = schema.cohort();
        if (cohort.yearOf() == null || !schema.hasColumn(cohort.yearOf())
                || !EnumSet.of(ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.YEAR)
                .contains(schema.column(cohort.yearOf()).type())) {
            throw new IllegalStateException(source + ": cohort year_of must name a date, timestamp or year column");
        }
        if (cohort.type() != null && !schema.hasColumn(cohort.type())) {
            throw new IllegalStateException(source + ": cohort type " + cohort.type() + " is not a column");
        }
    }

    /** A misspelt rule column would otherwise fail every row inside a Spark task. */
    private static void checkRuleColumns(ExtractSchema schema, String source) {
        for (RowRule rule : schema.rules()) {
            for (String c : columnsNamedBy(rule)) {
                if (!schema.hasColumn(c)) {
                    throw new IllegalStateException(source + ": rule " + rule + " names " + c + ", which is not a column");
                }
            }
        }
    }

    private static List<String> columnsNamedBy(RowRule rule) {
        if (rule instanceof RowRule.NotBefore nb) {
            return List.of(nb.column(), nb.start());
        } else if (rule instanceof RowRule.EmptyUnless eu) {
            return List.of(eu.column(), eu.otherColumn());
        } else if (rule instanceof RowRule.NonNegativeUnless nn) {
            return List.of(nn.column(), nn.otherColumn());
        }
        return List.of(((RowRule.References) rule).column());
    }

    /** The texts of a YAML list (none when the field is absent). */
    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
