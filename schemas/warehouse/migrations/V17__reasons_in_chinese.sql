-- The reasons of unscored items in Chinese. The officials who read the dashboards read Chinese;
-- the reasons were English only (retail was not delivered), next to Chinese item names and
-- statuses. The job now writes every reason in both languages where it finds the problem, from
-- the same facts (a translation of the English text after the fact would break on every new
-- wording). reason keeps the English for analysts' SQL and the logs; reason_zh is new.
-- Views gain the column at their end, so that dashboards built on them keep working; rows
-- published before this version show their English reason there rather than nothing.
ALTER TABLE indicator_score ADD COLUMN reason_zh text;
ALTER TABLE indicator_score_history ADD COLUMN reason_zh text;
COMMENT ON COLUMN indicator_score.reason_zh IS 'reason in Chinese (e.g. 零售额数据（retail）未报送), for dashboards; null when scored, and in rows published before warehouse version 17.';
COMMENT ON COLUMN indicator_score_history.reason_zh IS 'reason in Chinese (e.g. 零售额数据（retail）未报送), for dashboards; null when scored, and in rows published before warehouse version 17.';
COMMENT ON COLUMN evaluation_result.needs_attention IS 'Items with a status other than scored, in edition order: [{item, name_zh, status, reason, reason_zh}] (one row each in bi_needs_attention; reason_zh since warehouse version 17).';
COMMENT ON COLUMN evaluation_result_history.needs_attention IS 'Items with a status other than scored, in edition order: [{item, name_zh, status, reason, reason_zh}] (one row each in bi_needs_attention; reason_zh since warehouse version 17).';

CREATE OR REPLACE VIEW bi_scorecard AS
SELECT s.region_code,
       r.region_name,
       r.level AS region_level,
       r.parent_code AS parent_region_code,
       pr.region_name AS parent_region_name,
       s.eval_year,
       s.indicator_code,
       s.level,
       i.parent_code AS parent_indicator_code,
       coalesce(i.parent_code, s.indicator_code) AS indicator_group_code,
       -- Points are awarded to sub-items and to indicators without sub-items; an indicator with
       -- sub-items only adds them up. Summing the rows where is_item gives the total.
       NOT EXISTS (SELECT 1
                   FROM edition_indicator sub
                   WHERE sub.edition = s.edition AND sub.parent_code = s.indicator_code) AS is_item,
       i.name_zh,
       i.name_en,
       c1.category_code AS first_level_code,
       c1.name_zh AS first_level_name_zh,
       c2.category_code AS second_level_code,
       c2.name_zh AS second_level_name_zh,
       c1.name_zh || ' > ' || c2.name_zh AS category_path,
       c1.name_en || ' > ' || c2.name_en AS category_path_en,
       i.kind,
       s.points,
       s.max_points,
       round(s.points / nullif(s.max_points, 0), 4) AS score_rate,
       s.status,
       status_zh(s.status) AS status_zh,
       s.value,
       s.comparison_value,
       s.numerator,
       s.denominator,
       s.reason,
       i.criterion_zh,
       s.edition,
       s.run_id,
       i.sort_order,
       er.as_of,
       -- Of a scored item only, as value: an unscored item keeps in its detail what could be
       -- measured (the year before of a growth item), which is not the year's.
       CASE WHEN s.status = 'scored' THEN s.detail -> 'observations' -> 0 ->> 'label' END AS value_label,
       CASE WHEN s.status = 'scored' THEN s.detail -> 'observations' -> 0 ->> 'compare' END AS value_compare,
       CASE WHEN s.status = 'scored' THEN (s.detail -> 'observations' -> 0 ->> 'passed')::boolean END AS value_passed,
       CASE WHEN s.status = 'scored' AND s.detail -> 'observations' @> '[{"passed": false}]'::jsonb
                 OR s.status = 'scored' AND s.detail -> 'observations' @> '[{"passed": true}]'::jsonb
            THEN (SELECT count(*)::integer
                  FROM jsonb_array_elements(s.detail -> 'observations') o
                  WHERE o ->> 'passed' = 'false') END AS conditions_failed,
       s.detail -> 'assessment' ->> 'evidence' AS assessment_evidence,
       s.detail -> 'assessment' ->> 'assessor' AS assessor,
       coalesce(s.reason_zh, s.reason) AS reason_zh
FROM indicator_score s
-- LEFT joins: a score row never disappears from a dashboard because its reference row is
-- missing (the publisher writes both in one transaction, so this is a safeguard only).
LEFT JOIN region r ON r.region_code = s.region_code
LEFT JOIN region pr ON pr.region_code = r.parent_code
LEFT JOIN edition_indicator i ON i.edition = s.edition AND i.indicator_code = s.indicator_code
LEFT JOIN evaluation_result er ON er.region_code = s.region_code AND er.eval_year = s.eval_year
LEFT JOIN edition_category c2 ON c2.edition = s.edition AND c2.category_code = i.category_code
LEFT JOIN edition_category c1 ON c1.edition = s.edition AND c1.category_code = c2.parent_code;
COMMENT ON COLUMN bi_scorecard.reason_zh IS 'Why the item is not scored, in Chinese for dashboards (e.g. 零售额数据（retail）未报送: each extract named by the title_zh of its schema file and its folder); null when scored. Rows published before warehouse version 17 have no Chinese reason and show the English one.';

