/**
 * The job's command line (picocli), kept thin: it parses options into a
 * {@link org.netmarket.config.PipelineConfig}, runs the pipeline, prints what a user needs to
 * see and maps the outcome to an exit code a scheduler acts on (0, 1, 2, 3). Also the
 * {@code generate-data} command of the data generator.
 */
package org.netmarket.cli;
