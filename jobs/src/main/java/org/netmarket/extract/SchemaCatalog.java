package org.netmarket.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
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

    /** Extract names in the order they are read (regions first, operators before their sales). */
    public static final List<String> EXTRACTS = List.of(
            "regions", "national", "retail", "express", "tax", "employment", "market-entities",
            "platform-accounts", "operators", "operator-sales", "dispatches", "case-clues",
            "case-reviews", "complaints", "training", "assessments");

    public static final String CLASSPATH_FOLDER = "netmarket/schemas/extracts/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SCHEMA_KEYS = Set.of("extract", "kind", "file", "key", "version", "cohort", "columns", "rules");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "required", "values", "of");

    private final Map<String, ExtractSchema> schemas;

    private SchemaCatalog(Map<String, ExtractSchema> schemas) {
        this.schemas = Collections.unmodifiableMap(schemas);
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

    static ExtractSchema parse(JsonNode root, String source) {
        root.fieldNames().forEachRemaining(k -> {
            if (!SCHEMA_KEYS.contains(k)) {
                throw new IllegalStateException(source + ": unknown key '" + k + "'");
            }
        });
        String name = root.path("extract").asText();
        ExtractKind kind = ExtractKind.fromCode(root.path("kind").asText());
        List<String> key = new ArrayList<>();
        root.path("key").forEach(k -> key.add(k.asText()));
        String version = root.hasNonNull("version") ? root.get("version").asText() : null;
        List<ColumnSpec> columns = new ArrayList<>();
        for (JsonNode c : root.path("columns")) {
            c.fieldNames().forEachRemaining(k -> {
                if (!COLUMN_KEYS.contains(k)) {
                    throw new IllegalStateException(source + ": column " + c.path("name").asText() + ": unknown key '" + k + "'");
                }
            });
            List<String> values = new ArrayList<>();
            c.path("values").forEach(v -> values.add(v.asText()));
            columns.add(new ColumnSpec(c.path("name").asText(), ColumnType.fromCode(c.path("type").asText()),
                    c.path("required").asBoolean(true), values, c.hasNonNull("of") ? c.get("of").asText() : null));
        }
        List<RowRule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            if (r.has("not_before")) {
                rules.add(new RowRule.NotBefore(r.get("not_before").asText(), r.path("start").asText()));
            } else if (r.has("empty_unless")) {
                List<String> values = new ArrayList<>();
                r.path("values").forEach(v -> values.add(v.asText()));
                rules.add(new RowRule.EmptyUnless(r.get("empty_unless").asText(), r.path("column").asText(), values));
            } else if (r.has("non_negative")) {
                List<String> values = new ArrayList<>();
                r.path("values").forEach(v -> values.add(v.asText()));
                rules.add(new RowRule.NonNegativeUnless(r.get("non_negative").asText(), r.path("unless").asText(), values));
            } else if (r.has("references")) {
                rules.add(new RowRule.References(r.get("references").asText(), r.path("extract").asText()));
            } else {
                throw new IllegalStateException(source + ": unknown rule " + r);
            }
        }
        ExtractSchema.Cohort cohort = null;
        if (root.hasNonNull("cohort")) {
            JsonNode c = root.get("cohort");
            cohort = new ExtractSchema.Cohort(c.path("year_of").asText(null), c.hasNonNull("type") ? c.get("type").asText() : null);
        }
        ExtractSchema schema = new ExtractSchema(name, kind, root.hasNonNull("file") ? root.get("file").asText() : null,
                key, version, columns, rules, cohort);
        for (String k : key) {
            if (!schema.hasColumn(k)) {
                throw new IllegalStateException(source + ": key column " + k + " is not a column");
            }
        }
        if (version != null && !schema.hasColumn(version)) {
            throw new IllegalStateException(source + ": version column " + version + " is not a column");
        }
        if (cohort != null) {
            if (cohort.yearOf() == null || !schema.hasColumn(cohort.yearOf())
                    || !java.util.EnumSet.of(ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.YEAR)
                    .contains(schema.column(cohort.yearOf()).type())) {
                throw new IllegalStateException(source + ": cohort year_of must name a date, timestamp or year column");
            }
            if (cohort.type() != null && !schema.hasColumn(cohort.type())) {
                throw new IllegalStateException(source + ": cohort type " + cohort.type() + " is not a column");
            }
        }
        // A misspelt rule column would otherwise fail every row inside a Spark task.
        for (RowRule rule : rules) {
            List<String> named;
            if (rule instanceof RowRule.NotBefore nb) {
                named = List.of(nb.column(), nb.start());
            } else if (rule instanceof RowRule.EmptyUnless eu) {
                named = List.of(eu.column(), eu.otherColumn());
            } else if (rule instanceof RowRule.NonNegativeUnless nn) {
                named = List.of(nn.column(), nn.otherColumn());
            } else {
                named = List.of(((RowRule.References) rule).column());
            }
            for (String c : named) {
                if (!schema.hasColumn(c)) {
                    throw new IllegalStateException(source + ": rule " + rule + " names " + c + ", which is not a column");
                }
            }
        }
        return schema;
    }
}
