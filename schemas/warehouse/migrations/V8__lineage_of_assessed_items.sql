-- Assessed items now list the assessments extract in indicator_score.detail -> 'extracts', so
-- item_lineage has a row for them too: an analyst asking why an assessed item got its points
-- finds the assessment (detail -> 'assessment') and the assessment files the run scored it from,
-- with their checksums. The view itself is unchanged; only its description is.

COMMENT ON VIEW item_lineage IS 'For every published item and each extract it needs (assessed items: the assessments extract): value, numerator, denominator, comparison, status and reason, the extract''s rows read/quarantined/used in that run and every file it was computed from, with checksums (for a nightly run, the staged files of earlier nights too).';
COMMENT ON COLUMN item_lineage.indicator_code IS 'Item (or indicator without sub-items) code, computed or assessed.';
COMMENT ON COLUMN item_lineage.extract IS 'One extract the item is computed or assessed from (one row per extract; assessments for an assessed item).';
COMMENT ON COLUMN item_lineage.detail IS 'Every observation of a computed item, or the assessment of an assessed one, the extracts it needs and its criterion (indicator_score.detail).';
