package org.netmarket.pipeline;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Once the job is asked to stop, the next stage does not start: not even publishing. */
class StagesTest {
    @Test
    void aStageRunsItsWorkUntilTheJobIsAskedToStop() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Stages stages = new Stages(stop::get);
        assertEquals("read", stages.run("ingest", () -> "read"));

        stop.set(true);
        AtomicBoolean published = new AtomicBoolean();
        Stages.StopRequested stopped = assertThrows(Stages.StopRequested.class, () -> stages.run("publish", () -> {
            published.set(true);
            return null;
        }));
        assertFalse(published.get(), "the stage's work did not run");
        assertEquals("stage publish not started: the job is being stopped", stopped.getMessage());
    }
}
