-- One postmortem per resolved incident, edited with optimistic locking like incidents.
CREATE TYPE postmortem_status AS ENUM ('draft', 'published');

CREATE TABLE postmortems (
  org_id       uuid NOT NULL,
  incident_id  uuid NOT NULL,
  summary      text NOT NULL,
  impact       text NOT NULL,
  root_cause   text NOT NULL,
  -- [{ "title": "...", "ownerId": "<uuid>" | null, "done": false }], checked by the application.
  action_items jsonb NOT NULL DEFAULT '[]'::jsonb,
  status       postmortem_status NOT NULL DEFAULT 'draft',
  version      integer NOT NULL DEFAULT 1,
  created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  updated_at   timestamptz(3) NOT NULL DEFAULT now(),
  published_at timestamptz(3),
  PRIMARY KEY (org_id, incident_id),
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id)
);

ALTER TABLE postmortems ENABLE ROW LEVEL SECURITY;
ALTER TABLE postmortems FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON postmortems USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
