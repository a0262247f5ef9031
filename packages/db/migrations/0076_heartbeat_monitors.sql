-- Heartbeat monitors (GoAlert's): a service expects a ping at least every interval_seconds (a
-- minute to a week, so a daily job can be given slack); a
-- missed one opens an incident (dedup key per monitor), the next ping resolves it. The deadline is
-- a graphile-worker job per monitor, moved by each ping.

CREATE TABLE heartbeat_monitors (
  org_id           uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id       uuid NOT NULL,
  name             text NOT NULL,
  interval_seconds integer NOT NULL CHECK (interval_seconds BETWEEN 60 AND 604800),
  -- The secret in the ping URL (like a routing key: it names the monitor, no other credential).
  token            text NOT NULL,
  last_ping_at     timestamptz(3),
  -- Set when a deadline passed without a ping; cleared by the next ping.
  expired_at       timestamptz(3),
  created_by       uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  updated_at       timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX heartbeat_monitors_token_key ON heartbeat_monitors (token);
CREATE INDEX heartbeat_monitors_service_idx ON heartbeat_monitors (org_id, service_id, created_at DESC, id DESC);

-- Like integration_keys: a ping presents its token (app.routing_key) before the org is known.
ALTER TABLE heartbeat_monitors ENABLE ROW LEVEL SECURITY;
ALTER TABLE heartbeat_monitors FORCE ROW LEVEL SECURITY;
CREATE POLICY org_or_presented ON heartbeat_monitors
  USING (org_id = app_current_org() OR token = app_routing_key())
  WITH CHECK (org_id = app_current_org() OR token = app_routing_key());

-- A ping in one round trip: enters the token's scope, locks and stamps the monitor (clearing a
-- miss), then enters its org's scope. Returns whether the monitor had expired (only the first of
-- concurrent pings sees it: the row lock orders them). No row: unknown token.
CREATE FUNCTION app_ping_heartbeat(p_token text)
RETURNS TABLE (org_id uuid, id uuid, service_id uuid, name text, interval_seconds integer, last_ping_at timestamptz, was_expired_at timestamptz)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
  PERFORM set_config('app.org_id', '', true),
          set_config('app.user_id', '', true),
          set_config('app.lookup_hash', '', true),
          set_config('app.routing_key', p_token, true);
  RETURN QUERY
    UPDATE heartbeat_monitors h
       SET last_ping_at = date_trunc('milliseconds', now()), expired_at = NULL
      FROM (SELECT m.org_id, m.id, m.expired_at FROM heartbeat_monitors m WHERE m.token = p_token FOR UPDATE) old
     WHERE h.org_id = old.org_id AND h.id = old.id
    RETURNING h.org_id, h.id, h.service_id, h.name, h.interval_seconds, h.last_ping_at, old.expired_at;
  PERFORM set_config('app.org_id', COALESCE((SELECT m.org_id::text FROM heartbeat_monitors m WHERE m.token = p_token), ''), true);
END
$$;
