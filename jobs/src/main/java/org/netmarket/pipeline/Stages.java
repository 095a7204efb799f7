package org.netmarket.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * Runs the pipeline's stages, logging each one's start and how long it took, so the log shows
 * where time goes; a stage that throws is logged as stopped, not done, so the log never reads
 * "done" just before the error that ended the run. Once the job is asked to stop (SIGTERM,
 * Ctrl-C), no further stage starts: a stop lands at the next stage boundary at the latest, never
 * between the last check and publishing.
 */
final class Stages {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringPipeline.class);

    /** The work of a stage. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException, SQLException;
    }

    /** Thrown instead of starting a stage once the job is being stopped. */
    static final class StopRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopRequested(String stage) {
            super("stage " + stage + " not started: the job is being stopped");
        }
    }

    private final BooleanSupplier stopRequested;

    /** @param stopRequested true once the job has been asked to stop */
    Stages(BooleanSupplier stopRequested) {
        this.stopRequested = stopRequested;
    }

    <T> T run(String name, Work<T> work) throws IOException, SQLException {
        if (stopRequested.getAsBoolean()) {
            throw new StopRequested(name);
        }
        LOG.info("stage {}: started", name);
        long started = System.nanoTime();
        boolean done = false;
        try {
            T result = work.run();
            done = true;
            return result;
        } finally {
            String took = Durations.format(System.nanoTime() - started);
            if (done) {
                LOG.info("stage {}: done in {}", name, took);
            } else {
                LOG.info("stage {}: stopped after {}", name, took);
            }
        }
    }
}
