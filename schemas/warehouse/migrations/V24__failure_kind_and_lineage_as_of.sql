-- A dashboard's freshness banner (bi_run_status) counted an analyst's refused option (a region
-- code mistyped, a year the data has no figures for, a --data folder that is not there) as a
-- failed run since the last publication and showed it as the latest run: 失败 above scores that
-- are the latest delivery's, and a row of its own for a mistyped folder. Since this version a
-- failed run records the kind of its failure, and the banner leaves the refused options out of
-- the latest run and the failures, counting them in a column of their own. score_change's
-- comments no longer describe first publications, which it never lists; the lineage views
-- name the as-of date of each version.
ALTER TABLE pipeline_run ADD COLUMN failure_kind text
    CHECK (failure_kind IN ('input', 'options', 'environment', 'lock', 'job', 'interrupted'));
COMMENT ON COLUMN pipeline_run.failure_kind IS 'What a failed run failed on: input (the delivered files: a file that cannot be used, too many rows set aside, regions.csv), options (the run''s options the data cannot answer: a year outside the data, an unknown region, an as-of date before the year, --items of a year not published on the same basis, a --data folder that is missing or empty: exit 2), environment (the warehouse, storage, the data directory of a scheduled run; a retry may pass), lock (another run held the warehouse lock), job (a defect of the job), interrupted (the job was stopped: SIGTERM, Ctrl-C; or its process died, and the next run marked it). Null for runs that did not fail, and for failed runs before warehouse version 24.';

CREATE OR REPLACE VIEW bi_run_status AS
WITH dirs AS (
    -- A folder only ever named by refused options (a mistyped --data) is no delivery.
    SELECT DISTINCT data_dir FROM pipeline_run WHERE failure_kind IS DISTINCT FROM 'options'
), latest AS (
    SELECT DISTINCT ON (data_dir) * FROM pipeline_run
    WHERE status <> 'running' AND failure_kind IS DISTINCT FROM 'options' ORDER BY data_dir, run_id DESC
), published AS (
    -- A run that succeeded with a note published nothing (a night with nothing new delivered).
    SELECT DISTINCT ON (data_dir) data_dir, run_id, finished_at
    FROM pipeline_run WHERE status = 'succeeded' AND note IS NULL ORDER BY data_dir, run_id DESC
), running AS (
    SELECT data_dir, min(started_at) AS since FROM pipeline_run WHERE status = 'running' GROUP BY data_dir
)
SELECT d.data_dir,
       p.run_id AS last_published_run_id,
       p.finished_at AS last_published_at,
       l.run_id AS latest_run_id,
       l.mode AS latest_run_mode,
       l.status AS latest_run_status,
       CASE l.status WHEN 'succeeded' THEN '成功' WHEN 'failed' THEN '失败' END AS latest_run_status_zh,
       l.started_at AS latest_run_started_at,
       l.finished_at AS latest_run_finished_at,
       l.error AS latest_run_error,
       coalesce(l.error_zh, l.error) AS latest_run_error_zh,
       l.note AS latest_run_note,
       l.rows_read AS latest_run_rows_read,
       l.rows_quarantined AS latest_run_rows_quarantined,
       (SELECT count(*) FROM run_input_file f WHERE f.run_id = l.run_id AND f.problem IS NOT NULL) AS latest_run_files_refused,
       (SELECT count(*) FROM pipeline_run f
        WHERE f.data_dir IS NOT DISTINCT FROM d.data_dir AND f.status = 'failed'
          AND f.failure_kind IS DISTINCT FROM 'options'
          AND f.run_id > coalesce(p.run_id, 0)) AS failed_runs_since_published,
       r.since AS running_since,
       l.failure_kind AS latest_run_failure_kind,
       (SELECT count(*) FROM pipeline_run f
        WHERE f.data_dir IS NOT DISTINCT FROM d.data_dir AND f.failure_kind = 'options'
          AND f.run_id > coalesce(p.run_id, 0)) AS refused_runs_since_published
