/**
 * One run, stage by stage: edition, warehouse lock and registration, ingest, facts, scores,
 * publish; what a run scores (its scope, checked early), the verdict on the input, recomputing
 * some items, what a failed run failed on (one classification for the ledger and the exit code),
 * the run folder and its reports.
 * It orchestrates the other packages — the items measure, scoring judges and rolls up —
 * and decides only which of them applies: an assessed item whose assessment is in conflict or
 * not delivered, published points kept beside the items an {@code --items} run recomputes.
 */
package org.netmarket.pipeline;
