-- Delivery to people as well as targets, escalation policies, and worker liveness.

-- An attempt now goes either to a notification target or, for escalations, to a user by email.
ALTER TABLE notification_attempts
  ALTER COLUMN target_id DROP NOT NULL,
  ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  ADD COLUMN note text,
  ADD CONSTRAINT notification_attempts_one_recipient CHECK ((target_id IS NULL) <> (user_id IS NULL)),
  ADD CONSTRAINT notification_attempts_event_user_key UNIQUE (org_id, event_id, user_id);

CREATE TABLE escalation_policies (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  description text,
  -- How many times the levels are run through before the chain stops.
  repeat      integer NOT NULL DEFAULT 1 CHECK (repeat BETWEEN 1 AND 10),
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX escalation_policies_org_keyset_idx ON escalation_policies (org_id, created_at DESC, id DESC);

CREATE TABLE escalation_levels (
  org_id        uuid NOT NULL,
  policy_id     uuid NOT NULL,
  level         integer NOT NULL CHECK (level >= 1),
  -- How long an unacknowledged incident waits at this level before the next one is notified.
  delay_seconds integer NOT NULL CHECK (delay_seconds BETWEEN 0 AND 86400),
  PRIMARY KEY (org_id, policy_id, level),
  FOREIGN KEY (org_id, policy_id) REFERENCES escalation_policies (org_id, id) ON DELETE CASCADE
);

CREATE TABLE escalation_level_targets (
  org_id                 uuid NOT NULL,
  policy_id              uuid NOT NULL,
  level                  integer NOT NULL,
  position               integer NOT NULL,
  user_id                uuid REFERENCES users (id) ON DELETE CASCADE,
  notification_target_id uuid,
  PRIMARY KEY (org_id, policy_id, level, position),
  FOREIGN KEY (org_id, policy_id, level) REFERENCES escalation_levels (org_id, policy_id, level) ON DELETE CASCADE,
  FOREIGN KEY (org_id, notification_target_id) REFERENCES notification_targets (org_id, id) ON DELETE CASCADE,
  CHECK ((user_id IS NULL) <> (notification_target_id IS NULL))
);

ALTER TABLE services
  ADD COLUMN escalation_policy_id uuid,
  ADD FOREIGN KEY (org_id, escalation_policy_id) REFERENCES escalation_policies (org_id, id);
CREATE INDEX services_escalation_policy_idx ON services (org_id, escalation_policy_id) WHERE escalation_policy_id IS NOT NULL;

-- The policy an incident escalates along (fixed when it is triggered) and how far it has gone:
-- escalation_step is the number of levels notified so far, across repeats.
ALTER TABLE incidents
  ADD COLUMN escalation_policy_id uuid,
  ADD COLUMN escalation_step integer NOT NULL DEFAULT 0,
  -- Deleting a policy stops the chains of the incidents following it.
  ADD FOREIGN KEY (org_id, escalation_policy_id) REFERENCES escalation_policies (org_id, id)
    ON DELETE SET NULL (escalation_policy_id);

-- Which event kinds a person wants to hear about; no row means all of them.
CREATE TABLE user_notification_preferences (
  user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  event_kinds text[] NOT NULL,
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);

-- Liveness of graphile-worker workers. A worker whose heartbeat stops (process killed) still
-- holds locks on its jobs; other workers release them with graphile_worker.force_unlock_workers.
CREATE TABLE worker_heartbeats (
  worker_id  text PRIMARY KEY,
  process    text NOT NULL,
  started_at timestamptz(3) NOT NULL DEFAULT now(),
  last_seen  timestamptz(3) NOT NULL DEFAULT now()
);
