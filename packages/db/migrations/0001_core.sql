-- Core schema: identities, tenancy, services, incidents and their timeline, tokens, notifications.
-- Times are timestamptz(3): millisecond precision, exactly what a JS Date and an ISO string hold,
-- so a keyset cursor made from a row's time finds that row again.
-- Every tenant-owned table carries org_id, has (org_id, id) as its key and references other
-- tenant tables through (org_id, ...), so rows can be policed by RLS and distributed by org_id.

CREATE TYPE org_role AS ENUM ('viewer', 'member', 'admin');
CREATE TYPE incident_status AS ENUM ('triggered', 'acknowledged', 'mitigated', 'resolved');
CREATE TYPE incident_severity AS ENUM ('sev1', 'sev2', 'sev3', 'sev4');
CREATE TYPE notification_channel AS ENUM ('webhook', 'email', 'slack');
CREATE TYPE notification_attempt_status AS ENUM ('pending', 'succeeded', 'failed');

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL CHECK (email = lower(email)),
  name          text NOT NULL,
  password_hash text NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  updated_at    timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE orgs (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE org_members (
  org_id     uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       org_role NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_members_user_idx ON org_members (user_id);

CREATE TABLE services (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  description text,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX services_org_name_key ON services (org_id, lower(name));
CREATE INDEX services_org_keyset_idx ON services (org_id, created_at DESC, id DESC);

CREATE TABLE incidents (
  org_id          uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id      uuid NOT NULL,
  title           text NOT NULL,
  description     text,
  status          incident_status NOT NULL DEFAULT 'triggered',
  severity        incident_severity NOT NULL DEFAULT 'sev3',
  version         integer NOT NULL DEFAULT 1,
  created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  updated_at      timestamptz(3) NOT NULL DEFAULT now(),
  triggered_at    timestamptz(3) NOT NULL DEFAULT now(),
  acknowledged_at timestamptz(3),
  mitigated_at    timestamptz(3),
  resolved_at     timestamptz(3),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id)
);
-- One index per list filter, each ordered the way the keyset pages walk (newest first).
CREATE INDEX incidents_org_keyset_idx ON incidents (org_id, created_at DESC, id DESC);
CREATE INDEX incidents_org_status_keyset_idx ON incidents (org_id, status, created_at DESC, id DESC);
CREATE INDEX incidents_org_service_keyset_idx ON incidents (org_id, service_id, created_at DESC, id DESC);
CREATE INDEX incidents_org_severity_keyset_idx ON incidents (org_id, severity, created_at DESC, id DESC);

CREATE TABLE incident_events (
  org_id        uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Orders a timeline exactly, even for events written in the same transaction.
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  incident_id   uuid NOT NULL,
  kind          text NOT NULL,
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  data          jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id)
);
CREATE INDEX incident_events_timeline_idx ON incident_events (org_id, incident_id, seq);

CREATE FUNCTION refuse_change_to_append_only_table() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER incident_events_append_only
  BEFORE UPDATE OR DELETE ON incident_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
CREATE TRIGGER incident_events_no_truncate
  BEFORE TRUNCATE ON incident_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TABLE refresh_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash    bytea NOT NULL,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  active_org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  family_id     uuid NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3) NOT NULL,
  -- Set once the token has been exchanged for a successor; presenting it again is reuse.
  rotated_at    timestamptz(3),
  revoked_at    timestamptz(3)
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE notification_targets (
  org_id       uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  type         notification_channel NOT NULL,
  config       jsonb NOT NULL,
  -- Standard Webhooks signing secret (whsec_...). The worker must sign with it, so it cannot be
  -- stored as a one-way hash; it is never returned by the API after creation.
  secret       text NOT NULL,
  enabled      boolean NOT NULL DEFAULT true,
  event_kinds  text[],
  min_severity incident_severity,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  updated_at   timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX notification_targets_org_keyset_idx ON notification_targets (org_id, created_at DESC, id DESC);

CREATE TABLE notification_attempts (
  org_id           uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  event_id         uuid NOT NULL,
  target_id        uuid NOT NULL,
  incident_id      uuid NOT NULL,
  channel          notification_channel NOT NULL,
  status           notification_attempt_status NOT NULL DEFAULT 'pending',
  attempt_count    integer NOT NULL DEFAULT 0,
  last_http_status integer,
  last_error       text,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  updated_at       timestamptz(3) NOT NULL DEFAULT now(),
  completed_at     timestamptz(3),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, event_id, target_id),
  FOREIGN KEY (org_id, event_id) REFERENCES incident_events (org_id, id),
  FOREIGN KEY (org_id, target_id) REFERENCES notification_targets (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, incident_id) REFERENCES incidents (org_id, id)
);
CREATE INDEX notification_attempts_incident_idx ON notification_attempts (org_id, incident_id, created_at, id);
