-- What a county's data clerk asks the morning after a delivery: which of our rows did last
-- night's run set aside, in which extract and column, and why. quarantined_row answers row by
-- row, raw lines included; this view counts them per run, extract, region and column, with the
-- first of them as an example, for a dashboard page per county. A nightly run reads only the
-- files delivered since the one before, so its rows are the problems of that delivery; a run
-- that failed because too many rows were set aside (the 5% threshold) is listed too, since
-- that is when the page is needed most.
-- The view names each extract in Chinese too (the title_zh of its schema file, e.g.
-- 12315网络消费投诉 for complaints), kept per run in run_extract as the run named it.
ALTER TABLE run_extract ADD COLUMN title_zh text;
COMMENT ON COLUMN run_extract.title_zh IS 'Chinese name of the extract (title_zh of its schema file, e.g. 零售额数据 for retail); null in runs before warehouse version 18.';

CREATE VIEW bi_set_aside_rows AS
SELECT q.run_id,
       r.mode AS run_mode,
       r.status AS run_status,
       r.started_at,
       r.finished_at,
       r.data_dir,
       -- The latest finished run of the same data directory: another city's delivery to the same
       -- warehouse has latest runs of its own.
       q.run_id = (SELECT max(p.run_id)
                   FROM pipeline_run p
                   WHERE p.data_dir IS NOT DISTINCT FROM r.data_dir AND p.status <> 'running') AS is_latest_run,
       q.extract,
       q.region_code,
       g.region_name,
       g.parent_code AS parent_region_code,
       q.column_name,
       count(*)::bigint AS rows_set_aside,
       (array_agg(q.file ORDER BY q.file, q.line))[1] AS example_file,
       (array_agg(q.line ORDER BY q.file, q.line))[1] AS example_line,
       (array_agg(q.reason ORDER BY q.file, q.line))[1] AS example_reason,
       x.title_zh AS extract_name_zh
FROM quarantined_row q
JOIN pipeline_run r ON r.run_id = q.run_id
LEFT JOIN region g ON g.region_code = q.region_code
-- LEFT: a run that failed before recording its extracts' counts still shows its rows.
LEFT JOIN run_extract x ON x.run_id = q.run_id AND x.extract = q.extract
GROUP BY q.run_id, r.mode, r.status, r.started_at, r.finished_at, r.data_dir, q.extract, q.region_code,
         g.region_name, g.parent_code, q.column_name, x.title_zh;

COMMENT ON VIEW bi_set_aside_rows IS 'BI: rows a run set aside (quarantined), counted per run, extract, region and column, with the first of them as an example: which of a county''s rows last night''s delivery lost, and why. Rows whose region is unknown (sales, whose region is their operator''s; regions.csv''s own rows; a region code not in regions.csv) have a null region_code. The rows themselves, raw lines included, are in quarantined_row.';
COMMENT ON COLUMN bi_set_aside_rows.run_id IS 'The run that set the rows aside (pipeline_run.run_id).';
COMMENT ON COLUMN bi_set_aside_rows.run_mode IS 'Mode of that run: nightly, adhoc or backfill.';
COMMENT ON COLUMN bi_set_aside_rows.run_status IS 'Status of that run: succeeded, or failed (for instance because more than the threshold of an extract''s rows were set aside: nothing was published).';
COMMENT ON COLUMN bi_set_aside_rows.started_at IS 'When that run started.';
COMMENT ON COLUMN bi_set_aside_rows.finished_at IS 'When that run finished.';
COMMENT ON COLUMN bi_set_aside_rows.data_dir IS 'The data directory that run read (one per delivering city or province).';
COMMENT ON COLUMN bi_set_aside_rows.is_latest_run IS 'Whether the run is the latest finished run of its data directory: filter on it for a page of last night''s problems. A nightly run reads only the files delivered since the run before it.';
COMMENT ON COLUMN bi_set_aside_rows.extract IS 'Extract kind (folder name, e.g. complaints).';
COMMENT ON COLUMN bi_set_aside_rows.region_code IS 'The region the rows are about, when they name one the run knows (see quarantined_row.region_code); null otherwise.';
COMMENT ON COLUMN bi_set_aside_rows.region_name IS 'Chinese name of the region; null when the region is unknown.';
COMMENT ON COLUMN bi_set_aside_rows.parent_region_code IS 'Code of the region''s parent (a county''s city), to show a city''s counties together.';
COMMENT ON COLUMN bi_set_aside_rows.column_name IS 'Column at fault; null for a row that is bad as a whole (more or fewer fields than the header).';
COMMENT ON COLUMN bi_set_aside_rows.rows_set_aside IS 'Number of rows set aside for the run, extract, region and column.';
COMMENT ON COLUMN bi_set_aside_rows.example_file IS 'File of the first of those rows (by file and line), relative to the data directory.';
COMMENT ON COLUMN bi_set_aside_rows.example_line IS 'Line of the first of those rows in its file (the physical line, counting quoted line breaks).';
COMMENT ON COLUMN bi_set_aside_rows.example_reason IS 'Why the first of those rows was set aside, in words a data clerk can act on (the other rows'' reasons are in quarantined_row).';
COMMENT ON COLUMN bi_set_aside_rows.extract_name_zh IS 'Chinese name of the extract (e.g. 12315网络消费投诉 for complaints); null for runs before warehouse version 18.';
