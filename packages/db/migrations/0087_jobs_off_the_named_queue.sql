-- Escalation steps, snooze and acknowledgement-timeout returns, and notification rules were added
-- to graphile-worker's named queue `critical`, whose jobs graphile-worker runs one at a time,
-- whatever their org: a storm's first pages waited for each other. They are now added without a
-- queue (decision 0064); the jobs still waiting on it leave it too. On a new database
-- graphile-worker's schema is made after these migrations, and there is nothing to move.
DO $$
BEGIN
  IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN
    UPDATE graphile_worker._private_jobs
       SET job_queue_id = NULL
     WHERE job_queue_id IN (SELECT id FROM graphile_worker._private_job_queues WHERE queue_name = 'critical');
  END IF;
END
$$;
