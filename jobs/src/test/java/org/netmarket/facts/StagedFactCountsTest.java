package org.netmarket.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.staging.StagingArea;
import org.netmarket.testing.SharedSpark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counts kept with a staged generation are found again only for the same state and basis. */
class StagedFactCountsTest {
    private static final String BASIS_2024 = "year=2024 as_of=2024-12-31 edition=2022";
    private static final RegionCounts COUNTS = new RegionCounts(List.of("complaints.rows", "complaints.closed_on_time"),
            Map.of("140802", new long[]{10, 7}, "140821", new long[]{5, 5}));

    @TempDir
    Path tmp;

    private StagedFactCounts staged() {
        return new StagedFactCounts(StagingArea.open(SharedSpark.session(), tmp.resolve("staging").toString()));
    }

    @Test
    void countsKeptForAStateAreFoundForThatStateAndBasisOnly() {
        StagedFactCounts staged = staged();
        staged.keep("complaints", 7, "complaints@g000007", BASIS_2024, COUNTS);

        assertEquals(Optional.of(COUNTS), staged.find("complaints", 7, "complaints@g000007", BASIS_2024));
        assertEquals(Optional.empty(), staged.find("complaints", 7, "complaints@g000008", BASIS_2024), "another state");
        assertEquals(Optional.empty(), staged.find("complaints", 7, "complaints@g000007",
                "year=2024 as_of=2024-06-30 edition=2022"), "another as-of date");
        assertEquals(Optional.empty(), staged.find("complaints", 8, "complaints@g000007", BASIS_2024), "another generation");
        assertEquals(Optional.empty(), staged.find("dispatches", 7, "complaints@g000007", BASIS_2024), "another extract");
    }

    @Test
    void laterCountsOfTheSameBasisReplaceEarlierOnesAndOtherYearsStay() {
        StagedFactCounts staged = staged();
        String basis2023 = "year=2023 as_of=2023-12-31 edition=2022";
        staged.keep("operator-sales", 3, "operator-sales@g000003+operators@g000001", BASIS_2024, COUNTS);
        staged.keep("operator-sales", 3, "operator-sales@g000003+operators@g000001", basis2023, COUNTS);
        RegionCounts later = COUNTS.plus(COUNTS);
        staged.keep("operator-sales", 3, "operator-sales@g000003+operators@g000004", BASIS_2024, later);

        assertEquals(Optional.of(later), staged.find("operator-sales", 3, "operator-sales@g000003+operators@g000004", BASIS_2024));
        assertEquals(Optional.empty(), staged.find("operator-sales", 3, "operator-sales@g000003+operators@g000001", BASIS_2024));
        assertEquals(Optional.of(COUNTS), staged.find("operator-sales", 3, "operator-sales@g000003+operators@g000001", basis2023));
    }

    @Test
    void anUnreadableNoteIsIgnored() throws IOException {
        StagedFactCounts staged = staged();
        staged.keep("complaints", 7, "complaints@g000007", BASIS_2024, COUNTS);
        List<Path> notes;
        try (Stream<Path> files = Files.walk(tmp.resolve("staging"))) {
            notes = files.filter(f -> f.getFileName().toString().startsWith("facts-")).toList();
        }
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).toString().contains("/complaints/g000007/_notes/"), notes.get(0).toString());
        Files.writeString(notes.get(0), "{\"state\": \"complaints@g000007\", \"counts\": [", StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), staged.find("complaints", 7, "complaints@g000007", BASIS_2024));
    }
}
