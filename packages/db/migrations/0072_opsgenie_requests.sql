-- Opsgenie Alert API drop-in: Opsgenie answers every alert request with 202 and a requestId, and
-- reports the outcome at GET /v2/alerts/requests/{requestId}. Each accepted request's outcome is
-- kept here for OPSGENIE_REQUEST_RETENTION (7 days), then deleted (a later request of the org
-- removes the expired rows).

CREATE TABLE opsgenie_requests (
  org_id         uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id             uuid NOT NULL,
  integration_id uuid NOT NULL,
  action         text NOT NULL,
  is_success     boolean NOT NULL,
  status         text NOT NULL,
  alert_id       uuid,
  alias          text,
  processed_at   timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, integration_id) REFERENCES integration_keys (org_id, id) ON DELETE CASCADE
);
CREATE INDEX opsgenie_requests_processed_idx ON opsgenie_requests (org_id, processed_at);

ALTER TABLE opsgenie_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE opsgenie_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON opsgenie_requests USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
