package org.netmarket.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs independent tasks from a few threads, results in input order. The pipeline submits Spark
 * jobs this way: small jobs (one extract, one aggregation) are bound by scheduling and code
 * generation on the driver, not by the executors, so running several at once keeps the cores
 * busy. The data generator writes its part files the same way.
 */
public final class Concurrently {
    /** Driver threads submitting jobs at once. */
    public static final int DEFAULT_THREADS = 4;
    private static final String JOB_THREADS = "netmarket-jobs";

    private Concurrently() {
    }

    /** The work applied to every input, at most {@link #DEFAULT_THREADS} at once, results in input order. */
    public static <T, R> List<R> map(List<T> inputs, Function<T, R> work) {
        return map(inputs, DEFAULT_THREADS, JOB_THREADS, work);
    }

    /**
     * The work applied to every input on at most {@code threads} threads named {@code threadName},
     * results in input order; the first failure (in input order) is rethrown as it was when unchecked.
     */
    public static <T, R> List<R> map(List<T> inputs, int threads, String threadName, Function<T, R> work) {
        if (inputs.size() <= 1 || threads <= 1) {
            return inputs.stream().map(work).toList();
        }
        try (Tasks tasks = new Tasks(Math.min(threads, inputs.size()), threadName)) {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(tasks.submit(() -> work.apply(input)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(tasks.join(f));
            }
            return out;
        }
    }

    /**
     * Tasks of different result types run at once (at most {@code tasks} threads, capped at
     * {@link #DEFAULT_THREADS}); closing cancels what is still running.
     */
    public static Tasks tasks(int tasks) {
        return new Tasks(Math.min(DEFAULT_THREADS, tasks), JOB_THREADS);
    }

    /** A pool of driver threads for one batch of tasks; see {@link #tasks(int)}. */
    public static final class Tasks implements AutoCloseable {
        private final ExecutorService pool;

        private Tasks(int threads, String threadName) {
            pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }

        public <R> Future<R> submit(Supplier<R> work) {
            return pool.submit(work::get);
        }

        /** The task's result; its exception rethrown as it was (unchecked) when it failed. */
        public <R> R join(Future<R> task) {
            try {
                return task.get();
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
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
