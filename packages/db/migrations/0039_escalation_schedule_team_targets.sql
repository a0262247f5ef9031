-- Escalation levels may page whoever is on call on a schedule, or the people of a team (its
-- managers or its members only, with team_role), resolved when the level fires.
ALTER TABLE escalation_level_targets
  ADD COLUMN schedule_id uuid,
  ADD COLUMN team_id     uuid,
  -- With team_id: only the team's people of this role; null: all of them.
  ADD COLUMN team_role   team_role,
  -- A schedule or team that a policy pages cannot be deleted (the API answers 409 naming the
  -- policies); the default NO ACTION backs that up against a policy saved meanwhile.
  ADD FOREIGN KEY (org_id, schedule_id) REFERENCES schedules (org_id, id),
  ADD FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id),
  DROP CONSTRAINT escalation_level_targets_check,
  ADD CONSTRAINT escalation_level_targets_one_kind CHECK (num_nonnulls(user_id, notification_target_id, schedule_id, team_id) = 1),
  ADD CONSTRAINT escalation_level_targets_team_role CHECK (team_role IS NULL OR team_id IS NOT NULL);

-- Which policies page a schedule or a team (asked when one is deleted).
CREATE INDEX escalation_level_targets_schedule_idx ON escalation_level_targets (org_id, schedule_id) WHERE schedule_id IS NOT NULL;
CREATE INDEX escalation_level_targets_team_idx ON escalation_level_targets (org_id, team_id) WHERE team_id IS NOT NULL;
