-- Dashboards at national scale (found by a measurement: 370 thousand scores a run, half a
-- million rows set aside over a few nights).
--
-- 1. bi_set_aside_rows is read filtered on is_latest_run ("last night's problems"). Worked out
--    per group by a subquery, that filter could not reach quarantined_row: every run's rows were
--    joined, sorted and grouped, then thrown away (2-3 s). The latest run of each data directory
--    is now joined in before grouping, so that the filter becomes a condition on run_id and reads
--    that run's rows by the (run_id, extract) index. Same columns, same rows.
CREATE OR REPLACE VIEW bi_set_aside_rows AS
SELECT q.run_id,
       r.mode AS run_mode,
       r.status AS run_status,
       r.started_at,
       r.finished_at,
       r.data_dir,
       q.run_id = l.run_id AS is_latest_run,
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
LEFT JOIN (
    -- The latest finished run of each data directory, as bi_run_status.latest_run_id.
    SELECT DISTINCT ON (p.data_dir) p.data_dir, p.run_id
    FROM pipeline_run p
    WHERE p.status <> 'running' AND p.failure_kind IS DISTINCT FROM 'options'
    ORDER BY p.data_dir, p.finished_at DESC NULLS LAST, p.run_id DESC
) l ON l.data_dir IS NOT DISTINCT FROM r.data_dir
LEFT JOIN region g ON g.region_code = q.region_code
LEFT JOIN run_extract x ON x.run_id = q.run_id AND x.extract = q.extract
GROUP BY q.run_id, l.run_id, r.mode, r.status, r.started_at, r.finished_at, r.data_dir, q.extract, q.region_code,
         g.region_name, g.parent_code, q.column_name, x.title_zh;

-- 2. The history of a region's year: category and evaluation rows were found by a scan of
--    every run's rows (their keys start with run_id), a year of nightly runs being tens of
--    millions of rows; indicator_score_history has had such an index since V6.
CREATE INDEX category_score_history_version ON category_score_history (region_code, eval_year, category_code, run_id);
CREATE INDEX evaluation_result_history_version ON evaluation_result_history (region_code, eval_year, run_id);

-- 3. The BI role's queries are short reads; PostgreSQL's JIT compilation cost them half a second
--    each (the views' plans pass its cost threshold at national scale) and saved nothing. Where
--    the migrating user may not alter the role (no CREATEROLE), it is said and left as it is.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'netmarket_bi') THEN
        BEGIN
            ALTER ROLE netmarket_bi SET jit = off;
        EXCEPTION
            WHEN insufficient_privilege THEN
                RAISE NOTICE 'jit was not switched off for role netmarket_bi (%: %); a database administrator may run: ALTER ROLE netmarket_bi SET jit = off',
                    current_user, SQLERRM;
        END;
    END IF;
END
$$;

-- 4. Runs record the SHA-256 of their edition file beside the edition they were given: an edition
--    given as a file is recorded by its path, which says nothing of the text it held that night.
COMMENT ON COLUMN pipeline_run.parameters IS 'The run''s parameters, keyed by the command-line options'' names (data directory, years, as-of date, regions, items, edition, flags) and edition_sha256, the SHA-256 of the edition file scored with (a bundled edition''s too; absent before warehouse version 30); never credentials.';
