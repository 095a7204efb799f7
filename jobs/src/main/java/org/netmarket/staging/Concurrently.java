package org.netmarket.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Submits independent Spark jobs from a few driver threads. Small jobs (one extract, one
 * aggregation) are bound by scheduling and code generation on the driver, not by the executors,
 * so running several at once keeps the cores busy; results come back in input order.
 */
public final class Concurrently {
    /** Driver threads submitting jobs at once. */
    public static final int DEFAULT_THREADS = 4;

    private Concurrently() {
    }

    public static <T, R> List<R> map(List<T> inputs, Function<T, R> work) {
        if (inputs.size() <= 1) {
            return inputs.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(DEFAULT_THREADS, inputs.size()), r -> {
            Thread t = new Thread(r, "netmarket-jobs");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> work.apply(input)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
