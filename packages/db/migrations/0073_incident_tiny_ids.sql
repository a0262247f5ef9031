-- Opsgenie's short alert numbers ("tinyId", identifierType=tiny): numbered per org from 1, given to
-- an incident the first time an Opsgenie request touches it (incidents opened any other way get
-- none until then). Kept apart from incidents so that opening an incident never waits on a
-- per-org counter.

CREATE TABLE incident_tiny_ids (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  incident_id uuid NOT NULL,
  tiny_id     bigint NOT NULL CHECK (tiny_id > 0),
  PRIMARY KEY (org_id, incident_id),
  UNIQUE (org_id, tiny_id),
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id) ON DELETE CASCADE
);

ALTER TABLE incident_tiny_ids ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_tiny_ids FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON incident_tiny_ids USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
