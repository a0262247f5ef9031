-- Access and accountability: invitations, API keys, audit log, login throttling, rate limits,
-- usage counters, and row-level security as a second wall around each org's rows.

CREATE TABLE invitations (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  email       text NOT NULL CHECK (email = lower(email)),
  role        org_role NOT NULL,
  token_hash  bytea NOT NULL,
  invited_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  expires_at  timestamptz(3) NOT NULL,
  accepted_at timestamptz(3),
  accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at  timestamptz(3),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash);
CREATE INDEX invitations_org_keyset_idx ON invitations (org_id, created_at DESC, id DESC);

CREATE TYPE api_key_scope AS ENUM ('read', 'write');
CREATE TABLE api_keys (
  org_id       uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  scope        api_key_scope NOT NULL,
  -- The first characters of the secret, to tell keys apart in lists; the secret itself is hashed.
  prefix       text NOT NULL,
  secret_hash  bytea NOT NULL,
  created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  expires_at   timestamptz(3),
  last_used_at timestamptz(3),
  revoked_at   timestamptz(3),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX api_keys_secret_hash_key ON api_keys (secret_hash);
CREATE INDEX api_keys_org_keyset_idx ON api_keys (org_id, created_at DESC, id DESC);

CREATE TABLE password_reset_tokens (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  used_at    timestamptz(3)
);

-- Failed logins per account (by normalised email, known or not) in the current window.
CREATE TABLE login_throttle (
  email        text PRIMARY KEY,
  failures     integer NOT NULL DEFAULT 0,
  window_start timestamptz(3) NOT NULL DEFAULT now()
);

-- Fixed-window request counters (e.g. per IP on the auth routes), shared by every API replica.
CREATE TABLE rate_limit_counters (
  key          text NOT NULL,
  window_start timestamptz(3) NOT NULL,
  hits         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);

CREATE TABLE org_usage_daily (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  day         date NOT NULL,
  write_calls integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, day)
);

CREATE TYPE audit_actor_type AS ENUM ('user', 'api_key', 'anonymous');
CREATE TABLE audit_log (
  -- Null only for events tied to no org (a failed login for an unknown email).
  org_id      uuid REFERENCES orgs (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  actor_type  audit_actor_type NOT NULL,
  actor_id    uuid,
  action      text NOT NULL,
  target_type text,
  target_id   text,
  request_id  text,
  ip          text,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (id)
);
CREATE INDEX audit_log_org_keyset_idx ON audit_log (org_id, seq DESC);
CREATE INDEX audit_log_org_action_idx ON audit_log (org_id, action, seq DESC);
CREATE INDEX audit_log_org_actor_idx ON audit_log (org_id, actor_id, seq DESC);

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

-- The role the API and the worker run as: not a superuser, not the owner of any table, so
-- row-level security binds it. Its login and password are set outside migrations (see
-- provisionAppRole), since roles belong to the cluster, not to one database.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'incidentops_app') THEN
    CREATE ROLE incidentops_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO incidentops_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO incidentops_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO incidentops_app;
-- Tables created by later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO incidentops_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO incidentops_app;
-- The ledger and the append-only tables are not the application's to rewrite.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM incidentops_app;
REVOKE UPDATE, DELETE ON incident_events, audit_log FROM incidentops_app;

-- The caller's org, set per transaction by the application: SET LOCAL app.org_id = '<uuid>'.
-- Unset (or empty) means no org: tenant rows are then invisible.
CREATE FUNCTION app_current_org() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.org_id', true), '')::uuid $$;
-- The caller's user, set by flows that act on a person across orgs (login, org switching).
CREATE FUNCTION app_current_user() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
-- The SHA-256 of a presented secret (API key, invitation token), set to find the one row it
-- names before the org is known.
CREATE FUNCTION app_lookup_hash() RETURNS bytea
LANGUAGE sql STABLE AS $$ SELECT decode(NULLIF(current_setting('app.lookup_hash', true), ''), 'hex') $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'services', 'incidents', 'incident_events', 'notification_targets', 'notification_attempts',
    'escalation_policies', 'escalation_levels', 'escalation_level_targets', 'org_usage_daily'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY org_isolation ON %I USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END
$$;

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY org_or_presented ON api_keys
  USING (org_id = app_current_org() OR secret_hash = app_lookup_hash())
  WITH CHECK (org_id = app_current_org() OR secret_hash = app_lookup_hash());

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY org_or_presented ON invitations
  USING (org_id = app_current_org() OR token_hash = app_lookup_hash())
  WITH CHECK (org_id = app_current_org() OR token_hash = app_lookup_hash());

-- An org reads its own entries; entries tied to no org (unknown-account logins) are written only.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY org_reads ON audit_log FOR SELECT USING (org_id = app_current_org());
CREATE POLICY org_or_none_writes ON audit_log FOR INSERT WITH CHECK (org_id IS NULL OR org_id = app_current_org());

-- Memberships are seen from both sides: an org sees its members, a person sees their orgs.
ALTER TABLE org_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_members FORCE ROW LEVEL SECURITY;
CREATE POLICY org_or_self ON org_members
  USING (org_id = app_current_org() OR user_id = app_current_user())
  WITH CHECK (org_id = app_current_org() OR user_id = app_current_user());
