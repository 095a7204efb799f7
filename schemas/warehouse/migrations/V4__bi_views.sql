-- Views for BI dashboards (prefix bi_): the current published scores with Chinese names, the
-- category path and the region tree already joined, so that a dashboard tool needs no joins of
-- its own. Plain SQL over the current tables; they show what indicator_score, category_score
-- and evaluation_result show, nothing else. bi_scorecard is the base of the item-level views,
-- so that a name or a path is worked out in one place. No window over whole tables in
-- bi_scorecard: filters on region and year reach the base tables' keys.

-- One row per region, year and code (indicators and sub-items), with names and category path.
CREATE VIEW bi_scorecard AS
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
       CASE s.status
           WHEN 'scored' THEN '已评分'
           WHEN 'missing_data' THEN '缺少数据'
           WHEN 'no_records' THEN '无记录'
           WHEN 'data_error' THEN '数据错误'
           WHEN 'not_assessed' THEN '未评估'
       END AS status_zh,
       s.value,
       s.comparison_value,
       s.numerator,
       s.denominator,
       s.reason,
       i.criterion_zh,
       s.edition,
       s.run_id,
       i.sort_order
FROM indicator_score s
-- LEFT joins: a score row never disappears from a dashboard because its reference row is
-- missing (the publisher writes both in one transaction, so this is a safeguard only).
LEFT JOIN region r ON r.region_code = s.region_code
LEFT JOIN region pr ON pr.region_code = r.parent_code
LEFT JOIN edition_indicator i ON i.edition = s.edition AND i.indicator_code = s.indicator_code
LEFT JOIN edition_category c2 ON c2.edition = s.edition AND c2.category_code = i.category_code
LEFT JOIN edition_category c1 ON c1.edition = s.edition AND c1.category_code = c2.parent_code;

COMMENT ON VIEW bi_scorecard IS 'BI: the current published scorecard, one row per region, evaluation year and code (indicators such as 11 and their sub-items such as 11.1), with Chinese and English names, the category path (e.g. 规范监管 > 完善监管), points, status, value and reason.';
COMMENT ON COLUMN bi_scorecard.region_code IS 'Region code (GB/T 2260), e.g. 140802.';
COMMENT ON COLUMN bi_scorecard.region_name IS 'Chinese region name, e.g. 盐湖区.';
COMMENT ON COLUMN bi_scorecard.region_level IS 'province, city or county.';
COMMENT ON COLUMN bi_scorecard.parent_region_code IS 'Code of the parent region (a county''s city); null at the top.';
COMMENT ON COLUMN bi_scorecard.parent_region_name IS 'Chinese name of the parent region, e.g. 运城市.';
COMMENT ON COLUMN bi_scorecard.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN bi_scorecard.indicator_code IS 'Indicator (1 to 41) or sub-item (e.g. 11.1) code.';
COMMENT ON COLUMN bi_scorecard.level IS 'indicator or item (sub-item).';
COMMENT ON COLUMN bi_scorecard.parent_indicator_code IS 'The indicator of a sub-item (11 for 11.1); null for an indicator.';
COMMENT ON COLUMN bi_scorecard.indicator_group_code IS 'The indicator the row belongs to: its own code for an indicator, the parent for a sub-item. Filter on it to show an indicator with its sub-items.';
COMMENT ON COLUMN bi_scorecard.is_item IS 'True where points are awarded: sub-items (11.1) and indicators without sub-items (3). False for an indicator with sub-items (11), whose points add up its sub-items. Sum points where is_item to get the total.';
COMMENT ON COLUMN bi_scorecard.name_zh IS 'Chinese name of the indicator or sub-item (指标名称).';
COMMENT ON COLUMN bi_scorecard.name_en IS 'English name of the indicator or sub-item.';
COMMENT ON COLUMN bi_scorecard.first_level_code IS 'First-level category code (一级指标), e.g. regulation.';
COMMENT ON COLUMN bi_scorecard.first_level_name_zh IS 'First-level category name, e.g. 规范监管.';
COMMENT ON COLUMN bi_scorecard.second_level_code IS 'Second-level category code (二级指标), e.g. regulation.supervision.';
COMMENT ON COLUMN bi_scorecard.second_level_name_zh IS 'Second-level category name, e.g. 完善监管.';
COMMENT ON COLUMN bi_scorecard.category_path IS 'Chinese category path, first > second level, e.g. 规范监管 > 完善监管.';
COMMENT ON COLUMN bi_scorecard.category_path_en IS 'English category path, e.g. Regulating the market > Better supervision.';
COMMENT ON COLUMN bi_scorecard.kind IS 'computed (from the extracts) or assessed (expert assessment); null for an indicator with sub-items.';
COMMENT ON COLUMN bi_scorecard.points IS 'Points awarded (得分).';
COMMENT ON COLUMN bi_scorecard.max_points IS 'Maximum points (分值).';
COMMENT ON COLUMN bi_scorecard.score_rate IS 'points / max_points, rounded to 4 decimals (得分率).';
COMMENT ON COLUMN bi_scorecard.status IS 'scored, missing_data, no_records, data_error or not_assessed (every status but scored gives 0 points).';
COMMENT ON COLUMN bi_scorecard.status_zh IS 'Status in Chinese: 已评分, 缺少数据, 无记录, 数据错误, 未评估.';
COMMENT ON COLUMN bi_scorecard.value IS 'Computed value (ratio, rate or count) of the evaluation year; null for assessed or unscored items.';
COMMENT ON COLUMN bi_scorecard.comparison_value IS 'What the value was compared with: a national figure, the region''s own total-retail growth or the edition threshold.';
COMMENT ON COLUMN bi_scorecard.numerator IS 'Numerator of the value when it is a ratio.';
COMMENT ON COLUMN bi_scorecard.denominator IS 'Denominator of the value when it is a ratio.';
COMMENT ON COLUMN bi_scorecard.reason IS 'Why the item is not scored, in words an analyst can act on; null when scored.';
COMMENT ON COLUMN bi_scorecard.criterion_zh IS 'Scoring criterion (评分标准) as the indicator system states it, where it states one.';
COMMENT ON COLUMN bi_scorecard.edition IS 'Indicator-system edition, e.g. 2022.';
COMMENT ON COLUMN bi_scorecard.run_id IS 'The run that published the row (pipeline_run.run_id).';
COMMENT ON COLUMN bi_scorecard.sort_order IS 'Official order of the indicator system (each indicator before its sub-items); sort by it.';

