-- bi_pass_status.is_latest_year stayed true on the last year of a county merged away when the
-- first run without it published a year the county never had: nothing of the county was taken
-- out (region_year_removal holds only years a run replaced), so its old status stood as current
-- beside the city's later total, computed without it. A region is no longer current once a later
-- run from the same data directory listed its parent without it: region.run_id is the latest run
-- whose regions.csv listed the region, and every publishing run lists its whole regions.csv. Only
-- runs of one data directory are compared: two cities' deliveries both list their province, and
-- an analyst's folder may list a city alone; neither says a region of another folder is gone.
--
-- score_change.previous_run_id got score_revision's comment back in V28 ("null for the first
-- publication"), though score_change lists only versions that had one before: never null there.

CREATE OR REPLACE VIEW bi_pass_status AS
SELECT er.region_code,
       r.region_name,
       r.level AS region_level,
       r.parent_code AS parent_region_code,
       pr.region_name AS parent_region_name,
       er.eval_year,
       -- Not for a region taken out of a later year, nor for one a later regions.csv of the same
       -- data directory no longer lists under its parent (region.run_id: the latest run whose
       -- regions.csv listed it).
       er.eval_year = max(er.eval_year) OVER (PARTITION BY er.region_code)
           AND NOT EXISTS (SELECT 1 FROM region_year_removal x
                           WHERE x.region_code = er.region_code AND x.eval_year > er.eval_year)
           AND NOT EXISTS (SELECT 1 FROM region p
                           JOIN pipeline_run parent_run ON parent_run.run_id = p.run_id
                           JOIN pipeline_run region_run ON region_run.run_id = r.run_id
                           WHERE p.region_code = r.parent_code AND p.run_id > r.run_id
                             AND parent_run.data_dir = region_run.data_dir) AS is_latest_year,
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
COMMENT ON COLUMN bi_pass_status.is_latest_year IS 'True for the latest evaluation year published for the region: filter on it for a "current status" dashboard. False on every year of a region that a later run from the same data directory no longer lists under its parent in regions.csv (a county merged away), whether or not that run took a year of it out of the current scores (region_year_removal).';

COMMENT ON COLUMN score_change.previous_run_id IS 'The run that published the version before this one (never null here: a first publication, also the first after a removal, changes nothing that was published, and score_revision lists it).';
