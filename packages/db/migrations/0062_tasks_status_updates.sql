-- Work during an incident: tasks for responders, and status updates for stakeholders (kept apart
-- from internal comments). Each change also goes on the incident's timeline.

CREATE TABLE incident_tasks (
  org_id      uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL,
  title       text NOT NULL,
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- Set when the task is done; null while it is open.
  done_at     timestamptz(3),
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id)
);
CREATE INDEX incident_tasks_incident_idx ON incident_tasks (org_id, incident_id, created_at, id);

-- What stakeholders read: Statuspage's phases.
CREATE TYPE status_update_status AS ENUM ('investigating', 'identified', 'monitoring', 'resolved');

CREATE TABLE incident_status_updates (
  org_id      uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL,
  body        text NOT NULL,
  status      status_update_status NOT NULL,
  author_id   uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id)
);
CREATE INDEX incident_status_updates_incident_idx ON incident_status_updates (org_id, incident_id, created_at DESC, id DESC);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_tasks', 'incident_status_updates'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY org_isolation ON %I USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END
$$;
