-- The data dictionary said of comparison_value, in the tables and the lineage views, "what the
-- value was compared with"; for a banded item (3, 4, 7, 8, 9) it holds the boundary of the next
-- band up, not the boundary the value reached (bi_scorecard said so since version 15, the others
-- did not). The lineage's numerator did not say that for a growth rate it is this year's figure
-- minus last year's, nor its row counts that they are the whole extract's, not the item's or the
-- region's. The item detail gains "basis" (item 4: the region's economic zone and the threshold
-- in yuan it set), which no other column records. Comments only: no data or view changes.

COMMENT ON COLUMN indicator_score.comparison_value IS 'What the value was compared with, in the value''s unit: a published national figure, the region''s own total-retail growth, the edition threshold or, for a banded item (3, 4, 7, 8, 9), the boundary of the next band up (the top band''s once reached).';
COMMENT ON COLUMN indicator_score_history.comparison_value IS 'What the value was compared with, in the value''s unit: a published national figure, the region''s own total-retail growth, the edition threshold or, for a banded item (3, 4, 7, 8, 9), the boundary of the next band up (the top band''s once reached).';
COMMENT ON COLUMN item_lineage.comparison_value IS 'What the value was compared with, in the value''s unit: a national figure, the region''s own total-retail growth, the edition threshold or, for a banded item (3, 4, 7, 8, 9), the boundary of the next band up (the top band''s once reached).';
COMMENT ON COLUMN item_lineage_history.comparison_value IS 'What the value was compared with, in the value''s unit: a national figure, the region''s own total-retail growth, the edition threshold or, for a banded item (3, 4, 7, 8, 9), the boundary of the next band up (the top band''s once reached).';

COMMENT ON COLUMN item_lineage.numerator IS 'Numerator of the headline ratio (for a growth rate: this year''s figure minus last year''s); null for a count.';
COMMENT ON COLUMN item_lineage_history.numerator IS 'Numerator of the headline ratio (for a growth rate: this year''s figure minus last year''s); null for a count.';

COMMENT ON COLUMN item_lineage.rows_read IS 'Rows of the whole extract read by that run, every region and year of it, not of this item or region alone (a nightly run that merged: the rows of the files it read, not of the files staged earlier); the region''s own set-aside rows are in bi_set_aside_rows and quarantined_row by region_code (not those of operator-sales, placed by their operator, nor national figures).';
COMMENT ON COLUMN item_lineage_history.rows_read IS 'Rows of the whole extract read by that run, every region and year of it, not of this item or region alone (a nightly run that merged: the rows of the files it read, not of the files staged earlier); the region''s own set-aside rows are in bi_set_aside_rows and quarantined_row by region_code (not those of operator-sales, placed by their operator, nor national figures).';
COMMENT ON COLUMN item_lineage.rows_quarantined IS 'Rows of the whole extract set aside by that run (every region and year; see quarantined_row by region_code for the region''s own, but for operator-sales and national figures).';
COMMENT ON COLUMN item_lineage_history.rows_quarantined IS 'Rows of the whole extract set aside by that run (every region and year; see quarantined_row by region_code for the region''s own, but for operator-sales and national figures).';
COMMENT ON COLUMN item_lineage.rows_used IS 'Rows of the whole extract used after validation and deduplication (every region and year).';
COMMENT ON COLUMN item_lineage_history.rows_used IS 'Rows of the whole extract used after validation and deduplication (every region and year).';

COMMENT ON COLUMN indicator_score.detail IS 'Every observation (label, value, numerator, denominator, comparison, passed), the extracts the item needs, its criterion, assessment evidence, and basis: what a computation was measured against that no column records (item 4: economic_zone of the region and the above_scale_threshold_yuan it set).';
COMMENT ON COLUMN indicator_score_history.detail IS 'Every observation (label, value, numerator, denominator, comparison, passed), the extracts the item needs, its criterion, assessment evidence, and basis: what a computation was measured against that no column records (item 4: economic_zone of the region and the above_scale_threshold_yuan it set).';
COMMENT ON COLUMN item_lineage.detail IS 'Every observation of a computed item, or the assessment of an assessed one, the extracts it needs, its criterion and basis (item 4: the region''s economic zone and threshold in yuan) — indicator_score.detail.';
COMMENT ON COLUMN item_lineage_history.detail IS 'Every observation of a computed item, or the assessment of an assessed one, the extracts it needs, its criterion and basis (item 4: the region''s economic zone and threshold in yuan) — indicator_score.detail.';