-- First- and second-level category scores in long form.
CREATE VIEW bi_category_score AS
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
       c.sort_order
FROM category_score cs
LEFT JOIN region r ON r.region_code = cs.region_code
LEFT JOIN edition_category c ON c.edition = cs.edition AND c.category_code = cs.category_code
LEFT JOIN edition_category p ON p.edition = cs.edition AND p.category_code = c.parent_code
LEFT JOIN edition e ON e.edition = cs.edition;

COMMENT ON VIEW bi_category_score IS 'BI: current category scores in long form, one row per region, year and category (5 first-level, 10 second-level in 2022), with names, share of the maximum and whether a first-level category meets the pass share (75% in 2022).';
COMMENT ON COLUMN bi_category_score.region_code IS 'Region code (GB/T 2260).';
COMMENT ON COLUMN bi_category_score.region_name IS 'Chinese region name.';
COMMENT ON COLUMN bi_category_score.region_level IS 'province, city or county.';
COMMENT ON COLUMN bi_category_score.parent_region_code IS 'Code of the parent region; null at the top.';
COMMENT ON COLUMN bi_category_score.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN bi_category_score.category_code IS 'Category code, e.g. development or development.scale.';
COMMENT ON COLUMN bi_category_score.level IS 'first (一级指标) or second (二级指标).';
COMMENT ON COLUMN bi_category_score.parent_category_code IS 'The first-level category of a second-level one; null for a first-level category.';
COMMENT ON COLUMN bi_category_score.first_level_code IS 'The first-level category the row belongs to (itself for a first-level category).';
COMMENT ON COLUMN bi_category_score.name_zh IS 'Chinese category name, e.g. 促进发展, 发展规模.';
COMMENT ON COLUMN bi_category_score.name_en IS 'English category name.';
COMMENT ON COLUMN bi_category_score.category_path IS 'Chinese path: the name for a first-level category, first > second for a second-level one (e.g. 促进发展 > 发展规模).';
COMMENT ON COLUMN bi_category_score.points IS 'Points of the category.';
COMMENT ON COLUMN bi_category_score.max_points IS 'Maximum points of the category.';
COMMENT ON COLUMN bi_category_score.share_of_max IS 'points / max_points, rounded to 4 decimals (得分率).';
COMMENT ON COLUMN bi_category_score.required_share IS 'Share of the maximum a first-level category must reach to pass (0.75 in 2022); null for second level.';
COMMENT ON COLUMN bi_category_score.points_short_of_share IS 'Points a first-level category lacks to reach the required share (0 when it does); null for second level.';
COMMENT ON COLUMN bi_category_score.meets_share IS 'Whether a first-level category reaches the required share; null for second level (no rule).';
COMMENT ON COLUMN bi_category_score.edition IS 'Indicator-system edition.';
COMMENT ON COLUMN bi_category_score.run_id IS 'The run that published the row.';
COMMENT ON COLUMN bi_category_score.sort_order IS 'Official order of the category tree; sort by it.';

