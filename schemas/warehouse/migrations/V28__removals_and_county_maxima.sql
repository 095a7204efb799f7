-- Three defects of the BI views found by a review.
--
-- A full run takes out of a year's current scores the regions its regions.csv no longer lists
-- (a county merged away), but recorded that nowhere but in its console and changes.csv:
-- score_revision and score_change showed no change for that run, and when the county came back
-- (listed again, or published from another delivery), its new version was paired with the one
-- from before its removal as "the version before", unchanged, while the run itself said it was
-- published for the first time. Removals are now kept (region_year_removal, written in the
-- publishing transaction); score_revision lists a removal as a version of its own (is_removal,
-- no points), and a version published after a removal has no previous version.
--
-- bi_pass_status.is_latest_year kept a removed county's last year before the removal as its
-- "current status": on the current-status page beside a city total computed without it.
--
-- bi_county_comparison took the maximum from the city's row: a county recomputed under another
-- edition, whose maxima differ, showed negative points lost and was ranked on points out of
-- other maxima. Points lost and the rank now use the county's own maximum, shown with its edition.

CREATE TABLE region_year_removal (
    run_id       bigint NOT NULL REFERENCES pipeline_run (run_id) ON DELETE CASCADE,
    region_code  text NOT NULL,
    eval_year    integer NOT NULL,
    PRIMARY KEY (region_code, eval_year, run_id)
);
CREATE INDEX region_year_removal_run ON region_year_removal (run_id);
COMMENT ON TABLE region_year_removal IS 'Regions a full run took out of a year''s current scores because its regions.csv no longer lists them (a county merged away): their earlier versions stay in the history, and a later publication of the region and year starts afresh (score_revision). Removals before warehouse version 28 are not recorded.';
COMMENT ON COLUMN region_year_removal.run_id IS 'The run that took the region''s year out of the current scores (pipeline_run.run_id).';
COMMENT ON COLUMN region_year_removal.region_code IS 'Region taken out (region.region_code).';
COMMENT ON COLUMN region_year_removal.eval_year IS 'Evaluation year whose current scores it left.';

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
                   WHERE sub.edition = h.edition AND sub.parent_code = h.indicator_code) AS is_item,
       false AS is_removal
FROM indicator_score_history h
JOIN pipeline_run r ON r.run_id = h.run_id
LEFT JOIN LATERAL (
    -- The version before, unless the region's year was taken out of the current scores since.
    SELECT b.run_id, b.points, b.status, b.value
    FROM indicator_score_history b
    WHERE b.region_code = h.region_code
      AND b.eval_year = h.eval_year
      AND b.indicator_code = h.indicator_code
      AND b.run_id < h.run_id
      AND NOT EXISTS (SELECT 1
                      FROM region_year_removal x
                      WHERE x.region_code = h.region_code AND x.eval_year = h.eval_year
                        AND x.run_id > b.run_id AND x.run_id < h.run_id)
    ORDER BY b.run_id DESC
    LIMIT 1
) p ON true
UNION ALL
-- A removal: for each code the region's year had, its last version before, and no points after.
SELECT x.region_code,
       x.eval_year,
       p.indicator_code,
       p.level,
       x.run_id,
       r.finished_at AS published_at,
       r.mode,
       NULL::numeric AS points,
       NULL::text AS status,
       NULL::numeric AS value,
       p.run_id AS previous_run_id,
       p.points AS previous_points,
       p.status AS previous_status,
       p.value AS previous_value,
       NULL::numeric AS points_change,
       NOT EXISTS (SELECT 1
                   FROM edition_indicator sub
                   WHERE sub.edition = p.edition AND sub.parent_code = p.indicator_code) AS is_item,
       true AS is_removal
