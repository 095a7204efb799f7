-- The region a quarantined row is about, so that a county's analyst can list the rows of their
-- own county that were set aside (why did an item of ours get data_error or fewer rows?)
-- without searching the raw lines for the code.
ALTER TABLE quarantined_row ADD COLUMN region_code text;
COMMENT ON COLUMN quarantined_row.region_code IS 'The region the row is about, when it names one the run knows: the region_code of a rejected row whose region field holds a code of regions.csv, and of a row of a conflicting key. Null when the row has no region of its own (sales, whose region is their operator''s; rows of regions.csv) or names no known region (then the reason may be just that).';
CREATE INDEX quarantined_row_region ON quarantined_row (region_code, run_id) WHERE region_code IS NOT NULL;
