-- A deleted notification target is kept, marked deleted, so that incidents' delivery history keeps
-- what was sent where, under the target's name and type (decision 0057). Its credentials go: the
-- delete erases its config and signing secret. It is disabled too, and stays so: whatever sends
-- reads only enabled targets.
ALTER TABLE notification_targets
  ADD COLUMN deleted_at timestamptz(3),
  ADD CONSTRAINT notification_targets_deleted_disabled CHECK (deleted_at IS NULL OR NOT enabled);

-- History outlives its target: deleting a target's row would now be refused, not take its attempts.
ALTER TABLE notification_attempts
  DROP CONSTRAINT notification_attempts_org_id_target_id_fkey,
  ADD CONSTRAINT notification_attempts_org_id_target_id_fkey FOREIGN KEY (org_id, target_id) REFERENCES notification_targets (org_id, id);

-- An attempt not sent because its recipient went away first (its target was deleted).
ALTER TYPE notification_attempt_status ADD VALUE 'cancelled';