-- Pass or fail per region and year, with the failing categories named.
CREATE VIEW bi_pass_status AS
SELECT er.region_code,
       r.region_name,
       r.level AS region_level,
       r.parent_code AS parent_region_code,
       pr.region_name AS parent_region_name,
       er.eval_year,
       er.eval_year = max(er.eval_year) OVER (PARTITION BY er.region_code) AS is_latest_year,
       er.total_points,
       er.max_points,
       e.pass_total_at_least,
       greatest(e.pass_total_at_least - er.total_points, 0) AS points_short_of_pass_total,
       er.passed,
       CASE WHEN er.passed THEN '通过' ELSE '未通过' END AS result_zh,
       er.failing_categories AS failing_category_codes,
       cardinality(er.failing_categories) AS failing_category_count,
       (SELECT string_agg(coalesce(c.name_zh, f.code), '、' ORDER BY f.position)
        FROM unnest(er.failing_categories) WITH ORDINALITY AS f(code, position)
        LEFT JOIN edition_category c ON c.edition = er.edition AND c.category_code = f.code) AS failing_categories_zh,
       er.items_needing_attention,
       er.as_of,
       er.edition,
       er.run_id,
       run.finished_at AS published_at,
       run.mode AS run_mode
FROM evaluation_result er
LEFT JOIN region r ON r.region_code = er.region_code
LEFT JOIN region pr ON pr.region_code = r.parent_code
LEFT JOIN edition e ON e.edition = er.edition
LEFT JOIN pipeline_run run ON run.run_id = er.run_id;

COMMENT ON VIEW bi_pass_status IS 'BI: pass or fail per region and evaluation year (pass = total >= 85 and every first-level category >= 75% in 2022), the failing first-level categories by code and Chinese name, items needing attention, and when it was published.';
COMMENT ON COLUMN bi_pass_status.region_code IS 'Region code (GB/T 2260).';
COMMENT ON COLUMN bi_pass_status.region_name IS 'Chinese region name.';
COMMENT ON COLUMN bi_pass_status.region_level IS 'province, city or county.';
COMMENT ON COLUMN bi_pass_status.parent_region_code IS 'Code of the parent region; null at the top.';
COMMENT ON COLUMN bi_pass_status.parent_region_name IS 'Chinese name of the parent region.';
COMMENT ON COLUMN bi_pass_status.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN bi_pass_status.is_latest_year IS 'True for the latest evaluation year published for the region: filter on it for a "current status" dashboard.';
COMMENT ON COLUMN bi_pass_status.total_points IS 'Total points (总分).';
COMMENT ON COLUMN bi_pass_status.max_points IS 'Maximum total (100 in 2022).';
COMMENT ON COLUMN bi_pass_status.pass_total_at_least IS 'Total needed to pass (85 in 2022).';
COMMENT ON COLUMN bi_pass_status.points_short_of_pass_total IS 'Points the total lacks to reach the pass total (0 when it does).';
COMMENT ON COLUMN bi_pass_status.passed IS 'Pass under the edition''s rule (both conditions).';
COMMENT ON COLUMN bi_pass_status.result_zh IS '通过 (passed) or 未通过 (failed).';
COMMENT ON COLUMN bi_pass_status.failing_category_codes IS 'Codes of the first-level categories below the required share, in edition order; empty when none.';
COMMENT ON COLUMN bi_pass_status.failing_category_count IS 'Number of failing first-level categories.';
COMMENT ON COLUMN bi_pass_status.failing_categories_zh IS 'Chinese names of the failing first-level categories joined with 、 in edition order, e.g. 促进发展、规范监管; null when none.';
COMMENT ON COLUMN bi_pass_status.items_needing_attention IS 'Number of items not scored (see bi_needs_attention).';
COMMENT ON COLUMN bi_pass_status.as_of IS 'Date the stock figures and completion cut-off were taken at.';
COMMENT ON COLUMN bi_pass_status.edition IS 'Indicator-system edition.';
COMMENT ON COLUMN bi_pass_status.run_id IS 'The run that published the evaluation.';
COMMENT ON COLUMN bi_pass_status.published_at IS 'When that run published (pipeline_run.finished_at).';
COMMENT ON COLUMN bi_pass_status.run_mode IS 'Mode of that run: nightly, adhoc or backfill.';

