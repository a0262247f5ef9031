-- Alert ingestion: integration keys per service, and de-duplication of alerts into incidents.

CREATE TABLE integration_keys (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id  uuid NOT NULL,
  name        text NOT NULL,
  -- Shown in full to admins (monitoring tools are configured with it), so kept as is.
  routing_key text NOT NULL,
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX integration_keys_routing_key_key ON integration_keys (routing_key);
CREATE INDEX integration_keys_service_idx ON integration_keys (org_id, service_id, created_at DESC, id DESC);

-- The routing key presented by an alert, set to find its integration before the org is known.
CREATE FUNCTION app_routing_key() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.routing_key', true), '') $$;

ALTER TABLE integration_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY org_or_presented ON integration_keys
  USING (org_id = app_current_org() OR routing_key = app_routing_key())
  WITH CHECK (org_id = app_current_org());

ALTER TABLE incidents
  ADD COLUMN dedup_key text,
  -- How many alerts this incident stands for (0 when opened by a person).
  ADD COLUMN alert_count integer NOT NULL DEFAULT 0;

-- At most one open incident per (service, dedup key): concurrent identical triggers collapse
-- into one through INSERT ... ON CONFLICT on this index.
CREATE UNIQUE INDEX incidents_open_dedup_key ON incidents (org_id, service_id, dedup_key)
  WHERE dedup_key IS NOT NULL AND status <> 'resolved';
