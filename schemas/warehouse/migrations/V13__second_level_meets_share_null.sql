-- The pass share (75% in 2022) is a rule of first-level categories only. category_score stored
-- true for every second-level row, which read as "innovation.work at 3 of 12 meets its share";
-- a second-level row now holds null there (no rule), as bi_category_score already showed it.
ALTER TABLE category_score ALTER COLUMN meets_share DROP NOT NULL;
ALTER TABLE category_score_history ALTER COLUMN meets_share DROP NOT NULL;
UPDATE category_score SET meets_share = NULL WHERE level = 'second';
UPDATE category_score_history SET meets_share = NULL WHERE level = 'second';
ALTER TABLE category_score ADD CONSTRAINT category_score_share_of_first_level
    CHECK ((level = 'first') = (meets_share IS NOT NULL));
ALTER TABLE category_score_history ADD CONSTRAINT category_score_history_share_of_first_level
    CHECK ((level = 'first') = (meets_share IS NOT NULL));
COMMENT ON COLUMN category_score.meets_share IS 'First level: points >= the pass share of max (75% in 2022). Null for second level (the pass rule has no share for it).';
COMMENT ON COLUMN category_score_history.meets_share IS 'First level: points >= the pass share of max (75% in 2022). Null for second level (the pass rule has no share for it).';
