-- The lineage of an item counted the rows of the whole extract, every region of the delivery:
-- "why did 盐湖区 get 0 on 19.2?" showed the province's complaints read, set aside and used,
-- and the district's own were to be counted by hand in quarantined_row. Since this version a
-- publishing run records, per region it scored and extract whose rows name their region, the
-- latest rows about the region (and the regions under it, but for assessments, which are the
-- region's own) and the rows set aside that name them; the lineage views show both beside the
-- extract's totals.
CREATE TABLE region_extract_rows (
    run_id          bigint NOT NULL REFERENCES pipeline_run (run_id) ON DELETE CASCADE,
    region_code     text NOT NULL,
    eval_year       integer NOT NULL,
    extract         text NOT NULL,
    rows_in_region  bigint,
    rows_set_aside  bigint,
    PRIMARY KEY (run_id, region_code, eval_year, extract)
);
COMMENT ON TABLE region_extract_rows IS 'Per publishing run, region scored, evaluation year and extract whose rows name their region (not national figures, nor operator-sales, whose region is their operator''s): the rows the region''s items had to go on, and those set aside. Published in the same transaction as the scores; the lineage views join it by run, region, year and extract. Runs before warehouse version 27 have no rows here.';
COMMENT ON COLUMN region_extract_rows.run_id IS 'The run that published the region''s scores of the year (pipeline_run.run_id).';
COMMENT ON COLUMN region_extract_rows.region_code IS 'Region scored (region.region_code).';
COMMENT ON COLUMN region_extract_rows.eval_year IS 'Evaluation year scored.';
COMMENT ON COLUMN region_extract_rows.extract IS 'Extract name (folder of the data directory), e.g. complaints, retail, assessments.';
COMMENT ON COLUMN region_extract_rows.rows_in_region IS 'Rows of the extract about the region or a region under it, every year: the latest version of every key after validation and deduplication. Aggregate figures: a city''s own rows and its counties'' (its own are used for the periods it has). Assessments: the region''s own only (a city''s are not its counties''). Null when the extract was not delivered. The item''s cohort (e.g. complaints received in the year) is its denominator.';
COMMENT ON COLUMN region_extract_rows.rows_set_aside IS 'Rows of the extract set aside that name the region or a region under it (assessments: the region itself): invalid rows and rows of keys with conflicting versions, listed in quarantined_row under the region_code each names. As a full read of the same files counts them, also on a nightly run that merged: the rows the row rules rejected in every file (for the files staged by earlier runs, as those runs counted them, kept in the staging manifest), and the rows of keys whose versions conflict in the merged state (a conflict a later version settled no longer counts). Rows naming a region that is not in regions.csv (or whose row there was set aside) count for no region. Null when unknown: a file staged by an older job version.';

CREATE OR REPLACE VIEW item_lineage_history AS
SELECT s.region_code,
       s.eval_year,
       s.indicator_code,
       s.points,
       s.max_points,
       s.status,
       s.reason,
       s.value,
       s.numerator,
       s.denominator,
       s.comparison_value,
       s.edition,
       s.run_id,
       e.extract,
       x.delivered,
       x.rows_read,
       x.rows_quarantined,
       x.rows_used,
       x.conflicting_keys,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('path', f.path, 'sha256', f.sha256, 'rows_read', f.rows_read,
                                                     'rows_quarantined', f.rows_quarantined, 'encoding', f.encoding,
                                                     'read_by_run', f.read_by_run)
                                  ORDER BY f.path), '[]'::jsonb)
        FROM run_input_file f
        WHERE f.run_id = s.run_id AND f.extract = e.extract) AS files,
       s.detail,
       coalesce(s.reason_zh, s.reason) AS reason_zh,
       x.title_zh AS extract_name_zh,
       (SELECT coalesce(r.as_of, make_date(s.eval_year, 12, 31)) FROM pipeline_run r WHERE r.run_id = s.run_id) AS as_of,
       g.rows_in_region AS region_rows,
       g.rows_set_aside AS region_rows_set_aside
