package org.netmarket.parallel;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Results in input order, failures rethrown as they were, and no more threads than asked for. */
class ConcurrentlyTest {

    @Test
    void resultsComeBackInInputOrderWhateverFinishesFirst() {
        // Each input waits until the next one has finished, so they finish last to first.
        int n = 4;
        List<CountDownLatch> finished = IntStream.range(0, n).mapToObj(i -> new CountDownLatch(1)).toList();
        List<Integer> finishOrder = new CopyOnWriteArrayList<>();
        List<Integer> inputs = IntStream.range(0, n).boxed().toList();
        List<Integer> out = Concurrently.map(inputs, n, "test-order", i -> {
            if (i + 1 < n) {
                await(finished.get(i + 1));
            }
            finishOrder.add(i);
            finished.get(i).countDown();
            return i * i;
        });
        assertEquals(List.of(3, 2, 1, 0), finishOrder, "the inputs finished last to first");
        assertEquals(List.of(0, 1, 4, 9), out);
    }

    @Test
    void theWorkRunsOnAtMostTheThreadsAskedForUnderTheirName() {
        // Every task waits for a second one at a barrier: two run at once, or the barrier breaks.
        CyclicBarrier pairs = new CyclicBarrier(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Set<String> names = ConcurrentHashMap.newKeySet();
        Concurrently.map(IntStream.range(0, 20).boxed().toList(), 2, "test-cap", i -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread());
            names.add(Thread.currentThread().getName());
            try {
                pairs.await(1, TimeUnit.MINUTES); // a guard against a hang, not a timing
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("task " + i + " found no second task running", e);
            }
            running.decrementAndGet();
            return i;
        });
        assertEquals(2, peak.get(), "tasks running at once");
        assertEquals(2, threads.size(), "threads used: " + threads);
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

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) { // a guard against a hang, not a timing
                throw new IllegalStateException("the next input never finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