-- A city's points next to each of its counties' points, per indicator and sub-item.
CREATE VIEW bi_county_comparison AS
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
       cs.sort_order
FROM region city
JOIN bi_scorecard cs ON cs.region_code = city.region_code
JOIN region county ON county.parent_code = city.region_code
-- LEFT: a county of the region tree without a published score for that year still shows
-- (with null points) instead of silently dropping out of the comparison.
LEFT JOIN indicator_score ks ON ks.region_code = county.region_code
                            AND ks.eval_year = cs.eval_year
                            AND ks.indicator_code = cs.indicator_code
WHERE city.level = 'city';

COMMENT ON VIEW bi_county_comparison IS 'BI: for each city, year and indicator or sub-item, the city''s points next to each of its counties'' points (one row per county), to see which county pulls an indicator down.';
COMMENT ON COLUMN bi_county_comparison.city_code IS 'City region code, e.g. 140800.';
COMMENT ON COLUMN bi_county_comparison.city_name IS 'Chinese city name, e.g. 运城市.';
COMMENT ON COLUMN bi_county_comparison.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN bi_county_comparison.county_code IS 'Code of a county (child region) of the city, e.g. 140802.';
COMMENT ON COLUMN bi_county_comparison.county_name IS 'Chinese county name, e.g. 盐湖区.';
COMMENT ON COLUMN bi_county_comparison.indicator_code IS 'Indicator or sub-item code.';
COMMENT ON COLUMN bi_county_comparison.level IS 'indicator or item (sub-item).';
COMMENT ON COLUMN bi_county_comparison.is_item IS 'True where points are awarded (sub-items and indicators without sub-items); see bi_scorecard.is_item.';
COMMENT ON COLUMN bi_county_comparison.indicator_group_code IS 'The indicator the row belongs to (the parent for a sub-item).';
COMMENT ON COLUMN bi_county_comparison.name_zh IS 'Chinese name of the indicator or sub-item.';
COMMENT ON COLUMN bi_county_comparison.name_en IS 'English name of the indicator or sub-item.';
COMMENT ON COLUMN bi_county_comparison.first_level_code IS 'First-level category code.';
COMMENT ON COLUMN bi_county_comparison.category_path IS 'Chinese category path, e.g. 规范监管 > 完善监管.';
COMMENT ON COLUMN bi_county_comparison.county_points IS 'The county''s points; null when the county has no published score for the year.';
COMMENT ON COLUMN bi_county_comparison.county_status IS 'The county''s status (scored, missing_data, no_records, data_error, not_assessed); null when not published.';
COMMENT ON COLUMN bi_county_comparison.county_reason IS 'Why the county''s item is not scored; null when scored.';
COMMENT ON COLUMN bi_county_comparison.city_points IS 'The city''s own points (a city is scored on its own or its counties'' summed figures, not on its counties'' points).';
COMMENT ON COLUMN bi_county_comparison.city_status IS 'The city''s status.';
COMMENT ON COLUMN bi_county_comparison.max_points IS 'Maximum points.';
COMMENT ON COLUMN bi_county_comparison.county_points_lost IS 'max_points - county_points: what the county leaves on the table.';
COMMENT ON COLUMN bi_county_comparison.county_rank_from_lowest IS 'Rank of the county among the city''s counties for this code and year, 1 = fewest points (unpublished first); ties share a rank.';
COMMENT ON COLUMN bi_county_comparison.edition IS 'Indicator-system edition of the city''s row.';
COMMENT ON COLUMN bi_county_comparison.sort_order IS 'Official order of the indicator system; sort by it.';

