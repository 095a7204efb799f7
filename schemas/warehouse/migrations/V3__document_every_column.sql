-- Comments on every table and column that V1 and V2 left undocumented, so that the data
-- dictionary (schemas/warehouse/DATA-DICTIONARY.md, generated from these comments) describes
-- every published name a dashboard or an analyst can select. Comments only: no data changes.

-- pipeline_run
COMMENT ON COLUMN pipeline_run.run_id IS 'Run identifier, increasing with every run; the run_id of every published row points here.';
COMMENT ON COLUMN pipeline_run.started_at IS 'When the run registered itself (before reading any input).';
COMMENT ON COLUMN pipeline_run.finished_at IS 'When the run ended: succeeded (set in the transaction that published its scores) or failed; null while running.';
COMMENT ON COLUMN pipeline_run.command IS 'The job command that ran: run, nightly, backfill or validate.';
COMMENT ON COLUMN pipeline_run.edition IS 'Indicator-system edition the run scored with (e.g. 2022).';
COMMENT ON COLUMN pipeline_run.eval_years IS 'Evaluation years the run scored (several for a backfill); null when none was resolved.';
COMMENT ON COLUMN pipeline_run.as_of IS 'The --as-of date (stock figures and completion cut-off); null means 31 December of each evaluation year.';
COMMENT ON COLUMN pipeline_run.regions IS 'Region codes the run was limited to (--regions); null means every region of regions.csv.';
COMMENT ON COLUMN pipeline_run.items IS 'Item or indicator codes the run recomputed (--items); null means all of them.';
COMMENT ON COLUMN pipeline_run.data_dir IS 'Data directory the extracts were read from (local path, hdfs:// or s3a:// URI).';
COMMENT ON COLUMN pipeline_run.rows_read IS 'Data rows read from every input file of the run.';
COMMENT ON COLUMN pipeline_run.rows_quarantined IS 'Rows set aside by validation (listed in quarantined_row).';
COMMENT ON COLUMN pipeline_run.error IS 'Why a failed run failed; null otherwise.';
COMMENT ON COLUMN pipeline_run.host IS 'Host name of the machine that ran the job.';
COMMENT ON COLUMN pipeline_run.app_version IS 'Version of the job that ran.';

-- run_input_file
COMMENT ON COLUMN run_input_file.run_id IS 'The run that read the file (pipeline_run.run_id).';
COMMENT ON COLUMN run_input_file.extract IS 'Extract the file belongs to (its folder in the data directory, e.g. dispatches).';
COMMENT ON COLUMN run_input_file.path IS 'Path of the file relative to the data directory, e.g. dispatches/dispatches-2024.csv.';
COMMENT ON COLUMN run_input_file.sha256 IS 'SHA-256 checksum of the file as read (hex).';
COMMENT ON COLUMN run_input_file.bytes IS 'Size of the file in bytes.';
COMMENT ON COLUMN run_input_file.rows_read IS 'Data rows read from the file (header excluded).';
COMMENT ON COLUMN run_input_file.rows_quarantined IS 'Rows of the file set aside by validation.';
COMMENT ON COLUMN run_input_file.encoding IS 'Character encoding the file was read with: UTF-8, UTF-8 (BOM) or GB18030 (files that are not valid UTF-8).';
COMMENT ON COLUMN run_input_file.extra_columns IS 'Header columns the extract contract does not know (ignored).';
COMMENT ON COLUMN run_input_file.problem IS 'A problem with the whole file (missing required column, malformed CSV) that kept its rows out; null when the file was read.';

-- quarantined_row
COMMENT ON COLUMN quarantined_row.run_id IS 'The run that set the row aside (pipeline_run.run_id).';
COMMENT ON COLUMN quarantined_row.extract IS 'Extract the row was delivered in.';
COMMENT ON COLUMN quarantined_row.file IS 'File the row came from, relative to the data directory.';
COMMENT ON COLUMN quarantined_row.line IS 'Line number of the row in its file (the header is line 1).';
COMMENT ON COLUMN quarantined_row.column_name IS 'Column at fault; null when the row as a whole is at fault (e.g. wrong number of fields, conflicting versions).';
COMMENT ON COLUMN quarantined_row.reason IS 'Why the row was set aside, in words a data clerk can act on.';
COMMENT ON COLUMN quarantined_row.raw_line IS 'The line as delivered.';

