package org.netmarket.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the start and the duration of a pipeline stage, so the log shows where time goes. */
final class Stage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringPipeline.class);
    private final String name;
    private final long started = System.nanoTime();

    private Stage(String name) {
        this.name = name;
    }

    static Stage start(String name) {
        LOG.info("stage {}: started", name);
        return new Stage(name);
    }

    @Override
    public void close() {
        LOG.info("stage {}: done in {}", name, Durations.format(System.nanoTime() - started));
    }
}
