-- A county's data clerk fixes the extract from the reason a row was set aside; the clerks read
-- Chinese. Each reason is now written in both languages where the row is judged (as the
-- scoring reasons are since version 17): reason stays the English one that analysts' SQL and
-- the run log use, reason_zh is the same facts in Chinese.
ALTER TABLE quarantined_row ADD COLUMN reason_zh text;
COMMENT ON COLUMN quarantined_row.reason_zh IS 'Why the row was set aside, in Chinese: the same facts as reason (values as written, columns, lines, codes), e.g. “96.2%”不是数字（比率写成小数：0.962，而不是 96.2%）. Null in runs before warehouse version 19.';

-- A view may gain columns at its end only: the Chinese example follows the columns of version 18.
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
       x.title_zh AS extract_name_zh,
       (array_agg(coalesce(q.reason_zh, q.reason) ORDER BY q.file, q.line))[1] AS example_reason_zh
FROM quarantined_row q
JOIN pipeline_run r ON r.run_id = q.run_id
LEFT JOIN region g ON g.region_code = q.region_code
LEFT JOIN run_extract x ON x.run_id = q.run_id AND x.extract = q.extract
GROUP BY q.run_id, r.mode, r.status, r.started_at, r.finished_at, r.data_dir, q.extract, q.region_code,
         g.region_name, g.parent_code, q.column_name, x.title_zh;

COMMENT ON COLUMN bi_set_aside_rows.example_reason_zh IS 'example_reason in Chinese, for the clerk who fixes the extract (the English one for runs before warehouse version 19).';
