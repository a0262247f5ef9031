-- Per-integration settings: how Alertmanager/Grafana notifications become incidents, the Grafana
-- signing secret, and the generic webhook's mapping.
--
-- `grouping`: 'group' (one incident per Alertmanager group) is the default for new integrations.
-- Integrations that exist already keep 'alert' (one incident per alert fingerprint, the behaviour
-- their senders were set up with): switching them would leave their open per-alert incidents
-- without the resolves that close them (those would now arrive keyed by the group). An admin
-- switches one when ready.
ALTER TABLE integration_keys
  ADD COLUMN grouping text NOT NULL DEFAULT 'alert' CHECK (grouping IN ('group', 'alert')),
  -- Kept as is: the HMAC of each request is computed with it. Never returned by the API.
  ADD COLUMN signing_secret text,
  ADD COLUMN mapping jsonb;
ALTER TABLE integration_keys ALTER COLUMN grouping SET DEFAULT 'group';
