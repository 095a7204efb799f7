-- The published warehouse of the demonstration-zone scoring pipeline (schema netmarket).
-- BI dashboards and analysts' SQL depend on these names: add, never rename or drop without a
-- migration that keeps them readable. Flyway applies this on first contact with a database.

-- Every run of the pipeline, succeeded or not.
CREATE TABLE pipeline_run (
    run_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    status            text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    mode              text NOT NULL CHECK (mode IN ('nightly', 'adhoc', 'backfill')),
    command           text NOT NULL,
    edition           text,
    eval_years        integer[],
    as_of             date,
    regions           text[],
    items             text[],
    data_dir          text,
    parameters        jsonb NOT NULL DEFAULT '{}'::jsonb,
    input_files       jsonb NOT NULL DEFAULT '[]'::jsonb,
    rows_read         bigint,
    rows_quarantined  bigint,
    error             text,
    host              text,
    app_version       text
);
COMMENT ON TABLE pipeline_run IS 'One row per pipeline run: mode, parameters, inputs (files with row counts and checksums), rows quarantined, outcome.';
COMMENT ON COLUMN pipeline_run.status IS 'running while the run works; succeeded once its scores are published (same transaction); failed with the reason in error.';
COMMENT ON COLUMN pipeline_run.mode IS 'nightly (scheduled), adhoc (an analyst by hand) or backfill (a range of years).';
COMMENT ON COLUMN pipeline_run.parameters IS 'The run''s parameters (data directory, years, as-of date, regions, items, edition, flags); never credentials.';
COMMENT ON COLUMN pipeline_run.input_files IS 'Every input file read: extract, path, sha256, bytes, rows read and quarantined, encoding.';

-- Input files of a run, one row each (lineage).
CREATE TABLE run_input_file (
    run_id            bigint NOT NULL REFERENCES pipeline_run (run_id) ON DELETE CASCADE,
    extract           text NOT NULL,
    path              text NOT NULL,
    sha256            text,
    bytes             bigint,
    rows_read         bigint NOT NULL,
    rows_quarantined  bigint NOT NULL,
    encoding          text,
    extra_columns     text[] NOT NULL DEFAULT '{}',
    problem           text,
    PRIMARY KEY (run_id, path)
);
COMMENT ON TABLE run_input_file IS 'Lineage: every file a run read, with checksum, rows read and quarantined, encoding and columns the contract does not know.';

-- Rows set aside by a run, with the reason a data clerk can act on.
CREATE TABLE quarantined_row (
    run_id       bigint NOT NULL REFERENCES pipeline_run (run_id) ON DELETE CASCADE,
    extract      text NOT NULL,
    file         text NOT NULL,
    line         bigint NOT NULL,
    column_name  text,
    reason       text NOT NULL,
    raw_line     text
);
CREATE INDEX quarantined_row_run ON quarantined_row (run_id, extract);
COMMENT ON TABLE quarantined_row IS 'Rows a run set aside: file, line, raw line as delivered, column at fault and reason (type/format/range/reference errors, conflicting versions).';

-- Reference: the region tree as last delivered in regions.csv.
CREATE TABLE region (
    region_code    text PRIMARY KEY,
    region_name    text NOT NULL,
    parent_code    text,
    level          text NOT NULL,
    economic_zone  text NOT NULL,
    run_id         bigint NOT NULL
);
COMMENT ON TABLE region IS 'The region tree of regions.csv (GB/T 2260 codes) as of the last published run.';

-- The indicator system editions the pipeline has published with.
CREATE TABLE edition (
    edition                  text PRIMARY KEY,
    title_zh                 text,
    title_en                 text,
    total_points             numeric NOT NULL,
    pass_total_at_least      numeric NOT NULL,
    pass_first_level_share   numeric NOT NULL
);
CREATE TABLE edition_category (
    edition        text NOT NULL REFERENCES edition (edition),
    category_code  text NOT NULL,
    level          text NOT NULL CHECK (level IN ('first', 'second')),
    parent_code    text,
    name_zh        text NOT NULL,
    name_en        text,
    max_points     numeric NOT NULL,
    sort_order     integer NOT NULL,
    PRIMARY KEY (edition, category_code)
);
CREATE TABLE edition_indicator (
    edition         text NOT NULL REFERENCES edition (edition),
    indicator_code  text NOT NULL,
    level           text NOT NULL CHECK (level IN ('indicator', 'item')),
    parent_code     text,
    category_code   text NOT NULL,
    name_zh         text NOT NULL,
    name_en         text,
    max_points      numeric NOT NULL,
    kind            text,
    computation     text,
    criterion_zh    text,
    sort_order      integer NOT NULL,
    PRIMARY KEY (edition, indicator_code)
);
COMMENT ON TABLE edition_indicator IS 'Indicators and items of each edition with Chinese and English names, maxima and how they are scored.';

