-- An analyst answering "why did 盐湖区 get 0 on item 19.2?" reads item_lineage extract by
-- extract; the extracts are named by their delivery folders (complaints, case-clues), which a
-- Chinese reader has to look up. The lineage now names each extract in Chinese too, as the run
-- named it (run_extract.title_zh, kept since version 18). A view may gain columns at its end
-- only; item_lineage selects the history's columns, so it is restated to take the new one.
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
       x.title_zh AS extract_name_zh
FROM indicator_score_history s
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.detail -> 'extracts', '[]'::jsonb)) AS e(extract)
LEFT JOIN run_extract x ON x.run_id = s.run_id AND x.extract = e.extract;
COMMENT ON COLUMN item_lineage_history.extract_name_zh IS 'Chinese name of the extract (title_zh of its schema file, e.g. 12315网络消费投诉 for complaints); null for runs before warehouse version 18.';

CREATE OR REPLACE VIEW item_lineage AS
SELECT l.*
FROM item_lineage_history l
WHERE EXISTS (SELECT 1 FROM indicator_score s
              WHERE s.region_code = l.region_code AND s.eval_year = l.eval_year
                AND s.indicator_code = l.indicator_code AND s.run_id = l.run_id);
COMMENT ON COLUMN item_lineage.extract_name_zh IS 'Chinese name of the extract (title_zh of its schema file, e.g. 12315网络消费投诉 for complaints); null for runs before warehouse version 18.';
