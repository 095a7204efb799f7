package org.netmarket.items;

import org.netmarket.edition.Edition;
import org.netmarket.edition.Item;
import org.netmarket.edition.TestEditions;
import org.netmarket.facts.RegionFacts;
import org.netmarket.rules.ItemStatus;
import org.netmarket.rules.Measurement;
import org.netmarket.rules.Observation;
import org.netmarket.rules.Ratio;
import org.netmarket.rules.ReasonAssertions;
import org.netmarket.scoring.ItemScorer;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Measuring an item of the 2022 edition from hand-built facts, and asserting on the result. */
final class ItemTesting {
    static final Edition EDITION = TestEditions.edition2022();

    private ItemTesting() {
    }

    /** Measures with the parameters the 2022 edition gives the item, checking the wiring first. */
    static Measurement measure(ComputedItem computation, String itemCode, RegionFacts facts) {
        Item item = EDITION.item(itemCode);
        assertEquals(item.computation(), computation.id(), "item " + itemCode + " is computed by " + computation.id());
        return computation.measure(facts, item.parameters());
    }

    /** The points the 2022 edition gives the measurement. */
    static BigDecimal points(String itemCode, Measurement m) {
        return ItemScorer.computed(EDITION.item(itemCode), m).points();
    }

    static void assertPoints(String itemCode, String expected, Measurement m) {
        BigDecimal p = points(itemCode, m);
        assertEquals(0, new BigDecimal(expected).compareTo(p), "item " + itemCode + " " + m + ": expected " + expected + " points, got " + p);
    }

    static Ratio r(String decimal) {
        return Ratio.parse(decimal);
    }

    static Ratio frac(long numerator, long denominator) {
        return Ratio.of(numerator, denominator);
    }

    static void assertScored(Measurement m) {
        assertEquals(ItemStatus.SCORED, m.status(), () -> "expected scored: " + m);
        assertNull(m.reason());
    }

    static void assertObservation(Observation o, String label, Ratio value, Ratio comparison) {
        assertEquals(label, o.label(), "label");
        assertFalse(o.absent(), label + " is measured");
        assertEquals(value, o.value(), () -> label + ": value " + o.value());
        if (comparison == null) {
            assertNull(o.comparison(), label + " is compared with the edition's threshold");
        } else {
            assertEquals(comparison, o.comparison(), () -> label + ": comparison " + o.comparison());
        }
    }

    /**
     * The status, and a reason that mentions {@code reasonPart} in English and says the same in
     * Chinese (see {@link org.netmarket.rules.ReasonAssertions}).
     */
    static void assertStatus(ItemStatus expected, Measurement m, String reasonPart) {
        assertEquals(expected, m.status(), () -> "measurement " + m);
        assertTrue(m.reason() != null && m.reason().en().contains(reasonPart),
                () -> "reason '" + m.reason() + "' should mention '" + reasonPart + "'");
        ReasonAssertions.assertSaysTheSameInChinese(m.reason());
    }
}