-- run_extract
COMMENT ON COLUMN run_extract.run_id IS 'The run (pipeline_run.run_id).';
COMMENT ON COLUMN run_extract.extract IS 'Extract name (folder of the data directory), e.g. operators, dispatches, retail.';
COMMENT ON COLUMN run_extract.delivered IS 'Whether the delivery had at least one file of this extract.';
COMMENT ON COLUMN run_extract.files IS 'Number of files of the extract that the run read.';
COMMENT ON COLUMN run_extract.rows_read IS 'Data rows read from the extract''s files.';
COMMENT ON COLUMN run_extract.rows_quarantined IS 'Rows of the extract set aside by validation.';
COMMENT ON COLUMN run_extract.conflicting_keys IS 'Keys delivered twice with the same version and different values (both rows set aside; the items needing them get data_error).';

-- region
COMMENT ON COLUMN region.region_code IS 'GB/T 2260 administrative division code (6 digits), e.g. 140800 运城市.';
COMMENT ON COLUMN region.region_name IS 'Chinese name of the region, e.g. 运城市, 盐湖区.';
COMMENT ON COLUMN region.parent_code IS 'Region code of the parent (a county''s city, a city''s province); null at the top of the delivery.';
COMMENT ON COLUMN region.level IS 'Administrative level: province, city or county.';
COMMENT ON COLUMN region.economic_zone IS 'Economic zone (east, central, west): selects zone-dependent thresholds such as the above-scale sales of indicator 4.';
COMMENT ON COLUMN region.run_id IS 'The run that last delivered this region row.';

-- edition, edition_category, edition_indicator
COMMENT ON TABLE edition IS 'Indicator-system editions the pipeline has published with: title, total points and the pass rule.';
COMMENT ON COLUMN edition.edition IS 'Edition identifier, e.g. 2022 (the 2022 trial edition).';
COMMENT ON COLUMN edition.title_zh IS 'Chinese title, e.g. 全国网络市场监管与服务示范区创建评估指标体系（2022年试行版）.';
COMMENT ON COLUMN edition.title_en IS 'English title.';
COMMENT ON COLUMN edition.total_points IS 'Maximum total points (100 in 2022).';
COMMENT ON COLUMN edition.pass_total_at_least IS 'Pass rule: the total must be at least this (85 in 2022).';
COMMENT ON COLUMN edition.pass_first_level_share IS 'Pass rule: every first-level category must reach at least this share of its maximum (0.75 in 2022).';

COMMENT ON TABLE edition_category IS 'Category tree of each edition: first-level categories (e.g. development 促进发展) and their second-level categories (e.g. development.scale 发展规模).';
COMMENT ON COLUMN edition_category.edition IS 'Edition the category belongs to (edition.edition).';
COMMENT ON COLUMN edition_category.category_code IS 'Category code: first level e.g. development, second level e.g. development.scale.';
COMMENT ON COLUMN edition_category.level IS 'first (一级指标) or second (二级指标).';
COMMENT ON COLUMN edition_category.parent_code IS 'The first-level category of a second-level one; null for a first-level category.';
COMMENT ON COLUMN edition_category.name_zh IS 'Chinese name, e.g. 促进发展, 发展规模.';
COMMENT ON COLUMN edition_category.name_en IS 'English name, e.g. Promoting development.';
COMMENT ON COLUMN edition_category.max_points IS 'Maximum points of the category.';
COMMENT ON COLUMN edition_category.sort_order IS 'Position in the edition (each first-level category before its second-level ones); sort by it to show the tree in the official order.';

COMMENT ON COLUMN edition_indicator.edition IS 'Edition the indicator or item belongs to (edition.edition).';
COMMENT ON COLUMN edition_indicator.indicator_code IS 'Indicator code (1 to 41) or sub-item code (e.g. 11.1).';
COMMENT ON COLUMN edition_indicator.level IS 'indicator (三级指标, 1 to 41) or item (a sub-item of an indicator, e.g. 11.1).';
COMMENT ON COLUMN edition_indicator.parent_code IS 'The indicator of a sub-item (11 for 11.1); null for an indicator.';
COMMENT ON COLUMN edition_indicator.category_code IS 'Second-level category the indicator belongs to, e.g. regulation.supervision.';
COMMENT ON COLUMN edition_indicator.name_zh IS 'Chinese name as in the indicator system, e.g. 网上零售额同比增速.';
COMMENT ON COLUMN edition_indicator.name_en IS 'English name.';
COMMENT ON COLUMN edition_indicator.max_points IS 'Maximum points.';
COMMENT ON COLUMN edition_indicator.kind IS 'computed (from the extracts) or assessed (points from expert assessment); null for an indicator whose sub-items carry the kind.';
COMMENT ON COLUMN edition_indicator.computation IS 'For a computed item, the computation that measures it (e.g. online_retail_growth); null otherwise.';
COMMENT ON COLUMN edition_indicator.criterion_zh IS 'The scoring criterion in the words of the indicator system (评分标准), where the edition states one.';
COMMENT ON COLUMN edition_indicator.sort_order IS 'Position in the edition (each indicator before its sub-items); sort by it to list indicators in the official order.';

