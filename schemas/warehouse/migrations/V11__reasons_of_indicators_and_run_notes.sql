-- Documentation only: what reason holds on an indicator with sub-items (the reasons of its items
-- that are not scored), and which runs leave a note in pipeline_run (validate and dry runs write
-- no pipeline_run row). The history table keeps the same description as the current one (V3).
COMMENT ON COLUMN indicator_score.reason IS 'Why an item is not scored (missing_data, data_error, no_records, not_assessed), in words an analyst can act on; on an indicator with sub-items, the reasons of its items that are not scored ("27.1: ...; 27.2: ..."). Null when scored.';
COMMENT ON COLUMN indicator_score_history.reason IS 'Why an item is not scored (missing_data, data_error, no_records, not_assessed), in words an analyst can act on; on an indicator with sub-items, the reasons of its items that are not scored ("27.1: ...; 27.2: ..."). Null when scored.';
COMMENT ON COLUMN bi_scorecard.reason IS 'Why the item is not scored, in words an analyst can act on (on an indicator with sub-items, the reasons of its items that are not scored); null when scored.';
COMMENT ON COLUMN pipeline_run.note IS 'What a run that succeeded without publishing did: a nightly run that found nothing delivered since the staged state was published (validate and --dry-run runs write no pipeline_run row).';
