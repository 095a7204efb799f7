package org.netmarket.config;

/**
 * The job's version as its jar's manifest gives it ({@code dev} when run from classes): shown
 * by {@code --version}, recorded in pipeline_run, and part of the staging area's fingerprint.
 */
public final class JobVersion {
    private static final String CURRENT = JobVersion.class.getPackage().getImplementationVersion() == null
            ? "dev" : JobVersion.class.getPackage().getImplementationVersion();

    private JobVersion() {
    }

    public static String current() {
        return CURRENT;
    }
}