-- Current published scores (one version per region, year and code) ...
CREATE TABLE indicator_score (
    region_code       text NOT NULL,
    eval_year         integer NOT NULL,
    indicator_code    text NOT NULL,
    level             text NOT NULL CHECK (level IN ('indicator', 'item')),
    points            numeric NOT NULL,
    max_points        numeric NOT NULL,
    status            text NOT NULL CHECK (status IN ('scored', 'missing_data', 'no_records', 'data_error', 'not_assessed')),
    value             numeric,
    comparison_value  numeric,
    numerator         numeric,
    denominator       numeric,
    reason            text,
    detail            jsonb,
    edition           text NOT NULL,
    run_id            bigint NOT NULL REFERENCES pipeline_run (run_id),
    PRIMARY KEY (region_code, eval_year, indicator_code)
);
COMMENT ON TABLE indicator_score IS 'Current published points per region, evaluation year and code: items (level item, e.g. 11.1) and indicators (level indicator, e.g. 11; an indicator without sub-items such as 3 is one indicator row carrying its item''s status).';
COMMENT ON COLUMN indicator_score.value IS 'The computed ratio, rate or count of the headline observation (evaluation year); null for assessed items and unscored items.';
COMMENT ON COLUMN indicator_score.comparison_value IS 'What the value was compared with: a published national figure, the region''s own total-retail growth, or the edition threshold.';
COMMENT ON COLUMN indicator_score.detail IS 'Every observation (label, value, numerator, denominator, comparison, passed), the extracts the item needs, assessment evidence.';
COMMENT ON COLUMN indicator_score.reason IS 'Why an item is not scored (missing_data, data_error, no_records, not_assessed), in words an analyst can act on.';

CREATE TABLE category_score (
    region_code    text NOT NULL,
    eval_year      integer NOT NULL,
    category_code  text NOT NULL,
    level          text NOT NULL CHECK (level IN ('first', 'second')),
    points         numeric NOT NULL,
    max_points     numeric NOT NULL,
    meets_share    boolean NOT NULL,
    edition        text NOT NULL,
    run_id         bigint NOT NULL REFERENCES pipeline_run (run_id),
    PRIMARY KEY (region_code, eval_year, category_code)
);
COMMENT ON TABLE category_score IS 'Current published points per region, year and category (first level e.g. development, second level e.g. development.scale).';
COMMENT ON COLUMN category_score.meets_share IS 'First level: points >= the pass share of max (75% in 2022). Second level: always true.';

CREATE TABLE evaluation_result (
    region_code           text NOT NULL,
    eval_year             integer NOT NULL,
    total_points          numeric NOT NULL,
    max_points            numeric NOT NULL,
    passed                boolean NOT NULL,
    failing_categories    text[] NOT NULL DEFAULT '{}',
    needs_attention       jsonb NOT NULL DEFAULT '[]'::jsonb,
    items_needing_attention integer NOT NULL DEFAULT 0,
    as_of                 date NOT NULL,
    edition               text NOT NULL,
    run_id                bigint NOT NULL REFERENCES pipeline_run (run_id),
    PRIMARY KEY (region_code, eval_year)
);
COMMENT ON TABLE evaluation_result IS 'Current published evaluation per region and year: total, pass/fail under the edition''s rule, failing first-level categories and the items needing attention.';
COMMENT ON COLUMN evaluation_result.needs_attention IS 'Items with a status other than scored: [{item, status, reason}].';

-- ... and every version ever published, by run (history).
CREATE TABLE indicator_score_history (LIKE indicator_score INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE indicator_score_history ADD PRIMARY KEY (run_id, region_code, eval_year, indicator_code);
CREATE TABLE category_score_history (LIKE category_score INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE category_score_history ADD PRIMARY KEY (run_id, region_code, eval_year, category_code);
CREATE TABLE evaluation_result_history (LIKE evaluation_result INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE evaluation_result_history ADD PRIMARY KEY (run_id, region_code, eval_year);
COMMENT ON TABLE indicator_score_history IS 'Every published version of indicator_score, by run_id (what was published before and after a recomputation).';
COMMENT ON TABLE category_score_history IS 'Every published version of category_score, by run_id.';
COMMENT ON TABLE evaluation_result_history IS 'Every published version of evaluation_result, by run_id.';
