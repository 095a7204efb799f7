package org.netmarket.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled schemas agree with the extract table of extracts.md. */
class SchemaCatalogTest {
    private static final SchemaCatalog CATALOG = SchemaCatalog.load();

    // extract | key | version column | columns, all from the table "Extracts" of extracts.md
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "regions           | region_code            |              | region_code region_name parent_code level economic_zone",
            "national          | year metric            | reported_at  | year metric value reported_at",
            "retail            | region_code month      | reported_at  | region_code month online_retail_yuan total_retail_yuan reported_at",
            "express           | region_code month      | reported_at  | region_code month parcels reported_at",
            "tax               | region_code year       | reported_at  | region_code year ecommerce_tax_yuan total_tax_yuan reported_at",
            "employment        | region_code year       | reported_at  | region_code year online_market_employed total_employed reported_at",
            "market-entities   | region_code as_of_date | reported_at  | region_code as_of_date market_entities reported_at",
            "operators         | operator_id            | updated_at   | operator_id operator_name region_code operator_type registered_on deregistered_on updated_at",
            "operator-sales    | operator_id year       | reported_at  | operator_id year ecommerce_sales_yuan reported_at",
            "platform-accounts | region_code as_of_date | reported_at  | region_code as_of_date platform_users staffed_supervisors reported_at",
            "dispatches        | dispatch_id            | updated_at   | dispatch_id region_code dispatch_type dispatched_at due_at verified_at completed_at updated_at",
            "case-clues        | clue_id                | updated_at   | clue_id region_code source received_at due_at verified_at closed_at updated_at",
            "case-reviews      | case_id                | updated_at   | case_id region_code review_type decided_on outcome procedural_violation updated_at",
            "complaints        | complaint_id           | updated_at   | complaint_id region_code channel received_at initial_review_due initial_reviewed_at close_due closed_at mediation satisfaction odr_settled updated_at",
            "training          | staff_id year          | reported_at  | staff_id region_code year training_hours reported_at",
            "assessments       | region_code year item  | assessed_at  | region_code year item points evidence assessor assessed_at"})
    void schemaMatchesTheContract(String extract, String key, String version, String columns) {
        ExtractSchema s = CATALOG.get(extract);
        assertEquals(List.of(key.split(" ")), s.key(), extract + " key");
        assertEquals(version, s.version(), extract + " version column");
        assertEquals(Arrays.stream(columns.split(" ")).sorted().toList(), s.columnNames().stream().sorted().toList(),
                extract + " columns");
    }

    @Test
    void everyExtractIsKnown() {
        assertEquals(SchemaCatalog.EXTRACTS, CATALOG.all().stream().map(ExtractSchema::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CATALOG.get("sales"));
        assertTrue(e.getMessage().contains("unknown extract 'sales'"), e.getMessage());
    }

    @Test
    void optionalColumnsAreTheOnesTheContractLeavesEmpty() {
        assertEquals(List.of("parent_code"), optional("regions"));
        assertEquals(List.of("deregistered_on"), optional("operators"));
        assertEquals(List.of("verified_at", "completed_at"), optional("dispatches"));
        assertEquals(List.of("verified_at", "closed_at"), optional("case-clues"));
        assertEquals(List.of("initial_reviewed_at", "closed_at", "satisfaction", "odr_settled"), optional("complaints"));
        assertEquals(List.of("evidence", "assessor"), optional("assessments"));
    }

    private static List<String> optional(String extract) {
        return CATALOG.get(extract).columns().stream().filter(c -> !c.required()).map(ColumnSpec::name).toList();
    }

    @Test
    void nationalSharesAreNonNegativeUnlessTheMetricIsAGrowthRate() {
        assertEquals(List.of(new RowRule.NonNegativeUnless("value", "metric",
                List.of("online_retail_growth_rate", "express_volume_growth_rate"))), CATALOG.get("national").rules());
    }

    @Test
    void aRuleNamingAColumnTheSchemaLacksIsRejectedWhenLoading() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var node = yaml.readTree("extract: x\ntitle_zh: 测试\nkind: record\nkey: [id]\nversion: at\ncolumns:\n"
                + "  - {name: id, type: text}\n  - {name: at, type: timestamp}\n"
                + "rules:\n  - {not_before: at, start: started_at}\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SchemaCatalog.parse(node, "x.yaml"));
        assertTrue(e.getMessage().startsWith("x.yaml: rule ") && e.getMessage().endsWith("names started_at, which is not a column"),
                e.getMessage());
    }

    @Test
    void aSchemaWithoutItsChineseNameIsRejectedWhenLoading() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var node = yaml.readTree("extract: x\nkind: record\nkey: [id]\nversion: at\ncolumns:\n"
                + "  - {name: id, type: text}\n  - {name: at, type: timestamp}\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SchemaCatalog.parse(node, "x.yaml"));
        assertEquals("x.yaml: title_zh (the extract's Chinese name, for the Chinese reasons) is missing", e.getMessage());
    }

    @Test
    void everyBundledExtractHasAChineseLabelNamingItsFolder() {
        for (ExtractSchema s : CATALOG.all()) {
            assertEquals(s.titleZh() + "（" + s.name() + "）", ExtractLabel.zh(s.name()), s.name());
            assertTrue(s.titleZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    s.name() + ": " + s.titleZh());
        }
        assertEquals("unknown", ExtractLabel.zh("unknown"), "an extract the catalog does not know is named by its folder");
    }

    @Test
    void operatorSalesReferenceOperators() {
        RowRule.References r = CATALOG.get("operator-sales").reference().orElseThrow();
        assertEquals("operator_id", r.column());
        assertEquals("operators", r.extract());
    }
}