FROM indicator_score_history s
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.detail -> 'extracts', '[]'::jsonb)) AS e(extract)
LEFT JOIN run_extract x ON x.run_id = s.run_id AND x.extract = e.extract
LEFT JOIN region_extract_rows g ON g.run_id = s.run_id AND g.region_code = s.region_code AND g.eval_year = s.eval_year
                               AND g.extract = e.extract;

-- l.* was expanded when item_lineage was made: restated to take the new columns.
CREATE OR REPLACE VIEW item_lineage AS
SELECT l.*
FROM item_lineage_history l
WHERE EXISTS (SELECT 1 FROM indicator_score s
              WHERE s.region_code = l.region_code AND s.eval_year = l.eval_year
                AND s.indicator_code = l.indicator_code AND s.run_id = l.run_id);

COMMENT ON VIEW item_lineage IS 'For every published item and each extract it needs (assessed items: the assessments extract): value, numerator, denominator, comparison, status and reason, the extract''s rows read/quarantined/used in that run, the region''s own rows of it (region_rows, region_rows_set_aside), and every file it was computed from, with checksums (for a nightly run, the staged files of earlier nights too). One row per extract: an item computed from two extracts has two rows, so do not sum points over this view (bi_scorecard has one row per item).';
COMMENT ON COLUMN item_lineage.region_rows IS 'Rows of the extract about the item''s region or a region under it (assessments: the region itself), every year, after validation and deduplication (region_extract_rows.rows_in_region); null for national figures and operator-sales (their rows name no region of their own), for an extract not delivered, and for versions published before warehouse version 27.';
COMMENT ON COLUMN item_lineage_history.region_rows IS 'Rows of the extract about the item''s region or a region under it (assessments: the region itself), every year, after validation and deduplication (region_extract_rows.rows_in_region); null for national figures and operator-sales (their rows name no region of their own), for an extract not delivered, and for versions published before warehouse version 27.';
COMMENT ON COLUMN item_lineage.region_rows_set_aside IS 'Rows of the extract set aside that name the item''s region or a region under it, as a full read of the same files counts them (region_extract_rows.rows_set_aside; the rows themselves: quarantined_row by the region_code of each); 0 for an extract not delivered; null for national figures and operator-sales, for versions published before warehouse version 27, and when unknown (a file of a nightly run staged by an older job version).';
COMMENT ON COLUMN item_lineage_history.region_rows_set_aside IS 'Rows of the extract set aside that name the item''s region or a region under it, as a full read of the same files counts them (region_extract_rows.rows_set_aside; the rows themselves: quarantined_row by the region_code of each); 0 for an extract not delivered; null for national figures and operator-sales, for versions published before warehouse version 27, and when unknown (a file of a nightly run staged by an older job version).';
COMMENT ON COLUMN item_lineage.rows_read IS 'Rows of the whole extract read by that run, every region and year of it (a nightly run that merged: the rows of the files it read, not of the files staged earlier); the region''s own are region_rows and region_rows_set_aside.';
COMMENT ON COLUMN item_lineage_history.rows_read IS 'Rows of the whole extract read by that run, every region and year of it (a nightly run that merged: the rows of the files it read, not of the files staged earlier); the region''s own are region_rows and region_rows_set_aside.';
COMMENT ON COLUMN item_lineage.rows_quarantined IS 'Rows of the whole extract set aside by that run (every region and year; the region''s own: region_rows_set_aside).';
COMMENT ON COLUMN item_lineage_history.rows_quarantined IS 'Rows of the whole extract set aside by that run (every region and year; the region''s own: region_rows_set_aside).';
COMMENT ON COLUMN item_lineage.rows_used IS 'Rows of the whole extract used after validation and deduplication (every region and year; the region''s own: region_rows).';
COMMENT ON COLUMN item_lineage_history.rows_used IS 'Rows of the whole extract used after validation and deduplication (every region and year; the region''s own: region_rows).';
