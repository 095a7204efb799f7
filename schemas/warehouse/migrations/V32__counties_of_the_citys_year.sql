-- bi_county_comparison put beside a city, in every year, the counties of its latest regions.csv:
-- a county created in 2025 stood in the city's 2023 comparison with no points, ranked lowest on
-- every indicator, and a county merged away in 2025 left the city's 2023 comparison though its
-- 2023 scores, which the city's 2023 figures include, are still current. The counties of a
-- city's year are now those the regions.csv of the run that published that year listed
-- (run_region, V31). When that run listed none of the city's counties (a year published before
-- V31, or by an analyst's folder that lists the city alone), they are those of the city's latest
-- regions.csv and those with current scores for the year.

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
       ks.max_points - ks.points AS county_points_lost,
       -- By points lost, out of each county's own maximum (the same as by points under one edition).
       rank() OVER (PARTITION BY city.region_code, cs.eval_year, cs.indicator_code
                    ORDER BY ks.max_points - ks.points DESC NULLS FIRST) AS county_rank_from_lowest,
       cs.edition,
       cs.sort_order,
       cs.as_of,
       ks.value AS county_value,
       cs.value AS city_value,
       cs.value_label,
       status_zh(ks.status) AS county_status_zh,
       coalesce(ks.reason_zh, ks.reason) AS county_reason_zh,
       ke.as_of AS county_as_of,
       ks.max_points AS county_max_points,
       ke.edition AS county_edition
FROM region city
JOIN bi_scorecard cs ON cs.region_code = city.region_code
-- The run that published the city's year: its regions.csv says which counties the city had.
LEFT JOIN evaluation_result ce ON ce.region_code = city.region_code AND ce.eval_year = cs.eval_year
-- Counties as the regions.csv of that run listed them (run_region, from warehouse version 31
-- on); when it listed none of the city's, as the city's latest regions.csv lists them (V25),
-- and those with current scores for the year.
JOIN region county ON county.parent_code = city.region_code
                  AND CASE WHEN EXISTS (SELECT 1 FROM run_region l JOIN region k ON k.region_code = l.region_code
                                        WHERE l.run_id = ce.run_id AND k.parent_code = city.region_code)
                           THEN EXISTS (SELECT 1 FROM run_region l
                                        WHERE l.run_id = ce.run_id AND l.region_code = county.region_code)
                           ELSE county.run_id = city.run_id
                                OR EXISTS (SELECT 1 FROM evaluation_result x
                                           WHERE x.region_code = county.region_code AND x.eval_year = cs.eval_year) END
-- LEFT: a county without a published score for that year still shows, with null points.
LEFT JOIN indicator_score ks ON ks.region_code = county.region_code
                            AND ks.eval_year = cs.eval_year
                            AND ks.indicator_code = cs.indicator_code
LEFT JOIN evaluation_result ke ON ke.region_code = county.region_code AND ke.eval_year = cs.eval_year
WHERE city.level = 'city';
COMMENT ON VIEW bi_county_comparison IS 'BI: for each city, year and indicator or sub-item, the city''s points next to each of its counties'' points (one row per county: the counties under the city that the regions.csv of the run that published the city''s year listed; when it listed none of them — a year published before warehouse version 31, or from a folder listing the city alone — those of the city''s latest regions.csv and those with current scores for the year), to see which county pulls an indicator down.';
