package org.netmarket.items;

import org.junit.jupiter.api.Test;

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
