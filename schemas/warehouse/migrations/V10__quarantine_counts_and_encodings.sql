-- What the counts and encodings of a run's files say, as the job now records them: a file's
-- set-aside rows include those it lost to conflicting versions or unknown references (decided
-- after the file was read), so the files of an extract add up to what quarantined_row lists;
-- a file that is not text (an Excel workbook renamed to .csv) or is UTF-16 is recorded as such.

COMMENT ON COLUMN pipeline_run.rows_quarantined IS 'Rows set aside: invalid, conflicting versions, unknown references (listed in quarantined_row).';
COMMENT ON COLUMN run_extract.rows_quarantined IS 'Rows of the extract set aside: invalid, conflicting versions, unknown references.';
COMMENT ON COLUMN run_input_file.rows_quarantined IS 'Rows of the file set aside by the run that read it: invalid rows, and rows of keys with conflicting versions or unknown references (each file counts its own rows of such a key, so the files add up to the extract); for a file staged by an earlier run, as that run counted them (null when unknown: staged by an older job version). Rows of such a file set aside later, when a new file conflicts with them, are in the later run''s quarantined_row only.';
COMMENT ON COLUMN run_input_file.encoding IS 'Character encoding the file was read with: UTF-8, UTF-8 (BOM) or GB18030 (files that are not valid UTF-8); UTF-16 or binary for a file that failed as not CSV text (an Excel workbook, a PDF); null when unknown (a file staged by an older job version).';
