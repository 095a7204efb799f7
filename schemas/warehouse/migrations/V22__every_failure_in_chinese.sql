-- Since this version every failed run says why in Chinese too, not only a failure on the
-- delivered files: the data directory missing or empty, the staging area damaged, the
-- warehouse lock held by another run, the job stopped, a run whose process died (closed by the
-- next run). A failure that has no Chinese text of its own (a driver's or Spark's message) is
-- said by its kind — bad input, the environment, the job — with where the English details are,
-- so that the dashboards' banner is never empty for a failed run. Only comments change.
COMMENT ON COLUMN pipeline_run.error_zh IS 'error in Chinese; for a failure without Chinese text of its own (a database or Spark message), its kind (输入数据 / 运行环境 / 作业出错) and where the details are. Null when the run did not fail; a failed run before warehouse version 22 has it only when it failed on the delivered files, and none before version 21.';
COMMENT ON COLUMN bi_run_status.latest_run_error_zh IS 'latest_run_error in Chinese (the English one for a run that failed before warehouse version 22 on something other than the delivered files); null when it succeeded.';
