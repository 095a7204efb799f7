package org.netmarket.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Runs one pipeline stage, logging its start and how long it took, so the log shows where time
 * goes; a stage that throws is logged as stopped, not done, so the log never reads "done" just
 * before the error that ended the run.
 */
final class Stage {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringPipeline.class);

    /** The work of a stage. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException, SQLException;
    }

    private Stage() {
    }

    static <T> T run(String name, Work<T> work) throws IOException, SQLException {
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
