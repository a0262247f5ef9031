-- Assignment, snooze and the acknowledgement timeout.

-- The people an incident is assigned to: those its escalation level paged last, or those a
-- person assigned. Leaving the org ends one's assignments.
CREATE TABLE incident_assignees (
  org_id      uuid NOT NULL,
  incident_id uuid NOT NULL,
  user_id     uuid NOT NULL,
  assigned_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, incident_id, user_id),
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, user_id) REFERENCES org_members (org_id, user_id) ON DELETE CASCADE
);
-- GET /incidents?assignedTo=
CREATE INDEX incident_assignees_user_idx ON incident_assignees (org_id, user_id, incident_id);

ALTER TABLE incident_assignees ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_assignees FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON incident_assignees USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

-- When an acknowledged incident returns to triggered by itself: at the end of a snooze, or when
-- the service's acknowledgement timeout runs out (a snooze replaces the timeout). The job that
-- returns it runs at that time and acts only if the row still says so.
ALTER TABLE incidents
  ADD COLUMN snoozed_until  timestamptz(3),
  ADD COLUMN ack_timeout_at timestamptz(3);

-- null: an acknowledgement never times out.
ALTER TABLE services
  ADD COLUMN ack_timeout_minutes integer CHECK (ack_timeout_minutes BETWEEN 1 AND 1440);