FROM region_year_removal x
JOIN pipeline_run r ON r.run_id = x.run_id
JOIN LATERAL (
    SELECT DISTINCT ON (b.indicator_code) b.indicator_code, b.level, b.run_id, b.points, b.status, b.value, b.edition
    FROM indicator_score_history b
    WHERE b.region_code = x.region_code
      AND b.eval_year = x.eval_year
      AND b.run_id < x.run_id
      AND NOT EXISTS (SELECT 1
                      FROM region_year_removal y
                      WHERE y.region_code = x.region_code AND y.eval_year = x.eval_year
                        AND y.run_id > b.run_id AND y.run_id < x.run_id)
    ORDER BY b.indicator_code, b.run_id DESC
) p ON true;
COMMENT ON VIEW score_revision IS 'Every published version of indicator_score by run, next to the version published before it (previous_run_id null for the first publication, and for the first after the region''s year was taken out of the current scores); and, as versions without points (is_removal), each code of a region''s year a full run took out of the current scores.';
COMMENT ON COLUMN score_revision.previous_run_id IS 'The run that published the version before this one; null for the first publication, and for the first after a removal (is_removal).';
COMMENT ON COLUMN score_revision.points IS 'Points in this version; null for a removal (is_removal).';
COMMENT ON COLUMN score_revision.status IS 'Status in this version (scored, missing_data, no_records, data_error, not_assessed); null for a removal (is_removal).';
COMMENT ON COLUMN score_revision.value IS 'Computed value in this version; null for a removal (is_removal).';
COMMENT ON COLUMN score_revision.points_change IS 'points - previous_points; null for the first publication and for a removal (previous_points is what was taken out).';
COMMENT ON COLUMN score_revision.is_removal IS 'True when run_id took the region''s year out of the current scores (its regions.csv no longer lists the region): points, status and value are null, previous_* hold the version taken out.';

CREATE OR REPLACE VIEW score_change AS
SELECT *
FROM score_revision
WHERE previous_run_id IS NOT NULL
  AND (points IS DISTINCT FROM previous_points OR status IS DISTINCT FROM previous_status
       OR value IS DISTINCT FROM previous_value);
COMMENT ON VIEW score_change IS 'Published versions that differ from the version before them (item, old and new points, status and value): the differences a recomputation made; with is_removal, the codes a full run took out of the current scores.';
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT a.attname, col_description(a.attrelid, a.attnum) AS comment
        FROM pg_attribute a
        WHERE a.attrelid = to_regclass('score_revision') AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        EXECUTE format('COMMENT ON COLUMN score_change.%I IS %L', col.attname, col.comment);
    END LOOP;
END
$$;

CREATE OR REPLACE VIEW bi_pass_status AS
SELECT er.region_code,
       r.region_name,
       r.level AS region_level,
       r.parent_code AS parent_region_code,
       pr.region_name AS parent_region_name,
       er.eval_year,
       -- Not for a region taken out of a later year: its delivery no longer lists it.
       er.eval_year = max(er.eval_year) OVER (PARTITION BY er.region_code)
           AND NOT EXISTS (SELECT 1 FROM region_year_removal x
                           WHERE x.region_code = er.region_code AND x.eval_year > er.eval_year) AS is_latest_year,
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
COMMENT ON COLUMN bi_pass_status.is_latest_year IS 'True for the latest evaluation year published for the region: filter on it for a "current status" dashboard. False on every year of a region a full run took out of a later year (its regions.csv no longer lists it; region_year_removal).';

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
-- Counties as the city's latest regions.csv lists them (V25).
JOIN region county ON county.parent_code = city.region_code AND county.run_id = city.run_id
-- LEFT: a county without a published score for that year still shows, with null points.
LEFT JOIN indicator_score ks ON ks.region_code = county.region_code
                            AND ks.eval_year = cs.eval_year
                            AND ks.indicator_code = cs.indicator_code
LEFT JOIN evaluation_result ke ON ke.region_code = county.region_code AND ke.eval_year = cs.eval_year
WHERE city.level = 'city';
COMMENT ON COLUMN bi_county_comparison.max_points IS 'Maximum points of the city''s row (its edition).';
COMMENT ON COLUMN bi_county_comparison.county_points_lost IS 'county_max_points - county_points: what the county leaves on the table, out of its own maximum.';
COMMENT ON COLUMN bi_county_comparison.county_rank_from_lowest IS 'Rank of the county among the city''s counties for this code and year, 1 = most points lost (unpublished first); under one edition the same as fewest points; ties share a rank.';
COMMENT ON COLUMN bi_county_comparison.county_max_points IS 'Maximum points of the county''s row: differs from max_points only when the county was published under another edition (county_edition) than the city. Null when the county has no published score for the year.';
COMMENT ON COLUMN bi_county_comparison.county_edition IS 'Indicator-system edition the county''s year was published under (its evaluation_result.edition); null when it has none for the year.';
