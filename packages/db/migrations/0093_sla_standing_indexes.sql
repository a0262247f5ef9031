-- The incident list filtered by where incidents stand with their SLA (?sla=at_risk|breached),
-- newest first like the other keyset indexes: few incidents are at risk or breached, so without
-- these a page of them would walk the org's whole history. Partial, so new incidents (neither)
-- add no entry.
CREATE INDEX incidents_org_sla_at_risk_keyset_idx ON incidents (org_id, created_at DESC, id DESC)
  WHERE resolved_at IS NULL AND (acknowledge_warned_at IS NOT NULL OR resolve_warned_at IS NOT NULL);
CREATE INDEX incidents_org_sla_breached_keyset_idx ON incidents (org_id, created_at DESC, id DESC)
  WHERE acknowledge_breached_at IS NOT NULL OR resolve_breached_at IS NOT NULL;