FROM dirs d
LEFT JOIN latest l ON l.data_dir IS NOT DISTINCT FROM d.data_dir
LEFT JOIN published p ON p.data_dir IS NOT DISTINCT FROM d.data_dir
LEFT JOIN running r ON r.data_dir IS NOT DISTINCT FROM d.data_dir;

COMMENT ON VIEW bi_run_status IS 'BI: how fresh the published scores of each data directory are: when they were last published, the latest finished run (status, error, files refused) and how many runs failed since the last publication, and whether a run is under way. One row per data directory (one per delivering city or province); runs refused for their options (failure_kind options: an analyst''s mistyped region, year or --data) are counted apart and are never the latest run, and a folder only they named has no row.';
COMMENT ON COLUMN bi_run_status.latest_run_id IS 'The latest finished run of the data directory, whatever its outcome, but for runs refused for their options; null while the only run is under way.';
COMMENT ON COLUMN bi_run_status.failed_runs_since_published IS 'Runs of the data directory that failed after the last publication (all its failed runs when none published), on the delivered files, the environment, the lock or the job, or stopped before it finished: 0 when no run since the last publication failed on anything but its options (refused_runs_since_published counts those).';
COMMENT ON COLUMN bi_run_status.latest_run_failure_kind IS 'What the latest run failed on (pipeline_run.failure_kind: input, environment, lock, job, interrupted); null when it succeeded, and for a run that failed before warehouse version 24.';
COMMENT ON COLUMN bi_run_status.refused_runs_since_published IS 'Runs refused for their options (failure_kind options, since warehouse version 24) after the last publication: an analyst''s command to correct, which leaves the published scores as fresh as they were.';

COMMENT ON COLUMN score_change.previous_run_id IS 'The run that published the version before this one (never null here: a first publication changes nothing that was published, and score_revision lists it).';
COMMENT ON COLUMN score_change.points_change IS 'points - previous_points.';

-- Why a region got its points depends on the date its figures were counted to (a June 30
-- recomputation counts half a year's dispatches): the lineage views say it, as the scorecard does.
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
       (SELECT coalesce(r.as_of, make_date(s.eval_year, 12, 31)) FROM pipeline_run r WHERE r.run_id = s.run_id) AS as_of
FROM indicator_score_history s
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.detail -> 'extracts', '[]'::jsonb)) AS e(extract)
LEFT JOIN run_extract x ON x.run_id = s.run_id AND x.extract = e.extract;
COMMENT ON COLUMN item_lineage_history.as_of IS 'Date the run that published this version counted its stock figures and completion cut-off to (its --as-of, else 31 December of the evaluation year).';

CREATE OR REPLACE VIEW item_lineage AS
SELECT l.*
FROM item_lineage_history l
WHERE EXISTS (SELECT 1 FROM indicator_score s
              WHERE s.region_code = l.region_code AND s.eval_year = l.eval_year
                AND s.indicator_code = l.indicator_code AND s.run_id = l.run_id);
COMMENT ON COLUMN item_lineage.as_of IS 'Date the run that published this row counted its stock figures and completion cut-off to (its --as-of, else 31 December of the evaluation year).';

-- "Last night's problems" (bi_set_aside_rows WHERE is_latest_run) emptied when an analyst's
-- command was refused for its options after the night: the latest run is the banner's, which
-- leaves such refusals out.
CREATE OR REPLACE VIEW bi_set_aside_rows AS
SELECT q.run_id,
       r.mode AS run_mode,
       r.status AS run_status,
       r.started_at,
       r.finished_at,
       r.data_dir,
       q.run_id = (SELECT max(p.run_id)
                   FROM pipeline_run p
                   WHERE p.data_dir IS NOT DISTINCT FROM r.data_dir AND p.status <> 'running'
                     AND p.failure_kind IS DISTINCT FROM 'options') AS is_latest_run,
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
COMMENT ON COLUMN bi_set_aside_rows.is_latest_run IS 'Whether the run is the latest finished run of its data directory, as bi_run_status.latest_run_id (runs refused for their options left out): filter on it for a page of last night''s problems. A nightly run reads only the files delivered since the run before it.';
