-- What every run read per extract, the history of published versions side by side, and the
-- lineage of every published item.

ALTER TABLE pipeline_run ADD COLUMN note text;
COMMENT ON COLUMN pipeline_run.note IS 'What a run that succeeded without publishing did (validate, dry run, nightly run with nothing new).';

CREATE TABLE run_extract (
    run_id            bigint NOT NULL REFERENCES pipeline_run (run_id) ON DELETE CASCADE,
    extract           text NOT NULL,
    delivered         boolean NOT NULL,
    files             integer NOT NULL,
    rows_read         bigint NOT NULL,
    rows_quarantined  bigint NOT NULL,
    rows_used         bigint NOT NULL,
    conflicting_keys  integer NOT NULL,
    PRIMARY KEY (run_id, extract)
);
COMMENT ON TABLE run_extract IS 'Per run and extract: delivered or not, files, rows read, quarantined, and used (the latest version of every key after deduplication), keys with conflicting versions.';
COMMENT ON COLUMN run_extract.rows_used IS 'Rows left after validation and later-version-wins deduplication: the rows the facts were computed from.';

-- Every published version of every item and indicator, with the version published before it.
CREATE VIEW score_revision AS
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
       lag(h.run_id) OVER w AS previous_run_id,
       lag(h.points) OVER w AS previous_points,
       lag(h.status) OVER w AS previous_status,
       lag(h.value) OVER w AS previous_value,
       h.points - lag(h.points) OVER w AS points_change
FROM indicator_score_history h
JOIN pipeline_run r ON r.run_id = h.run_id
WINDOW w AS (PARTITION BY h.region_code, h.eval_year, h.indicator_code ORDER BY h.run_id);
COMMENT ON VIEW score_revision IS 'Every published version of indicator_score by run, next to the version published before it (previous_run_id null for the first publication).';

-- Only the versions that changed something: what a recomputation of a past year changed.
CREATE VIEW score_change AS
SELECT *
FROM score_revision
WHERE previous_run_id IS NOT NULL
  AND (points IS DISTINCT FROM previous_points OR status IS DISTINCT FROM previous_status
       OR value IS DISTINCT FROM previous_value);
COMMENT ON VIEW score_change IS 'Published versions that differ from the version before them (item, old and new points, status and value): the differences a recomputation made.';

-- Why an item got its points: value and comparison, and the extracts and files it was computed from.
CREATE VIEW item_lineage AS
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
                                                     'rows_quarantined', f.rows_quarantined, 'encoding', f.encoding)
                                  ORDER BY f.path), '[]'::jsonb)
        FROM run_input_file f
        WHERE f.run_id = s.run_id AND f.extract = e.extract) AS files,
       s.detail
FROM indicator_score s
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.detail -> 'extracts', '[]'::jsonb)) AS e(extract)
LEFT JOIN run_extract x ON x.run_id = s.run_id AND x.extract = e.extract;
COMMENT ON VIEW item_lineage IS 'For every published computed item and each extract it needs: value, numerator, denominator, comparison, status and reason, the extract''s rows read/quarantined/used in that run and its files with checksums.';
