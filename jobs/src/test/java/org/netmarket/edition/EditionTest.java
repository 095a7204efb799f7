package org.netmarket.edition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditionTest {
    private static final Edition E = TestEditions.edition2022();

    @Test
    void expandsIndicatorCodesToTheirItems() {
        assertEquals(List.of("11.1", "11.2", "11.3", "3", "17.2"), E.expandItemCodes(List.of("11", "3", "17.2", "11.2")));
    }

    @Test
    void unknownCodesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> E.expandItemCodes(List.of("42")));
        assertTrue(e.getMessage().contains("'42'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> E.item("11"), "11 is an indicator with sub-items, not an item");
    }

    @Test
    void findsTheFirstLevelCategoryOfAnIndicator() {
        assertEquals("development", E.firstLevelOf(E.indicator("9")).code());
        assertEquals("regulation", E.firstLevelOf(E.indicator("19")).code());
        assertEquals("support", E.firstLevelOf(E.indicator("38")).code());
        assertEquals(List.of("innovation.work", "innovation.effect"),
                E.childrenOf("innovation").stream().map(Category::code).toList());
    }

    @Test
    void itemsKnowTheirIndicator() {
        assertEquals("11", E.item("11.2").indicatorCode());
        assertEquals("3", E.item("3").indicatorCode());
        assertTrue(E.findItem("11").isEmpty());
    }
}
