/**
 * One run, stage by stage: edition, warehouse lock and registration, ingest, facts, scores,
 * publish; what a run scores (its scope, checked early), the verdict on the input, recomputing
 * some items, what a failed run failed on (one classification for the ledger and the exit code),
 * the run folder and its reports.
 * It orchestrates the other packages and judges nothing itself.
 */
package org.netmarket.pipeline;
