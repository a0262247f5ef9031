-- What kind of incident it is, in the org's own words ("database", "deploy", "network"): set when
-- it is opened (by a person, or from PagerDuty's `payload.class`) and changed like its title. The
-- analytics count incidents by it (decision 0071). Null: not said.
ALTER TABLE incidents ADD COLUMN type text CHECK (type IS NULL OR char_length(type) BETWEEN 1 AND 100);

-- The analytics' covering index takes the type too, so that counting by it stays an index-only scan.
DROP INDEX incidents_org_analytics_idx;
CREATE INDEX incidents_org_analytics_idx ON incidents (org_id, created_at)
  INCLUDE (service_id, severity, type, time_to_acknowledge_seconds, time_to_resolve_seconds, first_acknowledged_at, resolved_at,
           acknowledge_due_at, resolve_due_at, escalations_timeout, escalations_manual);
