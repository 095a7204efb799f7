package org.netmarket.warehouse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmarket.edition.Edition;
import org.netmarket.edition.EditionException;
import org.netmarket.edition.EditionLoader;
import org.netmarket.items.ItemRegistry;
import org.netmarket.testing.TestingPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An edition file under the id of a published edition may correct names, but not the structure
 * the published results are read by: the views tell items from indicators and add up categories
 * from the edition's rows, for every year published with that id, so a code moved, added or
 * given another maximum would restate them all.
 */
class EditionStructureTest {
    private static final Path EDITION_2022 = Path.of("schemas/editions/2022.yaml");

    @TempDir
    static Path tmp;
    private static Warehouse warehouse;

    @BeforeAll
    static void publishedWith2022() throws Exception {
        warehouse = Warehouse.open(JdbcSettings.of(TestingPostgres.server().createWarehouse(), Map.of()));
        try (PublishLock lock = PublishLock.acquire(warehouse.connect(), java.time.Duration.ZERO, () -> false)) {
            long run = new RunLedger(warehouse).start(TestPublications.runRecord("adhoc"));
            new ScorePublisher(lock, warehouse, () -> false).publish(run, List.of(),
                    TestPublications.indicatorThree(Map.of("140802", "1.5"), LocalDate.of(2024, 12, 31)));
        }
    }

    /** 2022.yaml with {@code from} replaced by {@code to}, loaded as a file. */
    private static Edition edited(String name, String from, String to) throws IOException {
        String text = Files.readString(EDITION_2022);
        String changed = text.replace(from, to);
        assertEquals(false, changed.equals(text), "the edit applies: " + from);
        Path file = Files.writeString(tmp.resolve(name + ".yaml"), changed);
        return new EditionLoader(ItemRegistry.COMPUTATIONS).load(file.toString());
    }

    @Test
    void namesCorrectedUnderThePublishedIdAreAccepted() throws IOException {
        Edition renamed = edited("renamed", "name_en: Consumer satisfaction above the national average",
                "name_en: Consumer satisfaction above the national level");
        assertDoesNotThrow(() -> PublishedScores.requireSameRules(warehouse, renamed));
    }

    @Test
    void anItemCodeChangedUnderThePublishedIdIsRefusedNamingBothCodes() throws IOException {
        Edition recoded = edited("recoded", "- code: \"25.3\"", "- code: \"25.9\"");
        EditionException e = assertThrows(EditionException.class, () -> PublishedScores.requireSameRules(warehouse, recoded));
        assertEquals("edition 2022 is published with another structure than this edition file gives under the same id:"
                + " indicator 25.3 (published: item under 25 in service.consumers, max 1; this file: none);"
                + " indicator 25.9 (published: none; this file: item under 25 in service.consumers, max 1)."
                + " Give a changed edition an id of its own", e.getMessage());
    }
}