-- indicator_score
COMMENT ON COLUMN indicator_score.region_code IS 'Region scored (region.region_code).';
COMMENT ON COLUMN indicator_score.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN indicator_score.indicator_code IS 'Indicator (e.g. 11) or sub-item (e.g. 11.1) code (edition_indicator.indicator_code).';
COMMENT ON COLUMN indicator_score.level IS 'indicator or item; an indicator without sub-items (e.g. 3) is one indicator row.';
COMMENT ON COLUMN indicator_score.points IS 'Points awarded; an indicator''s points are the sum of its sub-items'' points.';
COMMENT ON COLUMN indicator_score.max_points IS 'Maximum points of the indicator or item in the edition.';
COMMENT ON COLUMN indicator_score.status IS 'scored, or why not: missing_data (an input is missing), no_records (nothing to measure), data_error (inputs unusable), not_assessed (no assessment). Every status but scored gives 0 points. An indicator is scored when all its sub-items are, else it carries the most severe of their statuses (missing_data, data_error, no_records, not_assessed, in that order).';
COMMENT ON COLUMN indicator_score.numerator IS 'Numerator of the headline ratio (e.g. leads verified on time); null when the value is not a ratio or not measured.';
COMMENT ON COLUMN indicator_score.denominator IS 'Denominator of the headline ratio (e.g. leads dispatched); null when the value is not a ratio or not measured.';
COMMENT ON COLUMN indicator_score.edition IS 'Indicator-system edition the row was scored with.';
COMMENT ON COLUMN indicator_score.run_id IS 'The run that published this version (pipeline_run.run_id).';

-- category_score
COMMENT ON COLUMN category_score.region_code IS 'Region scored (region.region_code).';
COMMENT ON COLUMN category_score.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN category_score.category_code IS 'Category code (edition_category.category_code), e.g. development or development.scale.';
COMMENT ON COLUMN category_score.level IS 'first or second.';
COMMENT ON COLUMN category_score.points IS 'Points of the category: the sum of its indicators (second level) or of its second-level categories (first level).';
COMMENT ON COLUMN category_score.max_points IS 'Maximum points of the category in the edition.';
COMMENT ON COLUMN category_score.edition IS 'Indicator-system edition the row was scored with.';
COMMENT ON COLUMN category_score.run_id IS 'The run that published this version (pipeline_run.run_id).';

-- evaluation_result
COMMENT ON COLUMN evaluation_result.region_code IS 'Region evaluated (region.region_code).';
COMMENT ON COLUMN evaluation_result.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN evaluation_result.total_points IS 'Total points (sum of the first-level categories).';
COMMENT ON COLUMN evaluation_result.max_points IS 'Maximum total of the edition (100 in 2022).';
COMMENT ON COLUMN evaluation_result.passed IS 'Pass under the edition''s rule: total >= 85 and every first-level category >= 75% of its maximum (2022).';
COMMENT ON COLUMN evaluation_result.failing_categories IS 'Codes of the first-level categories below the required share, in edition order; empty when none.';
COMMENT ON COLUMN evaluation_result.items_needing_attention IS 'Number of items with a status other than scored (the length of needs_attention).';
-- V1 said [{item, status, reason}]; the publisher (ScoreRows) also writes the item's Chinese name.
COMMENT ON COLUMN evaluation_result.needs_attention IS 'Items with a status other than scored, in edition order: [{item, name_zh, status, reason}] (one row each in bi_needs_attention).';
COMMENT ON COLUMN evaluation_result.as_of IS 'Date the stock figures and completion cut-off were taken at.';
COMMENT ON COLUMN evaluation_result.edition IS 'Indicator-system edition the region was evaluated with.';
COMMENT ON COLUMN evaluation_result.run_id IS 'The run that published this version (pipeline_run.run_id).';

-- The history tables hold the same columns with the same meaning as the current tables (they
-- are created LIKE them, which does not copy comments): copy the comments so that the two can
-- never be described differently.
DO $$
DECLARE
    pair text[];
    col record;
