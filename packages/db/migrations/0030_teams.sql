-- Teams: groups of an org's members, each a manager or a member of the team. A team owns
-- services, escalation policies and (0031) schedules through an optional team_id; its managers
-- manage what it owns. Deleting a team leaves what it owned to the org (team_id set to null).

CREATE TYPE team_role AS ENUM ('manager', 'member');

CREATE TABLE teams (
  org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  description text,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX teams_org_name_key ON teams (org_id, lower(name));
CREATE INDEX teams_org_keyset_idx ON teams (org_id, created_at DESC, id DESC);

-- A person leaving the org leaves its teams: the membership is what the row references.
CREATE TABLE team_members (
  org_id     uuid NOT NULL,
  team_id    uuid NOT NULL,
  user_id    uuid NOT NULL,
  role       team_role NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, team_id, user_id),
  FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, user_id) REFERENCES org_members (org_id, user_id) ON DELETE CASCADE
);
CREATE INDEX team_members_user_idx ON team_members (org_id, user_id);

ALTER TABLE services
  ADD COLUMN team_id uuid,
  ADD FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id) ON DELETE SET NULL (team_id);
CREATE INDEX services_team_idx ON services (org_id, team_id) WHERE team_id IS NOT NULL;

ALTER TABLE escalation_policies
  ADD COLUMN team_id uuid,
  ADD FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id) ON DELETE SET NULL (team_id);
CREATE INDEX escalation_policies_team_idx ON escalation_policies (org_id, team_id) WHERE team_id IS NOT NULL;

ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON teams USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_members FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON team_members USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
