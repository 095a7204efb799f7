package org.netmarket.staging;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Results in input order, failures rethrown as they were, and no more threads than asked for. */
class ConcurrentlyTest {

    @Test
    void resultsComeBackInInputOrderWhateverFinishesFirst() {
        List<Integer> inputs = IntStream.range(0, 12).boxed().toList();
        List<Integer> out = Concurrently.map(inputs, 3, "test-order", i -> {
            sleep((12 - i) * 3L); // the last inputs finish first
            return i * i;
        });
        assertEquals(inputs.stream().map(i -> i * i).toList(), out);
    }

    @Test
    void theWorkRunsOnAtMostTheThreadsAskedForUnderTheirName() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Set<String> names = ConcurrentHashMap.newKeySet();
        Concurrently.map(IntStream.range(0, 20).boxed().toList(), 2, "test-cap", i -> {
            threads.add(Thread.currentThread());
            names.add(Thread.currentThread().getName());
            sleep(5);
            return i;
        });
        assertTrue(threads.size() <= 2 && !threads.isEmpty(), "threads used: " + threads);
        assertEquals(Set.of("test-cap"), names);
    }

    @Test
    void aFailureIsRethrownAsItWas() {
        IllegalArgumentException boom = new IllegalArgumentException("line 7 of operators/a.csv");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Concurrently.map(List.of(1, 2, 3), 2, "test-fail", i -> {
                    if (i == 2) {
                        throw boom;
                    }
                    return i;
                }));
        assertSame(boom, thrown);
    }

    @Test
    void oneThreadOrOneInputRunsInTheCallersThreadAndKeepsNulls() {
        String caller = Thread.currentThread().getName();
        assertEquals(List.of(caller, caller), Concurrently.map(List.of(1, 2), 1, "unused",
                i -> Thread.currentThread().getName()));
        assertEquals(List.of(caller), Concurrently.map(List.of(1), i -> Thread.currentThread().getName()));
        assertEquals(Arrays.asList(null, null), Concurrently.map(List.of(1, 2), 2, "test-null", i -> null));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
