-- Since this version a run refused for options the data cannot answer (a year outside the
-- data, a region not in regions.csv, an as-of date before the year, --items of a region never
-- published) says so in Chinese in pipeline_run.error_zh, and any other such refusal is said by
-- its kind, 运行参数与数据不符, rather than as a defect of the job (作业出错). Only comments change.
COMMENT ON COLUMN pipeline_run.error_zh IS 'error in Chinese; for a failure without Chinese text of its own (a database or Spark message), its kind (输入数据 / 运行参数 / 运行环境 / 作业出错) and where the details are. Null when the run did not fail; a failed run before warehouse version 22 has it only when it failed on the delivered files, and none before version 21; before version 23 a run refused for its options said 作业出错.';
