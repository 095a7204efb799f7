-- item_lineage explains the current version of an item; after a recomputation an analyst also
-- asks why the earlier version had its points. item_lineage_history is the lineage of every
-- published version (indicator_score_history), keyed by run_id as well; item_lineage becomes its
-- current versions (a current row is a copy of its run's history row), so the lineage is written
-- once and the two views can never explain a version differently.
CREATE VIEW item_lineage_history AS
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
FROM indicator_score_history s
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.detail -> 'extracts', '[]'::jsonb)) AS e(extract)
LEFT JOIN run_extract x ON x.run_id = s.run_id AND x.extract = e.extract;

COMMENT ON VIEW item_lineage_history IS 'item_lineage for every published version of every item, not only the current one: why a version a recomputation replaced had its points (filter by run_id, or compare runs with score_change).';

-- The columns mean what they mean in item_lineage: copy its comments, so the two are never described differently.
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT a.attname, col_description(a.attrelid, a.attnum) AS comment
        FROM pg_attribute a
        WHERE a.attrelid = to_regclass('item_lineage') AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        EXECUTE format('COMMENT ON COLUMN item_lineage_history.%I IS %L', col.attname, col.comment);
    END LOOP;
END
$$;
COMMENT ON COLUMN item_lineage_history.run_id IS 'The run that published this version (pipeline_run.run_id); with the region, year, code and extract, the key of a row.';

CREATE OR REPLACE VIEW item_lineage AS
SELECT l.*
FROM item_lineage_history l
WHERE EXISTS (SELECT 1 FROM indicator_score s
              WHERE s.region_code = l.region_code AND s.eval_year = l.eval_year
                AND s.indicator_code = l.indicator_code AND s.run_id = l.run_id);
