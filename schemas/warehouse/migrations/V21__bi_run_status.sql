-- Before a dashboard's reader trusts its scores, they want to know how fresh they are: when
-- the scores of their delivery were last published, whether the runs since then failed, and
-- why — the banner "scores published 2025-03-04 02:41; the 2 runs since failed: complaints/c.csv
-- lacks the required column close_due". One row per data directory (one per delivering city
-- or province), from pipeline_run and run_input_file.
-- A failure the clerk fixes in the files (a file that cannot be used, too many rows set aside,
-- regions.csv's rows that do not form a tree) is said in Chinese too, as the reasons of
-- set-aside rows are (version 19): pipeline_run.error_zh and run_input_file.problem_zh.
ALTER TABLE pipeline_run ADD COLUMN error_zh text;
COMMENT ON COLUMN pipeline_run.error_zh IS 'error in Chinese, when the run failed on the delivered files (a file that cannot be used, more than the threshold of an extract''s rows set aside, regions.csv''s rows not forming a tree); null for other failures (the database, the data directory itself, the job: see error) and before warehouse version 21.';
ALTER TABLE run_input_file ADD COLUMN problem_zh text;
COMMENT ON COLUMN run_input_file.problem_zh IS 'problem in Chinese (e.g. complaints/c.csv：表头（第 1 行）缺少必需的列 close_due；…); null when the file was usable, and before warehouse version 21.';

CREATE VIEW bi_run_status AS
WITH dirs AS (
    SELECT DISTINCT data_dir FROM pipeline_run
), latest AS (
    SELECT DISTINCT ON (data_dir) * FROM pipeline_run WHERE status <> 'running' ORDER BY data_dir, run_id DESC
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
          AND f.run_id > coalesce(p.run_id, 0)) AS failed_runs_since_published,
       r.since AS running_since
FROM dirs d
LEFT JOIN latest l ON l.data_dir IS NOT DISTINCT FROM d.data_dir
LEFT JOIN published p ON p.data_dir IS NOT DISTINCT FROM d.data_dir
LEFT JOIN running r ON r.data_dir IS NOT DISTINCT FROM d.data_dir;

COMMENT ON VIEW bi_run_status IS 'BI: how fresh the published scores of each data directory are: when they were last published, the latest finished run (status, error, files refused) and how many runs failed since the last publication, and whether a run is under way. One row per data directory (one per delivering city or province).';
COMMENT ON COLUMN bi_run_status.data_dir IS 'The data directory the runs read (pipeline_run.data_dir).';
COMMENT ON COLUMN bi_run_status.last_published_run_id IS 'The latest run that published scores for the data directory (succeeded, without a note); null when none has.';
COMMENT ON COLUMN bi_run_status.last_published_at IS 'When that run published (its finished_at).';
COMMENT ON COLUMN bi_run_status.latest_run_id IS 'The latest finished run of the data directory, whatever its outcome; null while the only run is under way.';
COMMENT ON COLUMN bi_run_status.latest_run_mode IS 'Mode of that run: nightly, adhoc or backfill.';
COMMENT ON COLUMN bi_run_status.latest_run_status IS 'Status of that run: succeeded or failed.';
COMMENT ON COLUMN bi_run_status.latest_run_status_zh IS 'latest_run_status in Chinese: 成功 or 失败.';
COMMENT ON COLUMN bi_run_status.latest_run_started_at IS 'When that run started.';
COMMENT ON COLUMN bi_run_status.latest_run_finished_at IS 'When that run finished.';
COMMENT ON COLUMN bi_run_status.latest_run_error IS 'Why that run failed (bad input names the file, line or column); null when it succeeded.';
COMMENT ON COLUMN bi_run_status.latest_run_error_zh IS 'latest_run_error in Chinese when the run failed on the delivered files (the English one otherwise).';
COMMENT ON COLUMN bi_run_status.latest_run_note IS 'What that run did when it succeeded without publishing (a night with nothing new delivered); null otherwise.';
COMMENT ON COLUMN bi_run_status.latest_run_rows_read IS 'Data rows that run read (a nightly run: those delivered since the run before); null when it failed before reading.';
COMMENT ON COLUMN bi_run_status.latest_run_rows_quarantined IS 'Rows that run set aside (see bi_set_aside_rows); null when it failed before reading.';
COMMENT ON COLUMN bi_run_status.latest_run_files_refused IS 'Files that run could not use (a required column missing, broken quoting, unreadable): their problems are in run_input_file.problem.';
COMMENT ON COLUMN bi_run_status.failed_runs_since_published IS 'Runs of the data directory that failed after the last publication (all its failed runs when none published): 0 when the dashboards show the latest delivery.';
COMMENT ON COLUMN bi_run_status.running_since IS 'When the run under way started; null when none is. A run whose process died shows until the next run marks it failed.';
