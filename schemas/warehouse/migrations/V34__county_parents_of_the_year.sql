-- bi_county_comparison took the city of each county of a year from the latest regions.csv
-- (region.parent_code): a county moved to another city left its old city's earlier years, whose
-- figures include it and whose scores of it are still current, and joined its new city's earlier
-- years, beside a total that never contained it. run_region now keeps the parent each run's
-- regions.csv gave a region (null on rows written before this version, and for a region whose
-- row was set aside), and a city's year has the counties that run listed under it.

ALTER TABLE run_region ADD COLUMN parent_code text;
COMMENT ON COLUMN run_region.parent_code IS 'The region''s parent_code as this run''s regions.csv gave it (from warehouse version 34 on; null before, for a top-level region, and for a region whose row was set aside): which city a county belonged to in the years this run published.';

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
-- Counties under the city as the regions.csv of that run listed them (run_region; their parent as
-- that run had it from warehouse version 34 on, else as the latest regions.csv has it); when it
-- listed none of the city's, as the city's latest regions.csv lists them (V25), and those with
-- current scores for the year.
JOIN region county ON CASE WHEN EXISTS (SELECT 1 FROM run_region l JOIN region k ON k.region_code = l.region_code
                                        WHERE l.run_id = ce.run_id
                                          AND coalesce(l.parent_code, k.parent_code) = city.region_code)
                           THEN EXISTS (SELECT 1 FROM run_region l
                                        WHERE l.run_id = ce.run_id AND l.region_code = county.region_code
                                          AND coalesce(l.parent_code, county.parent_code) = city.region_code)
                           ELSE county.parent_code = city.region_code
                                AND (county.run_id = city.run_id
                                     OR EXISTS (SELECT 1 FROM evaluation_result x
                                                WHERE x.region_code = county.region_code AND x.eval_year = cs.eval_year)) END
-- LEFT: a county without a published score for that year still shows, with null points.
LEFT JOIN indicator_score ks ON ks.region_code = county.region_code
                            AND ks.eval_year = cs.eval_year
                            AND ks.indicator_code = cs.indicator_code
LEFT JOIN evaluation_result ke ON ke.region_code = county.region_code AND ke.eval_year = cs.eval_year
WHERE city.level = 'city';
COMMENT ON VIEW bi_county_comparison IS 'BI: for each city, year and indicator or sub-item, the city''s points next to each of its counties'' points (one row per county: the counties the regions.csv of the run that published the city''s year listed under the city (under the city it gave them, from warehouse version 34 on); when it listed none of them — a year published before warehouse version 31, or from a folder listing the city alone — those of the city''s latest regions.csv and those with current scores for the year), to see which county pulls an indicator down.';
