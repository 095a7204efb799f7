package org.netmarket.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.edition.TestEditions;
import org.netmarket.rules.Reason;
import org.netmarket.rules.ReasonAssertions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every column type and row rule of extracts.md / schemas/extracts, broken at least once. */
class RowValidatorTest {
    private static final SchemaCatalog CATALOG = SchemaCatalog.load();
    private static final Set<String> REGIONS = Set.of("330000", "330100", "330102", "330105");
    private static final ValidationContext CONTEXT = new ValidationContext(REGIONS, TestEditions.edition2022());

    /** A valid row of each extract used below; tests change one field at a time. */
    private static Map<String, String> validRow(String extract) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (extract) {
            case "dispatches" -> {
                m.put("dispatch_id", "D-1");
                m.put("region_code", "330102");
                m.put("dispatch_type", "identity_claim");
                m.put("dispatched_at", "2024-03-01 09:00:00");
                m.put("due_at", "2024-03-08 09:00:00");
                m.put("verified_at", "2024-03-02 10:00:00");
                m.put("completed_at", "2024-03-05 10:00:00");
                m.put("updated_at", "2024-03-05 10:00:00");
            }
            case "case-clues" -> {
                m.put("clue_id", "C-1");
                m.put("region_code", "330102");
                m.put("source", "report");
                m.put("received_at", "2024-04-01 09:00:00");
                m.put("due_at", "2024-04-15 18:00:00");
                m.put("verified_at", "2024-04-03 11:00:00");
                m.put("closed_at", "2024-04-20 16:30:00");
                m.put("updated_at", "2024-04-20 16:30:00");
            }
            case "operators" -> {
                m.put("operator_id", "914403001922038216");
                m.put("operator_name", "华为技术有限公司");
                m.put("region_code", "330102");
                m.put("operator_type", "platform");
                m.put("registered_on", "2020-05-01");
                m.put("deregistered_on", "");
                m.put("updated_at", "2024-01-01 00:00:00");
            }
            case "complaints" -> {
                m.put("complaint_id", "Q-1");
                m.put("region_code", "330105");
                m.put("channel", "online");
                m.put("received_at", "2024-06-01 08:00:00");
                m.put("initial_review_due", "2024-06-08 08:00:00");
                m.put("initial_reviewed_at", "2024-06-02 08:00:00");
                m.put("close_due", "2024-07-01 08:00:00");
                m.put("closed_at", "2024-06-20 08:00:00");
                m.put("mediation", "success");
                m.put("satisfaction", "satisfied");
                m.put("odr_settled", "");
                m.put("updated_at", "2024-06-20 08:00:00");
            }
            case "case-reviews" -> {
                m.put("case_id", "R-1");
                m.put("region_code", "330102");
                m.put("review_type", "reconsideration");
                m.put("decided_on", "2024-05-06");
                m.put("outcome", "upheld");
                m.put("procedural_violation", "false");
                m.put("updated_at", "2024-05-07 09:00:00");
            }
            case "retail" -> {
                m.put("region_code", "330100");
                m.put("month", "2024-03");
                m.put("online_retail_yuan", "12345.67");
                m.put("total_retail_yuan", "99999.99");
                m.put("reported_at", "2024-04-15");
            }
            case "employment" -> {
                m.put("region_code", "330100");
                m.put("year", "2024");
                m.put("online_market_employed", "120");
                m.put("total_employed", "4000");
                m.put("reported_at", "2025-02-01");
            }
            case "national" -> {
                m.put("year", "2024");
                m.put("metric", "online_retail_growth_rate");
                m.put("value", "0.072");
                m.put("reported_at", "2025-01-17");
            }
            case "training" -> {
                m.put("staff_id", "S-1");
                m.put("region_code", "330102");
                m.put("year", "2024");
                m.put("training_hours", "52.5");
                m.put("reported_at", "2025-01-10");
            }
            case "assessments" -> {
                m.put("region_code", "330100");
                m.put("year", "2024");
                m.put("item", "10");
                m.put("points", "1.5");
                m.put("evidence", "");
                m.put("assessor", "");
                m.put("assessed_at", "2025-03-01 10:00:00");
            }
            default -> throw new IllegalArgumentException(extract);
        }
        return m;
    }

    private static RowValidator.Result validate(ExtractSchema schema, Map<String, String> row) {
        return validate(schema, row, CONTEXT);
    }

    private static RowValidator.Result validate(ExtractSchema schema, Map<String, String> row, ValidationContext context) {
        String[] fields = new String[schema.columns().size()];
        row.forEach((column, value) -> {
            int i = schema.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException(schema.name() + " has no column " + column);
            }
            fields[i] = value;
        });
        return new RowValidator(schema, context).validate(fields);
    }

    /** Validates a valid row of the extract with one field replaced. */
    private static RowValidator.Result with(String extract, String column, String value) {
        Map<String, String> row = validRow(extract);
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException(extract + " has no column " + column);
        }
        row.put(column, value);
        return validate(CATALOG.get(extract), row);
    }

    private static void assertRejected(RowValidator.Result r, String column, String reason) {
        assertNotNull(r.rejection(), "expected a rejection of column " + column + " (" + reason + ")");
        assertNull(r.values());
        assertEquals(column, r.rejection().column(), "column at fault");
        assertEquals(reason, r.rejection().reason().en());
        ReasonAssertions.assertSaysTheSameInChinese(r.rejection().reason());
    }

    private static Object valueOf(String extract, RowValidator.Result r, String column) {
        assertTrue(r.isValid(), () -> "expected a valid row, got " + r.rejection());
        return r.values()[CATALOG.get(extract).indexOf(column)];
    }

    // ---- valid rows and types ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dispatches", "case-clues", "operators", "complaints", "case-reviews", "retail", "employment",
            "national", "training", "assessments"})
    void theBaselineRowsAreValid(String extract) {
        RowValidator.Result r = validate(CATALOG.get(extract), validRow(extract));
        assertTrue(r.isValid(), () -> extract + ": " + r.rejection());
        assertNull(r.rejection());
    }

    @Test
    void valuesAreTypedInSchemaColumnOrder() {
        RowValidator.Result r = validate(CATALOG.get("dispatches"), validRow("dispatches"));
        assertArrayEquals(new Object[]{"D-1", "330102", "identity_claim", LocalDateTime.of(2024, 3, 1, 9, 0),
                LocalDateTime.of(2024, 3, 8, 9, 0), LocalDateTime.of(2024, 3, 2, 10, 0), LocalDateTime.of(2024, 3, 5, 10, 0),
                LocalDateTime.of(2024, 3, 5, 10, 0)}, r.values());
        assertEquals(LocalDate.of(2020, 5, 1), valueOf("operators", with("operators", "registered_on", "2020-05-01"), "registered_on"));
        assertEquals(2024, valueOf("employment", with("employment", "year", "2024"), "year"));
        assertEquals(120L, valueOf("employment", with("employment", "online_market_employed", "120"), "online_market_employed"));
        assertEquals(new BigDecimal("12345.67"), valueOf("retail", with("retail", "online_retail_yuan", "12345.67"), "online_retail_yuan"));
        assertEquals("2024-03", valueOf("retail", with("retail", "month", "2024-03"), "month"));
    }

    @Test
    void fieldsAreTrimmed() {
        assertEquals("330102", valueOf("dispatches", with("dispatches", "region_code", " 330102 "), "region_code"));
    }

    /** Blanks a spreadsheet, a Chinese input method or a web page leaves: no-break, full-width and zero-width spaces. */
    @Test
    void noBreakAndFullWidthSpacesAreTrimmedToo() {
        assertEquals("330102", valueOf("dispatches", with("dispatches", "region_code", "\u00A0330102\u3000"), "region_code"));
        assertEquals(Boolean.TRUE, valueOf("case-reviews", with("case-reviews", "procedural_violation", "是\u3000"),
                "procedural_violation"));
        assertEquals("a\u3000b", RowValidator.trimField("\u3000a\u3000b\u00A0"), "a space inside a value stays");
        assertEquals(new java.math.BigDecimal("12345.67"), valueOf("retail", with("retail", "online_retail_yuan",
                "\u200B12345.67\u2060"), "online_retail_yuan"), "zero-width characters");
        assertEquals("330100", valueOf("retail", with("retail", "region_code", "\uFEFF330100"), "region_code"),
                "a byte-order mark at the start of a line of joined files");
        assertRejected(with("dispatches", "region_code", "\u3000"), "region_code", "is empty but required");
    }

    /** A NUL byte is never text (PostgreSQL cannot even store it): a UTF-16 or damaged file. */
    @Test
    void aNulCharacterInAnyFieldIsRejected() {
        String reason = "contains a NUL character (byte 0x00): the file is damaged, or is not UTF-8 or GB18030 text";
        assertRejected(with("dispatches", "dispatch_type", "bogus\0type"), "dispatch_type", reason);
        assertRejected(with("operators", "operator_name", "运城\0商贸"), "operator_name", reason);
    }

    /**
     * A NUL at either end of a field is no blank to trim: trimmed away, the damaged {@code 6\0}
     * was accepted as 6 hours while {@code 5\05} was set aside.
     */
    @ParameterizedTest
    @ValueSource(strings = {"6\0", "\0" + "6", "\0", " 6 \0 ", "6\0\u3000"})
    void aNulCharacterAtTheEndsOfAFieldIsRejectedToo(String hours) {
        assertRejected(with("training", "training_hours", hours), "training_hours",
                "contains a NUL character (byte 0x00): the file is damaged, or is not UTF-8 or GB18030 text");
        assertRejected(with("dispatches", "verified_at", "\0"), "verified_at",
                "contains a NUL character (byte 0x00): the file is damaged, or is not UTF-8 or GB18030 text");
        assertEquals("6\0", RowValidator.trimField(" 6\0"), "a NUL is not a blank");
    }

    // ---- required and empty ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyRequiredFieldIsRejected(String empty) {
        assertRejected(with("dispatches", "region_code", empty), "region_code", "is empty but required");
        assertRejected(with("dispatches", "due_at", empty), "due_at", "is empty but required");
    }

    @Test
    void anEmptyOptionalFieldIsNull() {
        assertNull(valueOf("dispatches", with("dispatches", "verified_at", ""), "verified_at"));
        assertNull(valueOf("operators", with("operators", "deregistered_on", ""), "deregistered_on"));
    }

    // ---- dates, timestamps, months, years ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2024/05/01", "2024-5-1", "20240501", "2024-05-01 00:00:00", "01-05-2024",
            // a sign or a fifth digit of the year: a year number, not the contract's YYYY
            "-2024-05-01", "+2024-05-01", "+12024-05-01", "12024-05-01"})
    void badDatesAreRejected(String date) {
        assertRejected(with("operators", "registered_on", date), "registered_on", "'" + date + "' is not a date (YYYY-MM-DD)");
    }

    /** The value has the format already; saying only "YYYY-MM-DD" would leave the clerk puzzled. */
    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-02-30", "2024-13-01", "2024-04-31", "2024-00-10"})
    void daysThatDoNotExistAreNamedAsSuch(String date) {
        assertRejected(with("operators", "registered_on", date), "registered_on",
                "'" + date + "' is not a date (YYYY-MM-DD): there is no such day");
    }

    @Test
    void leapDayOfALeapYearIsADate() {
        assertEquals(LocalDate.of(2024, 2, 29), valueOf("operators", with("operators", "registered_on", "2024-02-29"), "registered_on"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T09:00:00", "2024-03-01 09:00", "2024-03-01", "2024-03-01 9:00:00",
            "2024-03-01 09:00:00+08:00", "2024-03-01 09:00:00.5", "-2024-03-01 09:00:00", "+12024-03-01 09:00:00"})
    void badTimestampsAreRejected(String ts) {
        assertRejected(with("dispatches", "dispatched_at", ts), "dispatched_at", "'" + ts + "' is not a timestamp (YYYY-MM-DD HH:MM:SS)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01 24:00:00", "2024-03-01 09:60:00", "2023-02-29 10:00:00"})
    void timestampsThatDoNotExistAreNamedAsSuch(String ts) {
        assertRejected(with("dispatches", "dispatched_at", ts), "dispatched_at",
                "'" + ts + "' is not a timestamp (YYYY-MM-DD HH:MM:SS): there is no such date or time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-3", "2024-03-01", "202403", "03-2024", "2024/03", "-2024-03", "+12024-03", "12024-03"})
    void badMonthsAreRejected(String month) {
        assertRejected(with("retail", "month", month), "month", "'" + month + "' is not a month (YYYY-MM)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024-00"})
    void monthsThatDoNotExistAreNamedAsSuch(String month) {
        assertRejected(with("retail", "month", month), "month", "'" + month + "' is not a month (YYYY-MM): there is no such month");
    }

    /** The years a year column allows bound dates, months and timestamps too: 3024-12 is a typo, not a year to score. */
    @Test
    void datesMonthsAndTimestampsFallIn1949To2200() {
        assertRejected(with("retail", "month", "3024-12"), "month", "'3024-12' falls in year 3024, outside 1949-2200");
        assertRejected(with("retail", "month", "1948-12"), "month", "'1948-12' falls in year 1948, outside 1949-2200");
        assertEquals("1949-01", valueOf("retail", with("retail", "month", "1949-01"), "month"));
        assertEquals("2200-12", valueOf("retail", with("retail", "month", "2200-12"), "month"));
        assertRejected(with("retail", "month", "2201-01"), "month", "'2201-01' falls in year 2201, outside 1949-2200");
        assertRejected(with("operators", "registered_on", "0000-02-29"), "registered_on",
                "'0000-02-29' falls in year 0, outside 1949-2200");
        assertRejected(with("operators", "registered_on", "9999-12-31"), "registered_on",
                "'9999-12-31' falls in year 9999, outside 1949-2200");
        assertEquals(LocalDate.of(1949, 1, 1), valueOf("operators", with("operators", "registered_on", "1949-01-01"), "registered_on"));
        assertRejected(with("operators", "registered_on", "1948-12-31"), "registered_on",
                "'1948-12-31' falls in year 1948, outside 1949-2200");
        assertEquals(LocalDateTime.of(2200, 12, 31, 23, 59, 59),
                valueOf("dispatches", with("dispatches", "updated_at", "2200-12-31 23:59:59"), "updated_at"));
        assertRejected(with("dispatches", "updated_at", "2201-01-01 00:00:00"), "updated_at",
                "'2201-01-01 00:00:00' falls in year 2201, outside 1949-2200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24", "2024.0", "二〇二四", "20240", "Y2024"})
    void badYearsAreRejected(String year) {
        assertRejected(with("employment", "year", year), "year", "'" + year + "' is not a year (4 digits)");
    }

    // ---- counts, money, decimals -----------------------------------------------------------

    @Test
    void countsAreNonNegativeWholeNumbers() {
        assertRejected(with("employment", "total_employed", "4000.5"), "total_employed",
                "'4000.5' is not a whole number (counts have no decimals)");
        assertRejected(with("employment", "total_employed", "4000.0"), "total_employed",
                "'4000.0' is not a whole number (counts have no decimals)");
        assertRejected(with("employment", "total_employed", "-3"), "total_employed", "-3 is negative; total_employed must be >= 0");
        assertRejected(with("employment", "total_employed", "4,000"), "total_employed",
                "'4,000' is not a number (no thousands separators: write 4000)");
        assertRejected(with("employment", "total_employed", "four"), "total_employed", "'four' is not a number");
        assertEquals(0L, valueOf("employment", with("employment", "online_market_employed", "0"), "online_market_employed"));
    }

    @Test
    void moneyIsANonNegativeDecimalWithoutSeparators() {
        assertRejected(with("retail", "online_retail_yuan", "-0.01"), "online_retail_yuan", "-0.01 is negative; online_retail_yuan must be >= 0");
        assertRejected(with("retail", "total_retail_yuan", "1,234,567.89"), "total_retail_yuan",
                "'1,234,567.89' is not a number (no thousands separators: write 1234567.89)");
        assertRejected(with("retail", "total_retail_yuan", "1,234.5"), "total_retail_yuan",
                "'1,234.5' is not a number (no thousands separators: write 1234.5)");
        assertRejected(with("retail", "total_retail_yuan", "1234,5"), "total_retail_yuan",
                "'1234,5' is not a number (no commas: the decimal point is '.', e.g. 1234567.89)");
        assertRejected(with("retail", "total_retail_yuan", "1，234"), "total_retail_yuan",
                "'1，234' is not a number (no thousands separators: write 1234)");
        assertRejected(with("retail", "total_retail_yuan", "¥100"), "total_retail_yuan", "'¥100' is not a number");
        assertEquals(new BigDecimal("0"), valueOf("retail", with("retail", "online_retail_yuan", "0"), "online_retail_yuan"));
    }

    @Test
    void trainingHoursAreANonNegativeDecimalAndZeroIsAllowed() {
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) valueOf("training", with("training", "training_hours", "0"), "training_hours")));
        assertRejected(with("training", "training_hours", "-1.5"), "training_hours", "-1.5 is negative; training_hours must be >= 0");
    }

    // ---- rates -----------------------------------------------------------------------------

    /** No bundled extract has a plain `rate` column, so a one-column schema is used. */
    private static final ExtractSchema RATES = new ExtractSchema("rates", ExtractKind.RECORD, null, List.of("id"), null,
            List.of(new ColumnSpec("id", ColumnType.TEXT, true, null, null), new ColumnSpec("share", ColumnType.RATE, true, null, null)),
            List.of(), null, "比率");

    private static RowValidator.Result rate(String value) {
        return new RowValidator(RATES, CONTEXT).validate(new String[]{"x", value});
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.962", "1", "1.0", "0.000001"})
    void ratesAreFractionsInZeroToOne(String value) {
        RowValidator.Result r = rate(value);
        assertTrue(r.isValid(), () -> value + ": " + r.rejection());
        assertEquals(0, new BigDecimal(value).compareTo((BigDecimal) r.values()[1]));
    }

    /** A rate computed in a spreadsheet keeps its binary noise (17 places); it is still that exact decimal. */
    @Test
    void ratesKeepEighteenDecimalPlacesExactly() {
        RowValidator.Result r = rate("0.30000000000000004");
        assertTrue(r.isValid(), () -> String.valueOf(r.rejection()));
        assertEquals(new BigDecimal("0.30000000000000004"), r.values()[1]);
        assertTrue(rate("0.123456789012345678").isValid(), "18 places");
        assertRejected(rate("0.1234567890123456789"), "share", "'0.1234567890123456789' has more than 18 decimal places");
    }

    /** Zeros that end a fraction lose nothing when dropped: only digits that would be lost set a row aside. */
    @Test
    void zerosEndingAFractionDoNotCountAsDecimalPlaces() {
        assertEquals(0, BigDecimal.ONE.compareTo((BigDecimal) valueOf("training", with("training", "training_hours",
                "1.0000000000000"), "training_hours")), "13 places, all zeros");
        assertEquals(0, new BigDecimal("1200").compareTo((BigDecimal) valueOf("retail", with("retail", "online_retail_yuan",
                "1200.00000000000000000000"), "online_retail_yuan")));
        assertEquals(0, new BigDecimal("0.5").compareTo((BigDecimal) rate("0.5000000000000000000000").values()[1]));
        assertTrue(with("training", "training_hours", "3.000000000000").isValid(), "12 places");
        assertRejected(with("training", "training_hours", "3.3000000000000003"), "training_hours",
                "'3.3000000000000003' has more than 12 decimal places");
        assertRejected(with("training", "training_hours", "3.0000000000001"), "training_hours",
                "'3.0000000000001' has more than 12 decimal places");
        assertRejected(rate("0.12345678901234567890"), "share", "'0.12345678901234567890' has more than 18 decimal places");
    }

    @Test
    void aRateAboveOneLooksLikeAPercentage() {
        assertRejected(rate("96.2"), "share", "96.2 is above 1: rates are fractions (0.962, not 96.2); this looks like a percentage");
        assertRejected(rate("1.0001"), "share", "1.0001 is above 1: rates are fractions (0.962, not 96.2); this looks like a percentage");
        assertRejected(rate("96.2%"), "share", "'96.2%' is not a number (write rates as fractions: 0.962, not 96.2%)");
    }

    @Test
    void aNegativeRateIsRejected() {
        assertRejected(rate("-0.1"), "share", "-0.1 is negative; rates are fractions in [0, 1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.039", "0.072", "-1", "1", "0"})
    void publishedGrowthRatesMayBeNegative(String value) {
        assertEquals(0, new BigDecimal(value).compareTo((BigDecimal) valueOf("national", with("national", "value", value), "value")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"online_retail_share", "complaint_mediation_success_rate", "consumer_satisfaction_rate",
            "odr_on_time_close_rate", "odr_settlement_rate"})
    void onlyGrowthRatesMayBeNegative(String metric) {
        Map<String, String> row = validRow("national");
        row.put("metric", metric);
        row.put("value", "-0.27");
        assertRejected(validate(CATALOG.get("national"), row), "value", "-0.27 is negative; value must be >= 0 when metric is "
                + metric + " (only online_retail_growth_rate, express_volume_growth_rate may be negative)");
        row.put("value", "0");
        assertTrue(validate(CATALOG.get("national"), row).isValid(), metric + " 0");
        row.put("metric", "express_volume_growth_rate");
        row.put("value", "-0.27");
        assertTrue(validate(CATALOG.get("national"), row).isValid(), "express growth may be negative");
    }

    @Test
    void signedRatesBeyondOneAreRejected() {
        assertRejected(with("national", "value", "7.2"), "value",
                "7.2 is above 1: rates are fractions (0.962, not 96.2); this looks like a percentage");
        assertRejected(with("national", "value", "-3.9"), "value",
                "-3.9 is below -1: rates are fractions (0.962, not 96.2); this looks like a percentage");
    }

    // ---- booleans and enums ------------------------------------------------------------------

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({"true, true", "TRUE, true", "True, true", "1, true", "是, true",
            "false, false", "FALSE, false", "False, false", "0, false", "否, false"})
    void booleansInEveryAllowedSpelling(String text, boolean expected) {
        assertEquals(expected, valueOf("case-reviews", with("case-reviews", "procedural_violation", text), "procedural_violation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "Y", "2", "对"})
    void otherBooleanSpellingsAreRejected(String text) {
        assertRejected(with("case-reviews", "procedural_violation", text), "procedural_violation",
                "'" + text + "' is not a boolean (true/false, 1/0 or 是/否)");
    }

    @Test
    void enumValuesMustBeInTheirList() {
        assertRejected(with("dispatches", "dispatch_type", "claim"), "dispatch_type", "'claim' is not one of identity_claim, monitoring_lead");
        assertRejected(with("operators", "operator_type", "shop"), "operator_type", "'shop' is not one of platform, in_platform, self_built");
        assertRejected(with("case-reviews", "outcome", "dismissed"), "outcome",
                "'dismissed' is not one of upheld, revoked, confirmed_illegal, won, lost, other");
        assertRejected(with("complaints", "mediation", "pending"), "mediation", "'pending' is not one of success, failed, none");
        assertRejected(with("complaints", "satisfaction", "neutral"), "satisfaction",
                "'neutral' is not one of satisfied, basically_satisfied, dissatisfied");
        assertRejected(with("national", "metric", "gdp_growth_rate"), "metric", "'gdp_growth_rate' is not one of "
                + "online_retail_growth_rate, online_retail_share, express_volume_growth_rate, complaint_mediation_success_rate, "
                + "consumer_satisfaction_rate, odr_on_time_close_rate, odr_settlement_rate");
        assertNull(valueOf("complaints", with("complaints", "satisfaction", ""), "satisfaction"), "satisfaction may be empty");
    }

    /** Case is ignored for A-Z only: letters that merely fold to them are not the listed value. */
    @Test
    void enumValuesIgnoreTheCaseOfAsciiLettersOnly() {
        assertEquals("monitoring_lead", valueOf("dispatches", with("dispatches", "dispatch_type", "Monitoring_LEAD"), "dispatch_type"));
        for (String lookAlike : List.of("monıtorıng_lead", "MONİTORİNG_LEAD")) {
            assertRejected(with("dispatches", "dispatch_type", lookAlike), "dispatch_type",
                    "'" + lookAlike + "' is not one of identity_claim, monitoring_lead");
        }
        String kelvin = "revo\u212Aed"; // the Kelvin sign, which lower-cases to k
        assertRejected(with("case-reviews", "outcome", kelvin), "outcome",
                "'" + kelvin + "' is not one of upheld, revoked, confirmed_illegal, won, lost, other");
        assertRejected(with("complaints", "mediation", "ſuccess"), "mediation", "'ſuccess' is not one of success, failed, none");
    }

    /** A line break in a text field is the same text written CRLF or LF: re-delivered converted, it is no conflict. */
    @Test
    void aLineBreakInATextFieldIsTheSameWrittenCrlfOrLf() {
        assertEquals("第一行\n第二行", valueOf("operators", with("operators", "operator_name", "第一行\r\n第二行"), "operator_name"));
        assertEquals("第一行\n第二行", valueOf("operators", with("operators", "operator_name", "第一行\n第二行"), "operator_name"));
    }

    // ---- region codes ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"33010", "3301020", "33O102", "330-102", "杭州市"})
    void regionCodesHaveSixDigits(String code) {
        assertRejected(with("dispatches", "region_code", code), "region_code", "'" + code + "' is not a 6-digit region code (GB/T 2260)");
    }

    @Test
    void regionCodesMustBeInRegionsCsv() {
        assertRejected(with("dispatches", "region_code", "330199"), "region_code", "region code 330199 is not in regions.csv");
    }

    @Test
    void aRegionWhoseRowInRegionsCsvWasSetAsideIsNamedAsSuch() {
        ValidationContext context = new ValidationContext(REGIONS, TestEditions.edition2022(), Map.of("330199", 7L));
        Map<String, String> row = validRow("dispatches");
        row.put("region_code", "330199");
        RowValidator.Result r = validate(CATALOG.get("dispatches"), row, context);
        assertRejected(r, "region_code", "region code 330199 has its row in regions.csv (line 7) quarantined, so this row"
                + " cannot be placed");
    }

    @Test
    void whileRegionsCsvItselfIsReadAnySixDigitsAreAccepted() {
        ExtractSchema regions = CATALOG.get("regions");
        RowValidator v = new RowValidator(regions, new ValidationContext(null, TestEditions.edition2022()));
        RowValidator.Result r = v.validate(new String[]{"330199", "某县", "330100", "county", "east"});
        assertTrue(r.isValid(), () -> String.valueOf(r.rejection()));
    }

    // ---- unified social credit codes -------------------------------------------------------

    @Test
    void operatorIdsMustBeValidUnifiedSocialCreditCodes() {
        assertRejected(with("operators", "operator_id", "91440300192203821"), "operator_id",
                "'91440300192203821' has 17 characters; a unified social credit code has 18");
        assertRejected(with("operators", "operator_id", "9144030019220382160"), "operator_id",
                "'9144030019220382160' has 19 characters; a unified social credit code has 18");
        assertRejected(with("operators", "operator_id", "91440300I922038216"), "operator_id",
                "'91440300I922038216' has 'I' at position 9, which is not allowed in a unified social credit code "
                        + "(the letters I, O, S, V and Z are not used)");
        assertRejected(with("operators", "operator_id", "914403001922038217"), "operator_id",
                "'914403001922038217' fails the GB 32100-2015 check: the 18th character is '7' but should be '6' (mistyped code?)");
    }

    @Test
    void lowerCaseCodesAreTheSameCodeAndStoredInUpperCase() {
        assertEquals("914403001922038216", valueOf("operators", with("operators", "operator_id", "914403001922038216"), "operator_id"));
        assertEquals("91440300708461136T", valueOf("operators", with("operators", "operator_id", "91440300708461136t"), "operator_id"));
        assertEquals("91140802MA0000313F", valueOf("operators", with("operators", "operator_id", "91140802ma0000313f"), "operator_id"));
        // a lower-case code with a wrong check character is still wrong
        assertRejected(with("operators", "operator_id", "91140802ma0000313g"), "operator_id",
                "'91140802MA0000313G' fails the GB 32100-2015 check: the 18th character is 'G' but should be 'F' (mistyped code?)");
    }

    @Test
    void onlyAsciiLettersAreUpperCasedSoTheLengthStaysAsDelivered() {
        // "ß".toUpperCase() is "SS": a general upper-casing would report 19 characters
        assertRejected(with("operators", "operator_id", "9144030019220382ß6"), "operator_id",
                "'9144030019220382ß6' has 'ß' at position 17, which is not allowed in a unified social credit code "
                        + "(the letters I, O, S, V and Z are not used)");
    }

    // ---- cross-field rules -----------------------------------------------------------------

    @Test
    void dueMayNotBeBeforeTheStart() {
        assertRejected(with("dispatches", "due_at", "2024-03-01 08:59:59"), "due_at",
                "due_at 2024-03-01 08:59:59 is before dispatched_at 2024-03-01 09:00:00");
        assertRejected(with("case-clues", "due_at", "2024-03-31 09:00:00"), "due_at",
                "due_at 2024-03-31 09:00:00 is before received_at 2024-04-01 09:00:00");
        assertTrue(with("dispatches", "due_at", "2024-03-01 09:00:00").isValid(), "due at the very start is allowed (>=)");
    }

    @Test
    void completionsMayNotBeBeforeTheStart() {
        assertRejected(with("case-clues", "closed_at", "2024-04-01 08:00:00"), "closed_at",
                "closed_at 2024-04-01 08:00:00 is before received_at 2024-04-01 09:00:00");
        assertRejected(with("case-clues", "verified_at", "2024-03-30 09:00:00"), "verified_at",
                "verified_at 2024-03-30 09:00:00 is before received_at 2024-04-01 09:00:00");
        assertRejected(with("dispatches", "completed_at", "2024-02-29 09:00:00"), "completed_at",
                "completed_at 2024-02-29 09:00:00 is before dispatched_at 2024-03-01 09:00:00");
        assertRejected(with("complaints", "initial_reviewed_at", "2024-05-31 23:59:59"), "initial_reviewed_at",
                "initial_reviewed_at 2024-05-31 23:59:59 is before received_at 2024-06-01 08:00:00");
        assertTrue(with("case-clues", "closed_at", "").isValid(), "an open clue has no closed_at");
    }

    @Test
    void deregistrationMayNotPrecedeRegistration() {
        assertRejected(with("operators", "deregistered_on", "2020-04-30"), "deregistered_on",
                "deregistered_on 2020-04-30 is before registered_on 2020-05-01");
        assertTrue(with("operators", "deregistered_on", "2020-05-01").isValid(), "deregistered the same day is allowed (>=)");
    }

    @Test
    void odrSettledOnlyOnOdrComplaints() {
        assertRejected(with("complaints", "odr_settled", "true"), "odr_settled",
                "odr_settled must be empty unless channel is odr (channel is online)");
        Map<String, String> odr = validRow("complaints");
        odr.put("channel", "odr");
        odr.put("odr_settled", "是");
        RowValidator.Result r = validate(CATALOG.get("complaints"), odr);
        assertEquals(Boolean.TRUE, r.values()[CATALOG.get("complaints").indexOf("odr_settled")]);
        odr.put("odr_settled", "");
        assertTrue(validate(CATALOG.get("complaints"), odr).isValid(), "an unsettled or open ODR complaint");
    }

    // ---- the Chinese of the reasons --------------------------------------------------------

    /** The reason of a rejected row, for its exact Chinese. */
    private static Reason reasonOf(RowValidator.Result r) {
        assertNotNull(r.rejection(), "expected a rejection");
        return r.rejection().reason();
    }

    @Test
    void reasonsAreWrittenInChineseForTheClerk() {
        assertEquals("“96.2%”不是数字（比率写成小数：0.962，而不是 96.2%）", reasonOf(with("national", "value", "96.2%")).zh());
        assertEquals("7.2 大于 1：比率是小数（0.962，而不是 96.2），此值像是百分数", reasonOf(with("national", "value", "7.2")).zh());
        assertEquals("“2023-02-29”不是日期（YYYY-MM-DD）：没有这一天", reasonOf(with("operators", "registered_on", "2023-02-29")).zh());
        assertEquals("“是　否”不是布尔值（true/false、1/0 或 是/否）", reasonOf(with("complaints", "odr_settled", "是　否")).zh());
        assertEquals("“claim”不是可选值之一：identity_claim、monitoring_lead", reasonOf(with("dispatches", "dispatch_type", "claim")).zh());
        assertEquals("行政区划代码 330199 不在 regions.csv 中", reasonOf(with("dispatches", "region_code", "330199")).zh());
        assertEquals("deregistered_on 2020-04-30 早于 registered_on 2020-05-01",
                reasonOf(with("operators", "deregistered_on", "2020-04-30")).zh());
        assertEquals("只有 channel 为 odr 时 odr_settled 才能填写（channel 为 online）",
                reasonOf(with("complaints", "odr_settled", "true")).zh());
        assertEquals("“12”不是 2022 版指标体系的细项（这是指标代码；专家评估打分（assessments）应填写其细项 12.1、12.2、12.3）",
                reasonOf(with("assessments", "item", "12")).zh());
        assertEquals("细项 28 不能给 0.5 分（允许：0、3 之一）", reasonOf(assessment("28", "0.5")).zh());
        assertEquals("细项 11.3 不能给 3 分（允许：0 到 1 之间 0.5 的倍数）", reasonOf(assessment("11.3", "3")).zh());
        assertEquals("为空，但此列必填", reasonOf(with("dispatches", "region_code", "")).zh());
    }

    // ---- assessments: item codes and allowed points ---------------------------------------

    @Test
    void assessmentItemsMustBeAssessedItemsOfTheEdition() {
        assertRejected(with("assessments", "item", "42"), "item", "'42' is not an item of edition 2022");
        assertRejected(with("assessments", "item", "11"), "item",
                "'11' is not an item of edition 2022 (it is an indicator; assessments name its item 11.3)");
        assertRejected(with("assessments", "item", "12"), "item",
                "'12' is not an item of edition 2022 (it is an indicator; assessments name its items 12.1, 12.2, 12.3)");
        assertRejected(with("assessments", "item", "19"), "item",
                "'19' is not an item of edition 2022 (indicator 19 is computed from the extracts, not assessed)");
        assertRejected(with("assessments", "item", "10.1"), "item", "'10.1' is not an item of edition 2022");
        assertRejected(with("assessments", "item", "1"), "item", "item 1 is computed from the extracts, not assessed");
        assertRejected(with("assessments", "item", "38.2"), "item", "item 38.2 is computed from the extracts, not assessed");
    }

    private static RowValidator.Result assessment(String item, String points) {
        Map<String, String> row = validRow("assessments");
        row.put("item", item);
        row.put("points", points);
        return validate(CATALOG.get("assessments"), row);
    }

    @ParameterizedTest(name = "item {0}, {1} points: allowed")
    @CsvSource({"28, 0", "28, 3", "31, 3", "33.1, 2", "33.1, 0", "33.2, 1", "33.2, 0", "34, 0", "34, 1", "34, 2",
            "10, 0.5", "10, 2", "11.3, 1", "11.3, 0.5", "16, 2.5", "32, 3", "35, 1.5", "41.2, 0"})
    void allowedPointsAreAccepted(String item, String points) {
        RowValidator.Result r = assessment(item, points);
        assertTrue(r.isValid(), () -> item + " " + points + ": " + r.rejection());
        assertEquals(0, new BigDecimal(points).compareTo((BigDecimal) r.values()[CATALOG.get("assessments").indexOf("points")]));
    }

    @ParameterizedTest(name = "item {0}, {1} points: {2}")
    @CsvSource(delimiter = '|', value = {
            "28   | 0.5 | one of 0, 3",
            "28   | 1.5 | one of 0, 3",
            "28   | 3.5 | one of 0, 3",
            "31   | 3.5 | one of 0, 3",
            "29   | 2   | one of 0, 3",
            "34   | 1.5 | a whole number from 0 to 2",
            "34   | 3   | a whole number from 0 to 2",
            "11.3 | 3   | a multiple of 0.5 from 0 to 1",
            "12.1 | 1.5 | a multiple of 0.5 from 0 to 1",
            "33.1 | 1   | one of 0, 2",
            "33.1 | 2.5 | one of 0, 2",
            "33.1 | 3   | one of 0, 2",
            "33.2 | 0.5 | one of 0, 1",
            "33.2 | 1.5 | one of 0, 1",
            "33.2 | 2   | one of 0, 1",
            "10   | 2.5 | a multiple of 0.5 from 0 to 2",
            "10   | 0.2 | a multiple of 0.5 from 0 to 2"})
    void pointsNotAllowedForTheItemAreRejected(String item, String points, String allowed) {
        assertRejected(assessment(item, points), "points",
                points + " points are not allowed for item " + item + " (allowed: " + allowed + ")");
    }

    @Test
    void negativePointsAreRejected() {
        assertRejected(assessment("10", "-0.5"), "points", "-0.5 is negative; points must be >= 0");
    }
}