-- Items that need someone to act: one row per region, year and item not scored.
CREATE VIEW bi_needs_attention AS
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
       sort_order
FROM bi_scorecard
-- Items only: an indicator with sub-items repeats the status of one of them and would list
-- the same problem twice.
WHERE is_item AND status <> 'scored';

COMMENT ON VIEW bi_needs_attention IS 'BI: items needing attention, one row per region, year and item (sub-item or indicator without sub-items) whose status is not scored, with the reason and names: the work list of data clerks (computed items) and assessors (assessed items).';
COMMENT ON COLUMN bi_needs_attention.region_code IS 'Region code (GB/T 2260).';
COMMENT ON COLUMN bi_needs_attention.region_name IS 'Chinese region name.';
COMMENT ON COLUMN bi_needs_attention.region_level IS 'province, city or county.';
COMMENT ON COLUMN bi_needs_attention.parent_region_code IS 'Code of the parent region; null at the top.';
COMMENT ON COLUMN bi_needs_attention.parent_region_name IS 'Chinese name of the parent region.';
COMMENT ON COLUMN bi_needs_attention.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN bi_needs_attention.item_code IS 'Item code: a sub-item (e.g. 11.1) or an indicator without sub-items (e.g. 16).';
COMMENT ON COLUMN bi_needs_attention.level IS 'item for a sub-item, indicator for an indicator without sub-items.';
COMMENT ON COLUMN bi_needs_attention.indicator_group_code IS 'The indicator the item belongs to (11 for 11.1; 16 for 16).';
COMMENT ON COLUMN bi_needs_attention.name_zh IS 'Chinese name of the item.';
COMMENT ON COLUMN bi_needs_attention.name_en IS 'English name of the item.';
COMMENT ON COLUMN bi_needs_attention.first_level_code IS 'First-level category code.';
COMMENT ON COLUMN bi_needs_attention.first_level_name_zh IS 'First-level category name, e.g. 促进发展.';
COMMENT ON COLUMN bi_needs_attention.category_path IS 'Chinese category path, e.g. 规范监管 > 完善监管.';
COMMENT ON COLUMN bi_needs_attention.kind IS 'computed (fix the data: see reason and item_lineage) or assessed (an assessment is missing).';
COMMENT ON COLUMN bi_needs_attention.status IS 'missing_data, no_records, data_error or not_assessed.';
COMMENT ON COLUMN bi_needs_attention.status_zh IS 'Status in Chinese: 缺少数据, 无记录, 数据错误, 未评估.';
COMMENT ON COLUMN bi_needs_attention.reason IS 'Why the item is not scored, in words an analyst can act on.';
COMMENT ON COLUMN bi_needs_attention.points_at_stake IS 'Points the item could add once resolved (max_points - points).';
COMMENT ON COLUMN bi_needs_attention.edition IS 'Indicator-system edition.';
COMMENT ON COLUMN bi_needs_attention.run_id IS 'The run that published the item.';
COMMENT ON COLUMN bi_needs_attention.sort_order IS 'Official order of the indicator system; sort by it.';

-- Indicator and sub-item points across evaluation years, with the year before.
CREATE VIEW bi_trend AS
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
       cur.sort_order
FROM bi_scorecard cur
-- The calendar year before, not the previous row: when a year is missing, a change over two
-- years must not be shown as a year-over-year change.
LEFT JOIN indicator_score prev ON prev.region_code = cur.region_code
                              AND prev.eval_year = cur.eval_year - 1
                              AND prev.indicator_code = cur.indicator_code;

