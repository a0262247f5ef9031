-- A lane's claim looked up each candidate's incident by scanning the whole lane (decision 0060).
-- PostgreSQL estimates a lane's pending attempts at one row (pending ones are few when the table
-- is analysed), so for the per-incident check ("is an earlier attempt of this incident still
-- pending?") it took this index, or the order index on the lane alone, over the order index on
-- the incident: every candidate then read every pending attempt of the lane, and a storm's claim
-- of 32 attempts from a backlog of 2,000 read 4,000,000 index entries.
--
-- The due index now covers only attempts `next_attempt_at < 'infinity'`, true of every attempt,
-- so that only a statement that says so can use it: the lane's scans by due time say it
-- (isScheduled in lane-repository.ts), the per-incident check does not. It also orders each
-- lane's attempts due at the same moment in event order, as the claim takes them.
DROP INDEX notification_attempts_lane_due_idx;
CREATE INDEX notification_attempts_lane_due_idx ON notification_attempts (org_id, recipient_id, next_attempt_at, event_seq)
  WHERE status = 'pending' AND next_attempt_at < 'infinity';
