package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;
import org.netmarket.config.UsageException;
import org.netmarket.pipeline.DataYears.RetailYear;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The span of the data's years and its latest complete year: the year a run without --year (every
 * nightly run) scores, and what keeps the next year from being complete.
 */
class DataYearsTest {
    private static final String A = "140802";
    private static final String B = "140821";

    private static RetailYear retailYear(List<String> reporting, List<String> withDecember) {
        return new RetailYear(new TreeSet<>(reporting), new TreeSet<>(withDecember));
    }

    /** Counties A and B reported 2023 and 2024 in full. */
    private static SortedMap<Integer, RetailYear> twoFullYears() {
        SortedMap<Integer, RetailYear> retail = new TreeMap<>();
        retail.put(2023, retailYear(List.of(A, B), List.of(A, B)));
        retail.put(2024, retailYear(List.of(A, B), List.of(A, B)));
        return retail;
    }

    private static SortedSet<Integer> national(Integer... years) {
        return new TreeSet<>(List.of(years));
    }

    private static DataYears years(SortedMap<Integer, RetailYear> retail, SortedSet<Integer> national) {
        return DataYears.from(retail, national).orElseThrow();
    }

    @Test
    void aYearIsCompleteWhenEveryReportingRegionHasItsDecember() {
        SortedMap<Integer, RetailYear> retail = twoFullYears();
        retail.put(2025, retailYear(List.of(A, B), List.of(A)));
        DataYears oneOfTwo = years(retail, national(2023, 2024, 2025));
        assertEquals(2024, oneOfTwo.latestComplete(), "only A has December 2025");
        assertEquals("2025 is not complete yet: it lacks December retail figures of 1 of the 2 regions reporting (140821)",
                oneOfTwo.pending());
        retail.put(2025, retailYear(List.of(A, B), List.of(A, B)));
        DataYears both = years(retail, national(2023, 2024, 2025));
        assertEquals(2025, both.latestComplete(), "both have it");
        assertNull(both.pending());
        retail.put(2025, retailYear(List.of(A, B, "140822"), List.of(A, B)));
        assertEquals(2024, years(retail, national(2023, 2024, 2025)).latestComplete(), "a third region reported 2025 without December");
    }

    @Test
    void aYearWithoutItsNationalFiguresIsNotComplete() {
        SortedMap<Integer, RetailYear> retail = twoFullYears();
        retail.put(2025, retailYear(List.of(A, B), List.of(A, B)));
        DataYears withoutNational2025 = years(retail, national(2023, 2024));
        assertEquals(2024, withoutNational2025.latestComplete());
        assertEquals("2025 is not complete yet: it lacks the national figures of 2025", withoutNational2025.pending());
        assertEquals(2025, years(retail, national()).latestComplete(), "no national figures delivered: retail alone decides");
    }

    @Test
    void thePendingYearNamesAFewRegionsAndEverythingItLacks() {
        SortedMap<Integer, RetailYear> retail = twoFullYears();
        retail.put(2025, retailYear(List.of(A, B, "140822", "140823", "140824", "140825", "140826"), List.of(A)));
        assertEquals("2025 is not complete yet: it lacks December retail figures of 6 of the 7 regions reporting "
                + "(140821, 140822, 140823, 140824, 140825, …) and the national figures of 2025",
                years(retail, national(2023, 2024)).pending());
        assertEquals("2025 is not complete yet: it lacks retail figures", years(twoFullYears(), national(2024, 2025)).pending());
    }

    @Test
    void withoutACompleteRetailYearTheNationalFiguresDecide() {
        SortedMap<Integer, RetailYear> retail = new TreeMap<>();
        retail.put(2024, retailYear(List.of(A, B), List.of()));
        assertEquals(2023, years(retail, national(2022, 2023)).latestComplete());
        assertEquals(2024, years(new TreeMap<>(), national(2023, 2024)).latestComplete(), "no retail delivered");
        assertEquals(2024, years(retail, national()).latestComplete(), "neither complete nor national: the last year with figures");
        assertNull(years(retail, national(2022, 2023)).warning(), "the national figures decide without a complete retail year");
    }

    @Test
    void theSpanCoversRetailAndNationalYears() {
        DataYears years = years(twoFullYears(), national(2021, 2022));
        assertEquals(2021, years.first());
        assertEquals(2024, years.last());
        assertEquals(2024, years.latestComplete(), "no year has both: the latest complete in retail");
        assertEquals("no year has both complete retail figures and national figures (national figures of 2021–2022 only): "
                + "scoring 2024, whose comparisons with the nation will be missing_data; give --year to score another",
                years.warning());
        assertNull(years(twoFullYears(), national(2023)).warning(), "2023 has both");
        assertNull(years(twoFullYears(), national()).warning(), "no national figures delivered: retail alone decides");
    }

    /** Without retail or national figures no year is known complete: the run must be given one, not the clock's. */
    @Test
    void withoutRetailOrNationalFiguresAYearMustBeGiven() {
        Optional<DataYears> none = DataYears.from(new TreeMap<>(), national());
        assertEquals(Optional.empty(), none);
        UsageException refused = assertThrows(UsageException.class, () -> DataYears.defaultYear(none));
        assertTrue(refused.getMessage().contains("give --year"), refused.getMessage());
        assertTrue(refused.messageZh().orElseThrow().contains("--year"), refused.messageZh().orElseThrow());
        assertEquals(2024, DataYears.defaultYear(DataYears.from(twoFullYears(), national(2024))));
    }
}
