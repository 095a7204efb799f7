package org.netmarket.items;

import org.junit.jupiter.api.Test;
import org.netmarket.edition.Item;
import org.netmarket.facts.FactsBuilder;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemRegistryTest {

    @Test
    void everyComputationOfThe2022EditionIsRegisteredOnce() {
        assertEquals(22, ItemRegistry.all().size());
        assertEquals(22, ItemRegistry.all().stream().map(ComputedItem::id).distinct().count());
        for (var item : ItemTesting.EDITION.computedItems()) {
            assertTrue(ItemRegistry.has(item.computation()), item.code());
            assertEquals(item.computation(), ItemRegistry.get(item.computation()).id());
        }
    }

    /**
     * The extracts an item declares (its lineage) are the ones its measurement needs: each one
     * not delivered, beside every other delivered, makes the item missing_data naming it. Each
     * item names its inputs twice — in {@code extracts()} and where it measures — and this keeps
     * the two in step.
     */
    @Test
    void everyDeclaredExtractNotDeliveredMakesTheItemMissingDataNamingIt() {
        for (Item item : ItemTesting.EDITION.computedItems()) {
            ComputedItem computation = ItemRegistry.get(item.computation());
            assertFalse(computation.extracts().isEmpty(), item.code());
            for (String extract : computation.extracts()) {
                FactsBuilder b = FactsBuilder.year(2024).delivered(FactsBuilder.RECORD_EXTRACTS.stream()
                        .filter(e -> !e.equals(extract)).toArray(String[]::new));
                if (extract.equals("national")) {
                    b.nationalNotDelivered();
                } else if (FactsBuilder.AGGREGATE_EXTRACTS.contains(extract)) {
                    b.notDelivered(extract);
                } else {
                    assertTrue(FactsBuilder.RECORD_EXTRACTS.contains(extract), item.code() + " declares unknown extract " + extract);
                }
                Measurement m = computation.measure(b.build(FactsBuilder.CITY), item.parameters());
                String said = extract.equals("national") ? "national figures were not delivered" : extract + " was not delivered";
                assertEquals(ItemStatus.MISSING_DATA, m.status(), () -> "item " + item.code() + " without " + extract + ": " + m);
                assertTrue(m.reason().en().contains(said), () -> "item " + item.code() + " without " + extract + ": " + m.reason());
            }
        }
    }

    @Test
    void lookups() {
        assertInstanceOf(OnlineRetailGrowth.class, ItemRegistry.get("online_retail_growth"));
        assertFalse(ItemRegistry.has("online_retail_growht"));
        assertTrue(ItemRegistry.find("nope").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ItemRegistry.get("nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> ItemRegistry.all().add(new StaffTraining()));
        assertEquals(List.of("training"), ItemRegistry.get("staff_training").extracts());
    }
}
