-- Change events (PagerDuty's `POST /v2/change/enqueue`): deploys, config pushes, feature flags.
-- They open no incident and page nobody; they are shown on their service and on the incidents
-- that were open when they happened, so a responder sees what changed.

CREATE TABLE change_events (
  org_id         uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id     uuid NOT NULL,
  -- The integration that received it; kept null once that integration key is deleted.
  integration_id uuid,
  summary        text NOT NULL,
  source         text,
  -- When the sender says it happened (its `timestamp`), or when it arrived if it said nothing usable.
  occurred_at    timestamptz(3) NOT NULL DEFAULT now(),
  custom_details jsonb,
  links          jsonb NOT NULL DEFAULT '[]',
  -- What the sender sent that could not be used as is (an unparseable timestamp), in words.
  notes          text[] NOT NULL DEFAULT '{}',
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, integration_id) REFERENCES integration_keys (org_id, id) ON DELETE SET NULL (integration_id)
);
CREATE INDEX change_events_service_idx ON change_events (org_id, service_id, occurred_at DESC, id DESC);

ALTER TABLE change_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_events FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON change_events USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
