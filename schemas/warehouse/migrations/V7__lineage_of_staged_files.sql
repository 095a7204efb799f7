-- A nightly run that merges into its staging area reads only regions.csv and the files delivered
-- since the night before, yet its scores are computed from every staged file. Its lineage
-- listed only what it read, so item_lineage of a nightly-published item showed no file (or only
-- the night's delivery) for the extracts it was computed from. Such a run now records every file
-- of the staged state it scored from; read_by_run tells the files it read from those staged by
-- earlier runs, whose counts are the ones found when they were read (null when the staging
-- manifest of an older job version did not keep them). Earlier rows were all read by their run.

ALTER TABLE run_input_file ADD COLUMN read_by_run boolean NOT NULL DEFAULT true;
ALTER TABLE run_input_file ALTER COLUMN rows_read DROP NOT NULL;
ALTER TABLE run_input_file ALTER COLUMN rows_quarantined DROP NOT NULL;

COMMENT ON TABLE run_input_file IS 'Lineage: every file a run read, with checksum, rows read and quarantined, encoding and columns the contract does not know; for a nightly run that merged into its staging area, also every other file of the staged state it scored from (read_by_run false).';
COMMENT ON COLUMN run_input_file.run_id IS 'The run whose lineage the file is (pipeline_run.run_id): it read the file, or (read_by_run false) scored from the file''s staged rows.';
COMMENT ON COLUMN run_input_file.read_by_run IS 'True when the run read the file; false for a file of the staging area a nightly run scored from without reading it again, staged by an earlier run (the last earlier run with read_by_run true for the same path and sha256 read it, and its quarantined_row lists the file''s set-aside rows).';
COMMENT ON COLUMN run_input_file.rows_read IS 'Data rows read from the file (header excluded); for a file staged by an earlier run, as that run read them (null when unknown: staged by an older job version).';
COMMENT ON COLUMN run_input_file.rows_quarantined IS 'Rows of the file set aside by validation; for a file staged by an earlier run, by that run (null when unknown: staged by an older job version). Rows of such a file set aside later as conflicting versions are in the run''s quarantined_row only.';
COMMENT ON COLUMN run_input_file.encoding IS 'Character encoding the file was read with: UTF-8, UTF-8 (BOM) or GB18030 (files that are not valid UTF-8); null when unknown (a file staged by an older job version).';
COMMENT ON COLUMN pipeline_run.input_files IS 'The run''s lineage files as in run_input_file: extract, path, sha256, bytes, rows read and quarantined, encoding, readByRun (false for a file of the staging area a nightly run scored from without reading it).';

-- Same columns; each file of the extract now says whether the run read it.
CREATE OR REPLACE VIEW item_lineage AS
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
       s.detail
FROM indicator_score s
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.detail -> 'extracts', '[]'::jsonb)) AS e(extract)
LEFT JOIN run_extract x ON x.run_id = s.run_id AND x.extract = e.extract;
COMMENT ON VIEW item_lineage IS 'For every published computed item and each extract it needs: value, numerator, denominator, comparison, status and reason, the extract''s rows read/quarantined/used in that run and every file it was computed from, with checksums (for a nightly run, the staged files of earlier nights too).';
COMMENT ON COLUMN item_lineage.rows_read IS 'Rows of the extract read by that run (a nightly run that merged: the rows of the files it read, not of the files staged earlier).';
COMMENT ON COLUMN item_lineage.files IS 'Every file of the extract the item was computed from: [{path, sha256, rows_read, rows_quarantined, encoding, read_by_run}]; read_by_run is false for a file a nightly run scored from its staging area without reading it (counts as found by the run that read it).';
