-- Alerts accepted and not yet applied (PagerDuty's Events APIs): a request's alerts are written
-- here and answered 202 at once; a drain job per org lane applies them in batches, in the order
-- they were accepted, deleting them in the transaction that applies them (decision 0051). No
-- foreign key to the integration: one deleted meanwhile leaves its alerts to be applied to its
-- service as it was, like a request already in flight; a deleted service fails them (failed_at).

CREATE TABLE alert_inbox (
  org_id         uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  -- The org's alert lane (of its first dedup key): one drain at a time per lane, in id order.
  lane           smallint NOT NULL CHECK (lane >= 0),
  integration_id uuid NOT NULL,
  service_id     uuid NOT NULL,
  request_id     text NOT NULL,
  -- The request's alerts, each with its dedup key (a trigger without one was given one).
  alerts         jsonb NOT NULL,
  accepted_at    timestamptz(3) NOT NULL DEFAULT now(),
  -- Set when the alerts could not be applied even alone: kept, out of the lane's way.
  failed_at      timestamptz(3),
  failure        text,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX alert_inbox_lane_idx ON alert_inbox (org_id, lane, id) WHERE failed_at IS NULL;

ALTER TABLE alert_inbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_inbox FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON alert_inbox USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
