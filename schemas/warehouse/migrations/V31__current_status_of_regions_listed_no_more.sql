-- bi_pass_status.is_latest_year stayed true on the last year of a county merged away when the
-- first run without it published a year the county never had: nothing of the county was taken
-- out (region_year_removal holds only years a run replaced), so its old status stood as current
-- beside the city's later total, computed without it. The region table cannot tell: it keeps
-- each region's latest listing only, shared by every data directory (two cities' deliveries both
-- list their province; an analyst's folder may list a city alone). So every publishing run now
-- records the regions its regions.csv listed (run_region), and a region-year is no longer current
-- when the latest recorded listing of the data directory that published it leaves the region out.
--
-- score_change.previous_run_id got score_revision's comment back in V28 ("null for the first
-- publication"), though score_change lists only versions that had one before: never null there.

CREATE TABLE run_region (
    run_id       bigint NOT NULL REFERENCES pipeline_run (run_id),
    region_code  text NOT NULL,
    PRIMARY KEY (run_id, region_code)
);
COMMENT ON TABLE run_region IS 'The regions each publishing run''s regions.csv listed (from warehouse version 31 on): what tells a region its delivery no longer lists (bi_pass_status.is_latest_year). About 3,800 narrow rows per national run.';
COMMENT ON COLUMN run_region.run_id IS 'The publishing run (pipeline_run.run_id).';
COMMENT ON COLUMN run_region.region_code IS 'A region its regions.csv listed (region.region_code).';

CREATE OR REPLACE VIEW bi_pass_status AS
WITH latest_listing AS MATERIALIZED (
    -- Per data directory, the latest run whose regions.csv is recorded (run_region); worked out
    -- once (a row per data directory), not again for every evaluation row.
    SELECT DISTINCT ON (p.data_dir) p.data_dir, p.run_id
    FROM pipeline_run p
    WHERE EXISTS (SELECT 1 FROM run_region l WHERE l.run_id = p.run_id)
    ORDER BY p.data_dir, p.run_id DESC)
SELECT er.region_code,
       r.region_name,
       r.level AS region_level,
       r.parent_code AS parent_region_code,
       pr.region_name AS parent_region_name,
       er.eval_year,
       -- Not for a region taken out of a later year, nor for one that the folder which published
       -- it no longer lists in its latest regions.csv.
       er.eval_year = max(er.eval_year) OVER (PARTITION BY er.region_code)
           AND NOT EXISTS (SELECT 1 FROM region_year_removal x
                           WHERE x.region_code = er.region_code AND x.eval_year > er.eval_year)
           AND NOT EXISTS (SELECT 1 FROM latest_listing ll
                           WHERE ll.data_dir = run.data_dir AND ll.run_id > er.run_id
                             AND NOT EXISTS (SELECT 1 FROM run_region l
                                             WHERE l.run_id = ll.run_id AND l.region_code = er.region_code)) AS is_latest_year,
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
COMMENT ON COLUMN bi_pass_status.is_latest_year IS 'True for the latest evaluation year published for the region: filter on it for a "current status" dashboard. False on every year of a region a full run took out of a later year (region_year_removal), and of one that the latest regions.csv of the data directory which published it no longer lists (a county merged away; run_region, recorded from warehouse version 31 on).';

COMMENT ON COLUMN score_change.previous_run_id IS 'The run that published the version before this one (never null here: a first publication, also the first after a removal, changes nothing that was published, and score_revision lists it).';
