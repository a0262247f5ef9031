-- Severity SLAs: how soon an incident must be acknowledged and resolved, per severity, for the
-- org (service_id null) or one service (its override replaces the org's policy as a whole).
CREATE TABLE sla_policies (
  org_id     uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id uuid,
  -- { "sev1": { "acknowledgeWithinMinutes": 5, "resolveWithinMinutes": 240 }, ... "sev4": {...} };
  -- a null number: no target for that severity. Checked by the application (sla/schema.ts).
  targets    jsonb NOT NULL,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX sla_policies_org_key ON sla_policies (org_id) WHERE service_id IS NULL;
CREATE UNIQUE INDEX sla_policies_service_key ON sla_policies (org_id, service_id) WHERE service_id IS NOT NULL;

ALTER TABLE sla_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE sla_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON sla_policies USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

-- Each incident's deadlines (set when it opens, recomputed while they run when its severity
-- changes; null: no target) and when a breach of each was recorded (once: see the job).
ALTER TABLE incidents
  ADD COLUMN acknowledge_due_at      timestamptz(3),
  ADD COLUMN resolve_due_at          timestamptz(3),
  ADD COLUMN acknowledge_breached_at timestamptz(3),
  ADD COLUMN resolve_breached_at     timestamptz(3);

-- A breach is on the timeline at most once per incident and kind, whatever runs twice.
CREATE UNIQUE INDEX incident_events_sla_breached_once ON incident_events (org_id, incident_id, (data ->> 'kind'))
  WHERE kind = 'sla_breached';
