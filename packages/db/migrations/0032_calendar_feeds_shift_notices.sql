-- Calendar feeds (secret iCalendar URLs of a person's shifts) and shift reminders.

-- How long before a shift starts its person wants a reminder (null: no reminder).
ALTER TABLE users ADD COLUMN handoff_reminder_minutes integer CHECK (handoff_reminder_minutes BETWEEN 1 AND 1440);

-- A feed belongs to a member of an org and dies with the membership. Its token is stored only as
-- a SHA-256 hash; the public route finds the row through the hash (row-level security lets
-- exactly that row through, as for API keys), never through an org in the URL.
CREATE TABLE calendar_feeds (
  org_id        uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL,
  name          text NOT NULL,
  -- null: the person's shifts on every schedule; set: on that schedule only.
  schedule_id   uuid,
  -- With schedule_id: everyone's shifts on that schedule, not only the person's.
  full_schedule boolean NOT NULL DEFAULT false,
  prefix        text NOT NULL,
  token_hash    bytea NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at  timestamptz(3),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES org_members (org_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, schedule_id) REFERENCES schedules (org_id, id) ON DELETE CASCADE,
  CHECK (NOT full_schedule OR schedule_id IS NOT NULL)
);
CREATE UNIQUE INDEX calendar_feeds_token_hash_key ON calendar_feeds (token_hash);
CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (org_id, user_id, created_at DESC, id DESC);

ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_feeds FORCE ROW LEVEL SECURITY;
CREATE POLICY org_or_presented ON calendar_feeds
  USING (org_id = app_current_org() OR token_hash = app_lookup_hash())
  WITH CHECK (org_id = app_current_org() OR token_hash = app_lookup_hash());
