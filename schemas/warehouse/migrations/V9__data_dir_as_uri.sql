-- pipeline_run.data_dir was recorded as given on the command line, so a relative path
-- ("sample-data") did not say where the run read from. It is now the absolute location as a URI.
COMMENT ON COLUMN pipeline_run.data_dir IS 'Data directory the extracts were read from, as a URI: file:/absolute/path for a local directory (however it was given), else hdfs://… or s3a://… as given.';
