-- Three defects of the BI views found by a review.
--
-- bi_run_status and bi_set_aside_rows took the latest run for the one with the greatest run_id.
-- A run refused because another held the warehouse lock registers after the run holding it, and
-- finishes first: a nightly refused during an analyst's run showed as the latest run, 失败, above
-- the scores that run published a moment later, with a failure "since" that publication, and
-- "last night's problems" (is_latest_run) emptied. The latest run is now the one that finished
-- last, and runs failed or refused since the last publication are those that finished after it.
--
-- bi_county_comparison listed every county the region table had ever held under a city: a county
-- that regions.csv no longer lists (merged away; the publisher takes it out of the current
-- scores) stayed with no points, ranked lowest on every item. It now lists the counties delivered
-- with the city's latest regions.csv. It also gains county_as_of: a county recomputed as of
-- another date than the city (a half year) was ranked beside full years without a word.

CREATE OR REPLACE VIEW bi_run_status AS
WITH dirs AS (
    -- A folder only ever named by refused options (a mistyped --data) is no delivery.
    SELECT DISTINCT data_dir FROM pipeline_run WHERE failure_kind IS DISTINCT FROM 'options'
), latest AS (
    SELECT DISTINCT ON (data_dir) * FROM pipeline_run
    WHERE status <> 'running' AND failure_kind IS DISTINCT FROM 'options'
    ORDER BY data_dir, finished_at DESC NULLS LAST, run_id DESC
), published AS (
    -- A run that succeeded with a note published nothing (a night with nothing new delivered).
    SELECT DISTINCT ON (data_dir) data_dir, run_id, finished_at
    FROM pipeline_run WHERE status = 'succeeded' AND note IS NULL ORDER BY data_dir, finished_at DESC NULLS LAST, run_id DESC
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
          AND (p.run_id IS NULL OR f.finished_at > p.finished_at)) AS failed_runs_since_published,
       r.since AS running_since,
       l.failure_kind AS latest_run_failure_kind,
       (SELECT count(*) FROM pipeline_run f
        WHERE f.data_dir IS NOT DISTINCT FROM d.data_dir AND f.failure_kind = 'options'
          AND (p.run_id IS NULL OR f.finished_at > p.finished_at)) AS refused_runs_since_published
FROM dirs d
LEFT JOIN latest l ON l.data_dir IS NOT DISTINCT FROM d.data_dir
LEFT JOIN published p ON p.data_dir IS NOT DISTINCT FROM d.data_dir
LEFT JOIN running r ON r.data_dir IS NOT DISTINCT FROM d.data_dir;

CREATE OR REPLACE VIEW bi_set_aside_rows AS
SELECT q.run_id,
       r.mode AS run_mode,
       r.status AS run_status,
       r.started_at,
       r.finished_at,
       r.data_dir,
       q.run_id = (SELECT p.run_id
                   FROM pipeline_run p
                   WHERE p.data_dir IS NOT DISTINCT FROM r.data_dir AND p.status <> 'running'
                     AND p.failure_kind IS DISTINCT FROM 'options'
                   ORDER BY p.finished_at DESC NULLS LAST, p.run_id DESC LIMIT 1) AS is_latest_run,
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

CREATE OR REPLACE VIEW bi_county_comparison AS
SELECT city.region_code AS city_code,
       city.region_name AS city_name,
       cs.eval_year,
       county.region_code AS county_code,
       county.region_name AS county_name,
       cs.indicator_code,
       cs.level,
       cs.is_item,
       cs.indicator_group_code,
       cs.name_zh,
       cs.name_en,
       cs.first_level_code,
       cs.category_path,
       ks.points AS county_points,
       ks.status AS county_status,
       ks.reason AS county_reason,
       cs.points AS city_points,
       cs.status AS city_status,
       cs.max_points,
       cs.max_points - ks.points AS county_points_lost,
       rank() OVER (PARTITION BY city.region_code, cs.eval_year, cs.indicator_code
                    ORDER BY ks.points ASC NULLS FIRST) AS county_rank_from_lowest,
       cs.edition,
       cs.sort_order,
       cs.as_of,
       ks.value AS county_value,
       cs.value AS city_value,
       cs.value_label,
       status_zh(ks.status) AS county_status_zh,
       coalesce(ks.reason_zh, ks.reason) AS county_reason_zh,
       ke.as_of AS county_as_of
FROM region city
JOIN bi_scorecard cs ON cs.region_code = city.region_code
-- Counties of the city as its latest regions.csv lists them: a county that file no longer lists
-- (merged away) keeps its row in region for its history, but not its place beside the city.
JOIN region county ON county.parent_code = city.region_code AND county.run_id = city.run_id
-- LEFT: a county of the region tree without a published score for that year still shows
-- (with null points) instead of silently dropping out of the comparison.
LEFT JOIN indicator_score ks ON ks.region_code = county.region_code
                            AND ks.eval_year = cs.eval_year
                            AND ks.indicator_code = cs.indicator_code
LEFT JOIN evaluation_result ke ON ke.region_code = county.region_code AND ke.eval_year = cs.eval_year
WHERE city.level = 'city';

COMMENT ON COLUMN bi_county_comparison.county_as_of IS 'Date the county''s figures were counted to (its evaluation_result.as_of): a county recomputed as of another date than the city (as_of) is ranked on that date''s figures. Null when the county has no published result for the year.';
COMMENT ON VIEW bi_county_comparison IS 'BI: for each city, year and indicator or sub-item, the city''s points next to each of its counties'' points (one row per county, the counties its latest regions.csv lists), to see which county pulls an indicator down.';
