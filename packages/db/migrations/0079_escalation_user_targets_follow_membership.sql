-- A person an escalation level names is a member of the policy's org, as for a rotation's
-- participants, a team's people and an incident's assignees: leaving the org removes them from the
-- levels too (the API refuses the removal that would empty a level, and audits what it removed).
-- The targets naming a person who already left were shown by the API and paged no one: they go.
DELETE FROM escalation_level_targets t
 WHERE t.user_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM org_members m WHERE m.org_id = t.org_id AND m.user_id = t.user_id);

ALTER TABLE escalation_level_targets
  DROP CONSTRAINT escalation_level_targets_user_id_fkey,
  ADD FOREIGN KEY (org_id, user_id) REFERENCES org_members (org_id, user_id) ON DELETE CASCADE;

-- Which levels name a person (asked when they are removed from the org).
CREATE INDEX escalation_level_targets_user_idx ON escalation_level_targets (org_id, user_id) WHERE user_id IS NOT NULL;
