-- Idempotency keys (decision 0074): an authenticated write call sent with an `Idempotency-Key`
-- header keeps its answer here, in the call's own transaction, so the answer exists exactly when
-- the change committed. The same caller sending the same key again within 24 hours gets that
-- answer back instead of a second change; a call still running holds the row (its insert is not
-- committed), so a concurrent repeat waits for it and then replays what it answered. A failed call
-- rolls back and leaves no row: sending it again runs it again.
CREATE TABLE idempotent_requests (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  -- The caller: a person (their rows go when they leave the org) or an API key (when it is deleted).
  user_id     uuid,
  api_key_id  uuid,
  caller_id   uuid NOT NULL GENERATED ALWAYS AS (COALESCE(user_id, api_key_id)) STORED,
  key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  -- What the key was first sent with: the procedure and a SHA-256 of its input, canonical JSON.
  procedure   text NOT NULL,
  input_hash  bytea NOT NULL,
  -- The answer as it was sent (json, not jsonb: its fields keep their order); null only inside the
  -- transaction that claimed the key, before the call returned.
  answer      json,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, caller_id, key),
  FOREIGN KEY (org_id, user_id) REFERENCES org_members (org_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys (org_id, id) ON DELETE CASCADE,
  CHECK ((user_id IS NULL) <> (api_key_id IS NULL))
);
-- A caller's expired keys are deleted when they claim another.
CREATE INDEX idempotent_requests_expiry_idx ON idempotent_requests (org_id, caller_id, created_at);

ALTER TABLE idempotent_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotent_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON idempotent_requests
  USING (org_id = app_current_org())
  WITH CHECK (org_id = app_current_org());
