package org.netmarket.staging;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The quarantine reaches the report and the warehouse a row at a time, never an extract at once. */
class IngestionQuarantineStreamTest {
    /** Counts up to {@code size}, recording how many elements were taken. */
    private static final class Counting implements Iterator<Integer> {
        private final int size;
        int taken;

        Counting(int size) {
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return taken < size;
        }

        @Override
        public Integer next() {
            return taken++;
        }
    }

    @Test
    void eachPartIsTakenOneElementAtATimeAndInOrder() {
        Counting first = new Counting(1_000_000);
        Counting second = new Counting(3);
        Iterator<String> all = Ingestion.oneAfterAnother(List.of(
                Ingestion.streamOf(first).map(i -> "a" + i), Stream.of("r"), Ingestion.streamOf(second).map(i -> "b" + i)));
        assertEquals("a0", all.next());
        assertEquals(1, first.taken, "one row of the first extract taken for its first row");
        assertEquals(0, second.taken, "nothing of a later extract before it is reached");
        for (int i = 1; i < 1_000_000; i++) {
            all.next();
        }
        List<String> rest = new ArrayList<>();
        all.forEachRemaining(rest::add);
        assertEquals(List.of("r", "b0", "b1", "b2"), rest);
    }
}
