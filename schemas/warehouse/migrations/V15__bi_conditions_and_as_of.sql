-- What a dashboard builder missed in the BI views (a review by one):
--  * the as-of date of each year's scores outside bi_pass_status: a year recomputed as of June 30
--    showed in the trends as if compared with a full year;
--  * which condition the value of an item with several conditions is (17.2, 18.1, 25.1, 26.1, 38.2
--    show their first), and whether it passed: a value above its comparison value next to 0
--    points read as a mistake when the other condition failed. bi_observation lists every
--    condition; bi_scorecard says which one its value is, how it is compared and how many failed;
--  * is_item in score_revision and score_change, so that a recomputation's changes add up to
--    the change of the total;
--  * units: values, comparison values and shares are fractions (0.95 is 95%);
--  * the BI role's search path, so that the views are found without the schema name;
--  * a few columns one view had and its neighbours lacked (Chinese status and result, the parent
--    region's name) and an assessed item's evidence and assessor outside the JSON detail.
-- Columns are only added at the end: dashboards built on the views keep working.

-- A status in Chinese, in one place for every view that shows one.
CREATE FUNCTION status_zh(status text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE status
               WHEN 'scored' THEN '已评分'
               WHEN 'missing_data' THEN '缺少数据'
               WHEN 'no_records' THEN '无记录'
               WHEN 'data_error' THEN '数据错误'
               WHEN 'not_assessed' THEN '未评估'
           END
$$;
COMMENT ON FUNCTION status_zh(text) IS 'An item status in Chinese (scored 已评分, missing_data 缺少数据, no_records 无记录, data_error 数据错误, not_assessed 未评估); null for null.';

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
       s.detail -> 'assessment' ->> 'assessor' AS assessor
FROM indicator_score s
-- LEFT joins: a score row never disappears from a dashboard because its reference row is
-- missing (the publisher writes both in one transaction, so this is a safeguard only).
LEFT JOIN region r ON r.region_code = s.region_code
LEFT JOIN region pr ON pr.region_code = r.parent_code
LEFT JOIN edition_indicator i ON i.edition = s.edition AND i.indicator_code = s.indicator_code
LEFT JOIN evaluation_result er ON er.region_code = s.region_code AND er.eval_year = s.eval_year
LEFT JOIN edition_category c2 ON c2.edition = s.edition AND c2.category_code = i.category_code
LEFT JOIN edition_category c1 ON c1.edition = s.edition AND c1.category_code = c2.parent_code;

COMMENT ON COLUMN bi_scorecard.value IS 'Computed value of the evaluation year, a fraction for rates and shares (0.95 is 95%; a growth rate may be negative) or a count (items 4 and 18.2); null for assessed or unscored items. For an item with several conditions the first condition''s (value_label): the evaluation year''s for the items scored per year (1, 2, 5, 6), the first rate for 17.2, 18.1, 25.1, 26.1 and 38.2; bi_observation lists them all.';
COMMENT ON COLUMN bi_scorecard.comparison_value IS 'What the value was compared with, in the value''s unit: a national figure, the region''s own total-retail growth, the edition threshold (0.9 is 90%) or, for a banded item, the boundary of the next band up (the top band''s once reached).';
COMMENT ON COLUMN bi_scorecard.numerator IS 'Numerator of the value when it is a ratio (for a growth rate: this year''s figure minus last year''s); null for a count (rows published before warehouse version 15 hold the count over 1).';
COMMENT ON COLUMN bi_scorecard.denominator IS 'Denominator of the value when it is a ratio (for a growth rate: last year''s figure); null for a count.';
COMMENT ON COLUMN bi_scorecard.score_rate IS 'points / max_points as a fraction, rounded to 4 decimals (得分率; 0.75 is 75%).';
COMMENT ON COLUMN bi_scorecard.as_of IS 'Date the evaluation year''s stock figures and completion cut-off were taken at (December 31 unless recomputed as of another date, see bi_pass_status).';
COMMENT ON COLUMN bi_scorecard.value_label IS 'Which quantity value is, e.g. on_time_rate, completion_rate, 2024 (a year of a per-year item), operators; null for assessed and unscored items.';
COMMENT ON COLUMN bi_scorecard.value_compare IS 'How value is compared with comparison_value to be met: >, >= or <=; null for a banded item (its points follow the band the value reached), for assessed and unscored items.';
COMMENT ON COLUMN bi_scorecard.value_passed IS 'Whether the condition value shows is met (value_compare); null where there is no single comparison (banded, assessed and unscored items). A condition with nothing to measure (no reconsideration decided, for 18.1) is met where the item counts it so, with a null value. The item may have further conditions: see conditions_failed.';
COMMENT ON COLUMN bi_scorecard.conditions_failed IS 'Number of the item''s conditions not met (0 when all are), of a scored item; null for banded, assessed and unscored items. Items that award a point per year (1, 2, 5 and 6 in 2022) lose a point per condition failed; the others (17.2, 25.1, ...) score only when none failed. Each condition is a row of bi_observation.';
COMMENT ON COLUMN bi_scorecard.assessment_evidence IS 'Assessed items: the evidence the assessment cites (e.g. 未提供佐证材料); null for computed or unassessed items.';
COMMENT ON COLUMN bi_scorecard.assessor IS 'Assessed items: who assessed (expert panel, document review); null for computed or unassessed items.';

-- Every condition of every computed item: one row per region, year, code and observation.
CREATE VIEW bi_observation AS
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
       i.sort_order
FROM indicator_score s
CROSS JOIN LATERAL jsonb_array_elements(coalesce(s.detail -> 'observations', '[]'::jsonb))
    WITH ORDINALITY AS o(observation, position)
LEFT JOIN region r ON r.region_code = s.region_code
LEFT JOIN edition_indicator i ON i.edition = s.edition AND i.indicator_code = s.indicator_code
LEFT JOIN evaluation_result er ON er.region_code = s.region_code AND er.eval_year = s.eval_year;

COMMENT ON VIEW bi_observation IS 'BI: every condition the computed items were judged on, one row per region, evaluation year, item and condition (17.2 has two: on_time_rate and completion_rate), with its value, how it is compared, the comparison value and whether it passed. Items scored per year award a point per condition (year) passed (1, 2, 5 and 6 in 2022); the other items with several conditions score only when every one passes. A condition with nothing to measure (absent) is passed where the item counts it as met (18.1).';
COMMENT ON COLUMN bi_observation.region_code IS 'Region code (GB/T 2260).';
COMMENT ON COLUMN bi_observation.region_name IS 'Chinese region name.';
COMMENT ON COLUMN bi_observation.region_level IS 'province, city or county.';
COMMENT ON COLUMN bi_observation.parent_region_code IS 'Code of the parent region; null at the top.';
COMMENT ON COLUMN bi_observation.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN bi_observation.indicator_code IS 'Item code (e.g. 17.2, or 3 for an indicator without sub-items).';
COMMENT ON COLUMN bi_observation.name_zh IS 'Chinese name of the item.';
COMMENT ON COLUMN bi_observation.name_en IS 'English name of the item.';
COMMENT ON COLUMN bi_observation.condition_no IS 'Position of the condition in the item (1 is the one bi_scorecard.value shows).';
COMMENT ON COLUMN bi_observation.label IS 'What was measured, e.g. on_time_rate, completion_rate, a year (the items scored per year measure two: the evaluation year and the year before), operators.';
COMMENT ON COLUMN bi_observation.value IS 'The measured value: a fraction for rates and shares (0.95 is 95%), a count for items 4 and 18.2; null when absent.';
COMMENT ON COLUMN bi_observation.compare IS 'How the value must compare with comparison_value: >, >= or <=; null for a banded item.';
COMMENT ON COLUMN bi_observation.comparison_value IS 'The national figure, threshold or (banded item) next band''s boundary compared with, in the value''s unit.';
COMMENT ON COLUMN bi_observation.numerator IS 'Numerator of the value when it is a ratio; null for a count.';
COMMENT ON COLUMN bi_observation.denominator IS 'Denominator of the value when it is a ratio; null for a count.';
COMMENT ON COLUMN bi_observation.passed IS 'Whether the condition is met; null for a banded item.';
COMMENT ON COLUMN bi_observation.absent IS 'True when there was nothing to measure (e.g. no litigation decided in the year, which item 18.1 counts as met).';
COMMENT ON COLUMN bi_observation.points IS 'Points of the item (all its conditions together).';
COMMENT ON COLUMN bi_observation.max_points IS 'Maximum points of the item.';
COMMENT ON COLUMN bi_observation.status IS 'Status of the item; an item not scored keeps what could be measured (the year before of a growth item, say) for the analyst.';
COMMENT ON COLUMN bi_observation.reason IS 'Why the item is not scored; null when scored.';
COMMENT ON COLUMN bi_observation.as_of IS 'Date the evaluation year''s figures were taken at.';
COMMENT ON COLUMN bi_observation.edition IS 'Indicator-system edition.';
COMMENT ON COLUMN bi_observation.run_id IS 'The run that published the item.';
COMMENT ON COLUMN bi_observation.sort_order IS 'Official order of the indicator system; sort by it, then by condition_no.';

CREATE OR REPLACE VIEW bi_category_score AS
SELECT cs.region_code,
       r.region_name,
       r.level AS region_level,
       r.parent_code AS parent_region_code,
       cs.eval_year,
       cs.category_code,
       cs.level,
       c.parent_code AS parent_category_code,
       coalesce(c.parent_code, cs.category_code) AS first_level_code,
       c.name_zh,
       c.name_en,
       CASE WHEN c.parent_code IS NULL THEN c.name_zh ELSE p.name_zh || ' > ' || c.name_zh END AS category_path,
       cs.points,
       cs.max_points,
       round(cs.points / nullif(cs.max_points, 0), 4) AS share_of_max,
       CASE WHEN cs.level = 'first' THEN e.pass_first_level_share END AS required_share,
       CASE WHEN cs.level = 'first'
            THEN greatest(e.pass_first_level_share * cs.max_points - cs.points, 0) END AS points_short_of_share,
       -- The published flag is always true for second-level categories, which have no share
       -- rule; a dashboard would show that as "met", so the view says "no rule" (null).
       CASE WHEN cs.level = 'first' THEN cs.meets_share END AS meets_share,
       cs.edition,
       cs.run_id,
       c.sort_order,
       er.as_of,
       pr.region_name AS parent_region_name
FROM category_score cs
LEFT JOIN region r ON r.region_code = cs.region_code
LEFT JOIN edition_category c ON c.edition = cs.edition AND c.category_code = cs.category_code
LEFT JOIN edition_category p ON p.edition = cs.edition AND p.category_code = c.parent_code
LEFT JOIN edition e ON e.edition = cs.edition
LEFT JOIN evaluation_result er ON er.region_code = cs.region_code AND er.eval_year = cs.eval_year
LEFT JOIN region pr ON pr.region_code = r.parent_code;
COMMENT ON COLUMN bi_category_score.share_of_max IS 'points / max_points as a fraction, rounded to 4 decimals (得分率; 0.75 is 75%). bi_scorecard calls the same measure score_rate.';
COMMENT ON COLUMN bi_category_score.required_share IS 'Share of the maximum a first-level category must reach to pass, as a fraction (0.75 in 2022); null for second level.';
COMMENT ON COLUMN bi_category_score.parent_region_name IS 'Chinese name of the parent region, e.g. 运城市.';
COMMENT ON COLUMN bi_category_score.as_of IS 'Date the evaluation year''s figures were taken at (December 31 unless recomputed as of another date).';

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
       status_zh(ks.status) AS county_status_zh
FROM region city
JOIN bi_scorecard cs ON cs.region_code = city.region_code
JOIN region county ON county.parent_code = city.region_code
-- LEFT: a county of the region tree without a published score for that year still shows
-- (with null points) instead of silently dropping out of the comparison.
LEFT JOIN indicator_score ks ON ks.region_code = county.region_code
                            AND ks.eval_year = cs.eval_year
                            AND ks.indicator_code = cs.indicator_code
WHERE city.level = 'city';
COMMENT ON COLUMN bi_county_comparison.as_of IS 'Date the city''s evaluation year was taken at.';
COMMENT ON COLUMN bi_county_comparison.county_value IS 'The county''s computed value (see bi_scorecard.value and value_label); null for assessed or unscored items.';
COMMENT ON COLUMN bi_county_comparison.city_value IS 'The city''s computed value, of its own or its counties'' summed figures (not an average of the counties'' values).';
COMMENT ON COLUMN bi_county_comparison.county_status_zh IS 'The county''s status in Chinese (已评分, 缺少数据, 无记录, 数据错误, 未评估); null when not published.';
COMMENT ON COLUMN bi_county_comparison.value_label IS 'Which quantity the values are (see bi_scorecard.value_label).';

CREATE OR REPLACE VIEW bi_trend AS
SELECT cur.region_code,
       cur.region_name,
       cur.region_level,
       cur.parent_region_code,
       cur.eval_year,
       cur.indicator_code,
       cur.level,
       cur.is_item,
       cur.indicator_group_code,
       cur.name_zh,
       cur.name_en,
       cur.first_level_code,
       cur.category_path,
       cur.points,
       cur.max_points,
       cur.status,
       cur.value,
       prev.points AS previous_points,
       prev.status AS previous_status,
       prev.value AS previous_value,
       cur.points - prev.points AS points_change,
       cur.edition,
       prev.edition AS previous_edition,
       cur.sort_order,
       cur.as_of,
       prev_er.as_of AS previous_as_of,
       cur.parent_region_name,
       cur.status_zh
FROM bi_scorecard cur
-- The calendar year before, not the previous row: when a year is missing, a change over two
-- years must not be shown as a year-over-year change.
LEFT JOIN indicator_score prev ON prev.region_code = cur.region_code
                              AND prev.eval_year = cur.eval_year - 1
                              AND prev.indicator_code = cur.indicator_code
LEFT JOIN evaluation_result prev_er ON prev_er.region_code = cur.region_code AND prev_er.eval_year = cur.eval_year - 1;
COMMENT ON COLUMN bi_trend.as_of IS 'Date the evaluation year''s figures were taken at.';
COMMENT ON COLUMN bi_trend.previous_as_of IS 'Date the year before was taken at. When either is not December 31 (a year recomputed as of another date), points_change is not a change over a year.';
COMMENT ON COLUMN bi_trend.parent_region_name IS 'Chinese name of the parent region.';
COMMENT ON COLUMN bi_trend.status_zh IS 'Status in the evaluation year, in Chinese.';
COMMENT ON COLUMN bi_trend.value IS 'Computed value in the evaluation year (a fraction for rates and shares, see bi_scorecard.value).';

CREATE OR REPLACE VIEW bi_total_trend AS
SELECT cur.region_code,
       r.region_name,
       r.level AS region_level,
       r.parent_code AS parent_region_code,
       cur.eval_year,
       cur.total_points,
       cur.max_points,
       cur.passed,
       prev.total_points AS previous_total_points,
       cur.total_points - prev.total_points AS total_change,
       prev.passed AS previous_passed,
       CASE
           WHEN prev.passed IS NULL THEN NULL
           WHEN cur.passed AND NOT prev.passed THEN 'gained'
           WHEN prev.passed AND NOT cur.passed THEN 'lost'
           ELSE 'unchanged'
       END AS pass_change,
       cur.items_needing_attention,
       prev.items_needing_attention AS previous_items_needing_attention,
       cur.edition,
       cur.run_id,
       cur.as_of,
       prev.as_of AS previous_as_of,
       pr.region_name AS parent_region_name,
       CASE WHEN cur.passed THEN '通过' ELSE '未通过' END AS result_zh
FROM evaluation_result cur
LEFT JOIN evaluation_result prev ON prev.region_code = cur.region_code AND prev.eval_year = cur.eval_year - 1
LEFT JOIN region r ON r.region_code = cur.region_code
LEFT JOIN region pr ON pr.region_code = r.parent_code;
COMMENT ON COLUMN bi_total_trend.parent_region_name IS 'Chinese name of the parent region.';
COMMENT ON COLUMN bi_total_trend.result_zh IS '通过 (passed) or 未通过 (failed) in the evaluation year.';
COMMENT ON COLUMN bi_total_trend.as_of IS 'Date the evaluation year''s figures were taken at.';
COMMENT ON COLUMN bi_total_trend.previous_as_of IS 'Date the year before was taken at. When either is not December 31 (a year recomputed as of another date), total_change and pass_change do not compare whole years.';

-- Which versions add up to a total: as bi_scorecard.is_item.
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
       h.points - p.points AS points_change,
       NOT EXISTS (SELECT 1
                   FROM edition_indicator sub
                   WHERE sub.edition = h.edition AND sub.parent_code = h.indicator_code) AS is_item
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
COMMENT ON COLUMN score_revision.is_item IS 'True where points are awarded (sub-items and indicators without sub-items): summing points_change where is_item gives the change of the total; an indicator with sub-items repeats the sum of its sub-items.';

CREATE OR REPLACE VIEW score_change AS
SELECT *
FROM score_revision
WHERE previous_run_id IS NOT NULL
  AND (points IS DISTINCT FROM previous_points OR status IS DISTINCT FROM previous_status
       OR value IS DISTINCT FROM previous_value);
COMMENT ON COLUMN score_change.is_item IS 'True where points are awarded (sub-items and indicators without sub-items): summing points_change where is_item gives the change of the total; an indicator with sub-items repeats the sum of its sub-items.';

COMMENT ON VIEW item_lineage IS 'For every published item and each extract it needs (assessed items: the assessments extract): value, numerator, denominator, comparison, status and reason, the extract''s rows read/quarantined/used in that run and every file it was computed from, with checksums (for a nightly run, the staged files of earlier nights too). One row per extract: an item computed from two extracts has two rows, so do not sum points over this view (bi_scorecard has one row per item).';
COMMENT ON VIEW item_lineage_history IS 'item_lineage for every published version of every item, not only the current one: why a version a recomputation replaced had its points (filter by run_id, or compare runs with score_change). One row per extract, as item_lineage: do not sum points over it.';

-- The BI role finds the views without the schema name (SELECT * FROM bi_scorecard), as BI
-- tools that list one schema expect. Skipped, as V5 is, when the role could not be created.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'netmarket_bi') THEN
        BEGIN
            ALTER ROLE netmarket_bi SET search_path = netmarket, public;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'netmarket_bi: cannot set its search_path (%: %); BI tools name the schema netmarket',
                current_user, SQLERRM;
        END;
    END IF;
END
$$;
