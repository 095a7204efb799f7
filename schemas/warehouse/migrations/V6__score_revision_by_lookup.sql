-- score_revision found each version's predecessor with a window over the whole history, so
-- asking for one run's changes (what every run prints at its end) sorted every version ever
-- published: seconds after a few runs, minutes after a year of nightly runs. The predecessor is
-- now looked up per version through an index, so a filter on run_id (or region, year) reaches
-- the history table and only the versions asked for are read. Same columns, same meaning.

CREATE INDEX indicator_score_history_version
    ON indicator_score_history (region_code, eval_year, indicator_code, run_id);

CREATE OR REPLACE VIEW score_revision AS
SELECT h.region_code,
       h.eval_year,
       h.indicator_code,
       h.level,
       h.run_id,
       r.finished_at AS published_at,
       r.mode,
       h.points,
       h.status,
       h.value,
       p.run_id AS previous_run_id,
       p.points AS previous_points,
       p.status AS previous_status,
       p.value AS previous_value,
       h.points - p.points AS points_change
FROM indicator_score_history h
JOIN pipeline_run r ON r.run_id = h.run_id
LEFT JOIN LATERAL (
    SELECT b.run_id, b.points, b.status, b.value
    FROM indicator_score_history b
    WHERE b.region_code = h.region_code
      AND b.eval_year = h.eval_year
      AND b.indicator_code = h.indicator_code
      AND b.run_id < h.run_id
    ORDER BY b.run_id DESC
    LIMIT 1
) p ON true;
