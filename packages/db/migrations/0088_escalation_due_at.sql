-- When the incident's next escalation step is due: written with the step that schedules it (null
-- when there is none). A job that carries the steps of many incidents fires one only while the row
-- still says that time (decision 0065): after an acknowledgement and a retrigger the step counter
-- comes back to the same step, and only the time tells a job left from before.
ALTER TABLE incidents ADD COLUMN escalation_due_at timestamptz;
