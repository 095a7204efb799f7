/**
 * One run, stage by stage: edition, warehouse lock and registration, ingest, facts, scores,
 * publish; what a run scores (its scope, checked early), the verdict on the input, recomputing
 * some items, the run folder and its reports.
 * It orchestrates the other packages and judges nothing itself.
 */
package org.netmarket.pipeline;