COMMENT ON VIEW bi_trend IS 'BI: every region''s indicator and sub-item points per evaluation year next to the points of the year before and the change (year-over-year trend).';
COMMENT ON COLUMN bi_trend.region_code IS 'Region code (GB/T 2260).';
COMMENT ON COLUMN bi_trend.region_name IS 'Chinese region name.';
COMMENT ON COLUMN bi_trend.region_level IS 'province, city or county.';
COMMENT ON COLUMN bi_trend.parent_region_code IS 'Code of the parent region; null at the top.';
COMMENT ON COLUMN bi_trend.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN bi_trend.indicator_code IS 'Indicator or sub-item code.';
COMMENT ON COLUMN bi_trend.level IS 'indicator or item (sub-item).';
COMMENT ON COLUMN bi_trend.is_item IS 'True where points are awarded (sub-items and indicators without sub-items); see bi_scorecard.is_item.';
COMMENT ON COLUMN bi_trend.indicator_group_code IS 'The indicator the row belongs to (the parent for a sub-item).';
COMMENT ON COLUMN bi_trend.name_zh IS 'Chinese name of the indicator or sub-item.';
COMMENT ON COLUMN bi_trend.name_en IS 'English name of the indicator or sub-item.';
COMMENT ON COLUMN bi_trend.first_level_code IS 'First-level category code.';
COMMENT ON COLUMN bi_trend.category_path IS 'Chinese category path, e.g. 规范监管 > 完善监管.';
COMMENT ON COLUMN bi_trend.points IS 'Points in the evaluation year.';
COMMENT ON COLUMN bi_trend.max_points IS 'Maximum points in the evaluation year''s edition.';
COMMENT ON COLUMN bi_trend.status IS 'Status in the evaluation year.';
COMMENT ON COLUMN bi_trend.value IS 'Computed value in the evaluation year.';
COMMENT ON COLUMN bi_trend.previous_points IS 'Points in the year before (eval_year - 1); null when that year is not published for the region.';
COMMENT ON COLUMN bi_trend.previous_status IS 'Status in the year before; null when not published.';
COMMENT ON COLUMN bi_trend.previous_value IS 'Computed value in the year before.';
COMMENT ON COLUMN bi_trend.points_change IS 'points - previous_points; null when the year before is not published.';
COMMENT ON COLUMN bi_trend.edition IS 'Edition of the evaluation year.';
COMMENT ON COLUMN bi_trend.previous_edition IS 'Edition of the year before (a change of edition can explain a change of points).';
COMMENT ON COLUMN bi_trend.sort_order IS 'Official order of the indicator system; sort by it.';

-- Totals and pass/fail across evaluation years, with the year before.
CREATE VIEW bi_total_trend AS
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
       cur.run_id
FROM evaluation_result cur
LEFT JOIN evaluation_result prev ON prev.region_code = cur.region_code AND prev.eval_year = cur.eval_year - 1
LEFT JOIN region r ON r.region_code = cur.region_code;

COMMENT ON VIEW bi_total_trend IS 'BI: every region''s total and pass/fail per evaluation year next to the year before: the change of total and whether the region gained or lost the pass.';
COMMENT ON COLUMN bi_total_trend.region_code IS 'Region code (GB/T 2260).';
COMMENT ON COLUMN bi_total_trend.region_name IS 'Chinese region name.';
COMMENT ON COLUMN bi_total_trend.region_level IS 'province, city or county.';
COMMENT ON COLUMN bi_total_trend.parent_region_code IS 'Code of the parent region; null at the top.';
COMMENT ON COLUMN bi_total_trend.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN bi_total_trend.total_points IS 'Total points in the evaluation year.';
COMMENT ON COLUMN bi_total_trend.max_points IS 'Maximum total in the evaluation year''s edition.';
COMMENT ON COLUMN bi_total_trend.passed IS 'Pass in the evaluation year.';
COMMENT ON COLUMN bi_total_trend.previous_total_points IS 'Total in the year before (eval_year - 1); null when that year is not published for the region.';
COMMENT ON COLUMN bi_total_trend.total_change IS 'total_points - previous_total_points; null when the year before is not published.';
COMMENT ON COLUMN bi_total_trend.previous_passed IS 'Pass in the year before; null when not published.';
COMMENT ON COLUMN bi_total_trend.pass_change IS 'gained (failed the year before, passes now), lost (the reverse), unchanged, or null when the year before is not published.';
COMMENT ON COLUMN bi_total_trend.items_needing_attention IS 'Items not scored in the evaluation year.';
COMMENT ON COLUMN bi_total_trend.previous_items_needing_attention IS 'Items not scored in the year before.';
COMMENT ON COLUMN bi_total_trend.edition IS 'Edition of the evaluation year.';
COMMENT ON COLUMN bi_total_trend.run_id IS 'The run that published the evaluation year''s result.';