BEGIN
    FOREACH pair SLICE 1 IN ARRAY ARRAY[['indicator_score', 'indicator_score_history'],
                                         ['category_score', 'category_score_history'],
                                         ['evaluation_result', 'evaluation_result_history']]
    LOOP
        FOR col IN
            SELECT a.attname, col_description(a.attrelid, a.attnum) AS comment
            FROM pg_attribute a
            WHERE a.attrelid = to_regclass(pair[1]) AND a.attnum > 0 AND NOT a.attisdropped
        LOOP
            EXECUTE format('COMMENT ON COLUMN %I.%I IS %L', pair[2], col.attname, col.comment);
        END LOOP;
    END LOOP;
END
$$;
COMMENT ON COLUMN indicator_score_history.run_id IS 'The run that published this version (pipeline_run.run_id); with the region, year and code, the key of a version.';
COMMENT ON COLUMN category_score_history.run_id IS 'The run that published this version (pipeline_run.run_id); with the region, year and category, the key of a version.';
COMMENT ON COLUMN evaluation_result_history.run_id IS 'The run that published this version (pipeline_run.run_id); with the region and year, the key of a version.';

-- score_revision, and score_change (which selects * from it)
COMMENT ON COLUMN score_revision.region_code IS 'Region (region.region_code).';
COMMENT ON COLUMN score_revision.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN score_revision.indicator_code IS 'Indicator or sub-item code.';
COMMENT ON COLUMN score_revision.level IS 'indicator or item.';
COMMENT ON COLUMN score_revision.run_id IS 'The run that published this version.';
COMMENT ON COLUMN score_revision.published_at IS 'When that run published (pipeline_run.finished_at).';
COMMENT ON COLUMN score_revision.mode IS 'Mode of that run: nightly, adhoc or backfill.';
COMMENT ON COLUMN score_revision.points IS 'Points in this version.';
COMMENT ON COLUMN score_revision.status IS 'Status in this version (scored, missing_data, no_records, data_error, not_assessed).';
COMMENT ON COLUMN score_revision.value IS 'Computed value in this version.';
COMMENT ON COLUMN score_revision.previous_run_id IS 'The run that published the version before this one; null for the first publication.';
COMMENT ON COLUMN score_revision.previous_points IS 'Points in the version before.';
COMMENT ON COLUMN score_revision.previous_status IS 'Status in the version before.';
COMMENT ON COLUMN score_revision.previous_value IS 'Computed value in the version before.';
COMMENT ON COLUMN score_revision.points_change IS 'points - previous_points; null for the first publication.';
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

-- item_lineage
COMMENT ON COLUMN item_lineage.region_code IS 'Region (region.region_code).';
COMMENT ON COLUMN item_lineage.eval_year IS 'Evaluation year.';
COMMENT ON COLUMN item_lineage.indicator_code IS 'Computed item (or indicator without sub-items) code.';
COMMENT ON COLUMN item_lineage.points IS 'Points published (indicator_score.points).';
COMMENT ON COLUMN item_lineage.max_points IS 'Maximum points of the item.';
COMMENT ON COLUMN item_lineage.status IS 'Status published (indicator_score.status).';
COMMENT ON COLUMN item_lineage.reason IS 'Why the item is not scored; null when scored.';
COMMENT ON COLUMN item_lineage.value IS 'Computed headline value (ratio, rate or count).';
COMMENT ON COLUMN item_lineage.numerator IS 'Numerator of the headline ratio.';
COMMENT ON COLUMN item_lineage.denominator IS 'Denominator of the headline ratio.';
COMMENT ON COLUMN item_lineage.comparison_value IS 'What the value was compared with (national figure, own growth or threshold).';
COMMENT ON COLUMN item_lineage.edition IS 'Edition the item was scored with.';
COMMENT ON COLUMN item_lineage.run_id IS 'The run that published the item.';
COMMENT ON COLUMN item_lineage.extract IS 'One extract the item is computed from (one row per extract).';
COMMENT ON COLUMN item_lineage.delivered IS 'Whether that run''s delivery had this extract; null when the run recorded no counts for it.';
COMMENT ON COLUMN item_lineage.rows_read IS 'Rows of the extract read by that run.';
COMMENT ON COLUMN item_lineage.rows_quarantined IS 'Rows of the extract set aside by that run.';
COMMENT ON COLUMN item_lineage.rows_used IS 'Rows of the extract used after validation and deduplication.';
COMMENT ON COLUMN item_lineage.conflicting_keys IS 'Keys of the extract with conflicting versions in that run.';
COMMENT ON COLUMN item_lineage.files IS 'The extract''s files read by that run: [{path, sha256, rows_read, rows_quarantined, encoding}].';
COMMENT ON COLUMN item_lineage.detail IS 'Every observation of the item, the extracts it needs and its criterion (indicator_score.detail).';
