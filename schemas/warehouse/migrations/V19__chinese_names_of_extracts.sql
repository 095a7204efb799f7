-- The Chinese name of each extract a run read (the title_zh of its schema file, e.g. 12315网络消费投诉
-- for complaints), so that a dashboard's data-quality page says which delivery lost rows in the
-- words of the officials who read it, not by folder name alone. Kept per run in run_extract, as
-- the run named it; runs before this version have none.
ALTER TABLE run_extract ADD COLUMN title_zh text;
COMMENT ON COLUMN run_extract.title_zh IS 'Chinese name of the extract (title_zh of its schema file, e.g. 零售额数据 for retail); null in runs before warehouse version 19.';

CREATE OR REPLACE VIEW bi_set_aside_rows AS
SELECT q.run_id,
       r.mode AS run_mode,
       r.status AS run_status,
       r.started_at,
       r.finished_at,
       r.data_dir,
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
COMMENT ON COLUMN bi_set_aside_rows.extract_name_zh IS 'Chinese name of the extract (e.g. 12315网络消费投诉 for complaints); null for runs before warehouse version 19.';
