package org.netmarket.cli;

import java.nio.file.Path;

/**
 * A failure of a run that had created its run folder: carries the folder to the command line's
 * failure handler, which runs after the pipeline closed it, so that the handler can add the
 * reason to its run.log and tell the user where to look. The cause decides the exit code.
 */
final class StoppedRun extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path runFolder;

    StoppedRun(Throwable cause, Path runFolder) {
        super(cause.getMessage(), cause);
        this.runFolder = runFolder;
    }

    Path runFolder() {
        return runFolder;
    }
}