CREATE OR REPLACE VIEW bi_needs_attention AS
SELECT region_code,
       region_name,
       region_level,
       parent_region_code,
       parent_region_name,
       eval_year,
       indicator_code AS item_code,
       level,
       indicator_group_code,
       name_zh,
       name_en,
       first_level_code,
       first_level_name_zh,
       category_path,
       kind,
       status,
       status_zh,
       reason,
       max_points - points AS points_at_stake,
       edition,
       run_id,
       sort_order,
       reason_zh
FROM bi_scorecard
-- Items only: an indicator with sub-items repeats the status of one of them and would list
-- the same problem twice.
WHERE is_item AND status <> 'scored';
COMMENT ON COLUMN bi_needs_attention.reason_zh IS 'Why the item is not scored, in Chinese for dashboards (e.g. 零售额数据（retail）未报送: each extract named by the title_zh of its schema file and its folder); null when scored. Rows published before warehouse version 17 have no Chinese reason and show the English one.';

CREATE OR REPLACE VIEW bi_observation AS
SELECT s.region_code,
       r.region_name,
       r.level AS region_level,
       r.parent_code AS parent_region_code,
       s.eval_year,
       s.indicator_code,
       i.name_zh,
       i.name_en,
       o.position::integer AS condition_no,
       o.observation ->> 'label' AS label,
       (o.observation ->> 'value')::numeric AS value,
       o.observation ->> 'compare' AS compare,
       (o.observation ->> 'comparison')::numeric AS comparison_value,
       (o.observation ->> 'numerator')::numeric AS numerator,
       (o.observation ->> 'denominator')::numeric AS denominator,
       (o.observation ->> 'passed')::boolean AS passed,
       coalesce((o.observation ->> 'absent')::boolean, false) AS absent,
       s.points,
       s.max_points,
       s.status,
       s.reason,
       er.as_of,
       s.edition,
       s.run_id,
       i.sort_order,
       coalesce(s.reason_zh, s.reason) AS reason_zh
FROM indicator_score s
CROSS JOIN LATERAL jsonb_array_elements(coalesce(s.detail -> 'observations', '[]'::jsonb))
    WITH ORDINALITY AS o(observation, position)
LEFT JOIN region r ON r.region_code = s.region_code
LEFT JOIN edition_indicator i ON i.edition = s.edition AND i.indicator_code = s.indicator_code
LEFT JOIN evaluation_result er ON er.region_code = s.region_code AND er.eval_year = s.eval_year;
COMMENT ON COLUMN bi_observation.reason_zh IS 'Why the item is not scored, in Chinese for dashboards (e.g. 零售额数据（retail）未报送: each extract named by the title_zh of its schema file and its folder); null when scored. Rows published before warehouse version 17 have no Chinese reason and show the English one.';

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
       coalesce(ks.reason_zh, ks.reason) AS county_reason_zh
FROM region city
JOIN bi_scorecard cs ON cs.region_code = city.region_code
JOIN region county ON county.parent_code = city.region_code
-- LEFT: a county of the region tree without a published score for that year still shows
-- (with null points) instead of silently dropping out of the comparison.
LEFT JOIN indicator_score ks ON ks.region_code = county.region_code
                            AND ks.eval_year = cs.eval_year
                            AND ks.indicator_code = cs.indicator_code
WHERE city.level = 'city';
COMMENT ON COLUMN bi_county_comparison.county_reason_zh IS 'Why the county''s item is not scored, in Chinese; null when scored (English for rows published before warehouse version 17).';

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
       coalesce(s.reason_zh, s.reason) AS reason_zh
FROM indicator_score_history s
CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.detail -> 'extracts', '[]'::jsonb)) AS e(extract)
LEFT JOIN run_extract x ON x.run_id = s.run_id AND x.extract = e.extract;
COMMENT ON COLUMN item_lineage_history.reason_zh IS 'Why the item is not scored, in Chinese for dashboards (e.g. 零售额数据（retail）未报送: each extract named by the title_zh of its schema file and its folder); null when scored. Rows published before warehouse version 17 have no Chinese reason and show the English one.';

-- item_lineage is item_lineage_history's current rows (l.* was expanded when it was created).
CREATE OR REPLACE VIEW item_lineage AS
SELECT l.*
FROM item_lineage_history l
WHERE EXISTS (SELECT 1 FROM indicator_score s
              WHERE s.region_code = l.region_code AND s.eval_year = l.eval_year
                AND s.indicator_code = l.indicator_code AND s.run_id = l.run_id);
COMMENT ON COLUMN item_lineage.reason_zh IS 'Why the item is not scored, in Chinese for dashboards (e.g. 零售额数据（retail）未报送: each extract named by the title_zh of its schema file and its folder); null when scored. Rows published before warehouse version 17 have no Chinese reason and show the English one.';
