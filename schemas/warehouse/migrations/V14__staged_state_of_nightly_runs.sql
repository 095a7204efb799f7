-- Which staged state a nightly run scored. A night that finds no new files skips scoring when the
-- latest run from its data directory that published here published that very state. The mark used to be written into the
-- staging manifest after publishing, a second write that could fail once the scores were
-- already published (the run then said it published nothing); here it is set before the
-- publishing transaction and counts only once that transaction marks the run succeeded.
ALTER TABLE pipeline_run ADD COLUMN staged_state text;
COMMENT ON COLUMN pipeline_run.staged_state IS 'Nightly runs of the default scope: the identifier of the staging area state the run scored (a new one each time new files are merged in). A later night without new files publishes nothing when the latest run from the same data directory that published here holds its state''s identifier (a night given a year, regions or an as-of date and an analyst''s run record none, so the next plain night publishes again). Null for other runs.';
