-- Notifications that tell the truth about their moment, in order, without one tenant's failing
-- receivers starving another's (docs/decisions/0020-delivery-lanes.md).

-- The incident as it was right after each event, written with the event: a notification
-- describes that moment, not the incident as it is when the notification goes out. Null for
-- events written before this migration (their notifications describe the incident as it is).
ALTER TABLE incident_events ADD COLUMN incident jsonb;

-- How far each incident's timeline has been turned into notification attempts: events are fanned
-- out in timeline order, so an incident's attempts to one recipient exist in event order.
CREATE TABLE notification_fanouts (
  org_id         uuid NOT NULL,
  incident_id    uuid NOT NULL,
  last_event_seq bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, incident_id),
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id) ON DELETE CASCADE
);

ALTER TABLE notification_attempts
  -- The target or the person: each recipient is one delivery lane.
  ADD COLUMN recipient_id uuid GENERATED ALWAYS AS (coalesce(target_id, user_id)) STORED NOT NULL,
  -- The event's place on the incident's timeline: an incident's attempts to one recipient go out in this order.
  ADD COLUMN event_seq bigint,
  -- When the attempt may be tried (again): now for a new one, after the back-off for a retry.
  ADD COLUMN next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
  -- The request that caused the event, carried into the delivery's log lines.
  ADD COLUMN request_id text;
UPDATE notification_attempts a SET event_seq = e.seq FROM incident_events e WHERE e.org_id = a.org_id AND e.id = a.event_id;
ALTER TABLE notification_attempts ALTER COLUMN event_seq SET NOT NULL;
-- A lane's next attempt (due first) and, for each, whether an earlier one of its incident is still pending.
CREATE INDEX notification_attempts_lane_due_idx ON notification_attempts (org_id, recipient_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_attempts_lane_order_idx ON notification_attempts (org_id, recipient_id, incident_id, event_seq) WHERE status = 'pending';

-- One delivery lane per recipient: one worker sends to it at a time (held until `lease_until`,
-- in case that worker dies), and a circuit breaker pauses it (`paused_until`) after
-- `failure_streak` failures in a row.
CREATE TABLE delivery_lanes (
  org_id         uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  recipient_id   uuid NOT NULL,
  lease_until    timestamptz(3),
  failure_streak integer NOT NULL DEFAULT 0,
  paused_until   timestamptz(3),
  PRIMARY KEY (org_id, recipient_id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notification_fanouts', 'delivery_lanes'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY org_isolation ON %I USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END
$$;
