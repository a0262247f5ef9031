-- On-call schedules: a time zone and ordered layers, each rotating its participants in turns
-- counted on the schedule's wall clock, within optional restrictions; overrides on top. What the
-- final schedule is at any instant is computed from these rows (core/src/schedules/render.ts),
-- never stored.

CREATE TYPE rotation_unit AS ENUM ('hour', 'day', 'week');

CREATE TABLE schedules (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  description text,
  -- IANA name, checked by the application against the time-zone database it computes with.
  time_zone   text NOT NULL,
  team_id     uuid,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id) ON DELETE SET NULL (team_id)
);
CREATE UNIQUE INDEX schedules_org_name_key ON schedules (org_id, lower(name));
CREATE INDEX schedules_org_keyset_idx ON schedules (org_id, created_at DESC, id DESC);
CREATE INDEX schedules_team_idx ON schedules (org_id, team_id) WHERE team_id IS NOT NULL;

-- position orders the layers: a later one takes precedence wherever it has someone.
CREATE TABLE schedule_layers (
  org_id          uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  schedule_id     uuid NOT NULL,
  position        integer NOT NULL CHECK (position >= 0),
  name            text NOT NULL,
  start_at        timestamptz(3) NOT NULL,
  end_at          timestamptz(3),
  rotation_start  timestamptz(3) NOT NULL,
  rotation_unit   rotation_unit NOT NULL,
  rotation_length integer NOT NULL CHECK (rotation_length >= 1),
  -- [{ type: daily|weekly, startTime: "HH:mm", durationMinutes, startDay? }], validated on input.
  restrictions    jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, schedule_id, position),
  FOREIGN KEY (org_id, schedule_id) REFERENCES schedules (org_id, id) ON DELETE CASCADE,
  CHECK (end_at IS NULL OR end_at > start_at)
);

-- The rotation order; a person may take several places. Leaving the org removes their places.
CREATE TABLE schedule_layer_participants (
  org_id   uuid NOT NULL,
  layer_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  user_id  uuid NOT NULL,
  PRIMARY KEY (org_id, layer_id, position),
  FOREIGN KEY (org_id, layer_id) REFERENCES schedule_layers (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, user_id) REFERENCES org_members (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX schedule_layer_participants_user_idx ON schedule_layer_participants (org_id, user_id);

CREATE TABLE schedule_overrides (
  org_id      uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  schedule_id uuid NOT NULL,
  user_id     uuid NOT NULL,
  start_at    timestamptz(3) NOT NULL,
  end_at      timestamptz(3) NOT NULL,
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, schedule_id) REFERENCES schedules (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, user_id) REFERENCES org_members (org_id, user_id) ON DELETE CASCADE,
  CHECK (end_at > start_at)
);
-- Overrides are read by the window they overlap: (end_at > since AND start_at < until).
CREATE INDEX schedule_overrides_window_idx ON schedule_overrides (org_id, schedule_id, end_at, start_at);
CREATE INDEX schedule_overrides_user_idx ON schedule_overrides (org_id, user_id, end_at);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['schedules', 'schedule_layers', 'schedule_layer_participants', 'schedule_overrides'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY org_isolation ON %I USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org())', t);
  END LOOP;
END
$$;
