-- Stream tickets: what opens a live incident stream instead of an access token. EventSource sends
-- no headers, so a stream's credential travels in its URL, which proxies log and browsers keep in
-- their history: there it is a random value good for one opening within 30 s, not a bearer token
-- good for 15 minutes (decision 0056). Stored only as its SHA-256; the stream's opening finds the
-- row through the hash (row-level security lets exactly that row through, as for API keys) and
-- deletes it, so a ticket opens one stream at most.
CREATE TABLE stream_tickets (
  org_id                  uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id                      uuid NOT NULL DEFAULT gen_random_uuid(),
  token_hash              bytea NOT NULL,
  -- Whom it was issued to: a person (who must still be a member when it is used) or an API key.
  user_id                 uuid,
  api_key_id              uuid,
  -- A person's: when the access token they asked with expires. The stream ends then, as a stream
  -- opened with that token did, and the app comes back with a new ticket.
  access_token_expires_at timestamptz(3),
  created_at              timestamptz(3) NOT NULL DEFAULT now(),
  expires_at              timestamptz(3) NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES org_members (org_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys (org_id, id) ON DELETE CASCADE,
  CHECK ((user_id IS NULL) <> (api_key_id IS NULL)),
  CHECK ((user_id IS NULL) = (access_token_expires_at IS NULL))
);
CREATE UNIQUE INDEX stream_tickets_token_hash_key ON stream_tickets (token_hash);
-- A used ticket is deleted as it opens its stream; an org's expired ones when it takes another.
CREATE INDEX stream_tickets_expiry_idx ON stream_tickets (org_id, expires_at);

ALTER TABLE stream_tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE stream_tickets FORCE ROW LEVEL SECURITY;
CREATE POLICY org_or_presented ON stream_tickets
  USING (org_id = app_current_org() OR token_hash = app_lookup_hash())
  WITH CHECK (org_id = app_current_org() OR token_hash = app_lookup_hash());
