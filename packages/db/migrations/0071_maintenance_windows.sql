-- Maintenance windows: while one is in effect on a service, the alerts sent to it are recorded
-- (suppressed_alerts) but open no incident and page nobody.

CREATE TABLE maintenance_windows (
  org_id     uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL,
  starts_at  timestamptz(3) NOT NULL,
  ends_at    timestamptz(3) NOT NULL,
  reason     text NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id) ON DELETE CASCADE,
  CHECK (ends_at > starts_at)
);
CREATE INDEX maintenance_windows_service_idx ON maintenance_windows (org_id, service_id, ends_at DESC, id DESC);

-- An alert that arrived during a window: what it would have done, kept for the record.
CREATE TABLE suppressed_alerts (
  org_id                uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id                    uuid NOT NULL DEFAULT gen_random_uuid(),
  maintenance_window_id uuid NOT NULL,
  integration_id        uuid,
  dedup_key             text NOT NULL,
  summary               text NOT NULL,
  severity              incident_severity NOT NULL,
  alert                 jsonb,
  created_at            timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, maintenance_window_id) REFERENCES maintenance_windows (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, integration_id) REFERENCES integration_keys (org_id, id) ON DELETE SET NULL (integration_id)
);
CREATE INDEX suppressed_alerts_window_idx ON suppressed_alerts (org_id, maintenance_window_id, created_at DESC, id DESC);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['maintenance_windows', 'suppressed_alerts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY org_isolation ON %I USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END
$$;
