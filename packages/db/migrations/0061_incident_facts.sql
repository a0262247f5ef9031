-- Facts per incident that the lifecycle keeps current, so analytics read one row per incident
-- (no timeline scan): the first explicit acknowledgement (a later one, after a re-trigger, does
-- not move it) and how often the incident escalated, by timeout and by hand.
ALTER TABLE incidents
  ADD COLUMN first_acknowledged_at timestamptz(3),
  ADD COLUMN escalations_timeout   integer NOT NULL DEFAULT 0,
  ADD COLUMN escalations_manual    integer NOT NULL DEFAULT 0;

-- Existing incidents, from their timelines.
UPDATE incidents i
   SET first_acknowledged_at = coalesce(
         (SELECT min(e.created_at) FROM incident_events e
           WHERE e.org_id = i.org_id AND e.incident_id = i.id
             AND e.kind = 'status_changed' AND e.data ->> 'toStatus' = 'acknowledged'),
         i.acknowledged_at),
       escalations_timeout = (SELECT count(*) FROM incident_events e
           WHERE e.org_id = i.org_id AND e.incident_id = i.id AND e.kind = 'escalated'
             AND NOT coalesce((e.data ->> 'manual')::boolean, false) AND coalesce((e.data ->> 'step')::int, 1) > 1),
       escalations_manual = (SELECT count(*) FROM incident_events e
           WHERE e.org_id = i.org_id AND e.incident_id = i.id AND e.kind = 'escalated'
             AND coalesce((e.data ->> 'manual')::boolean, false));

-- The durations MTTA and MTTR are made of, in seconds, kept by PostgreSQL itself.
ALTER TABLE incidents
  ADD COLUMN time_to_acknowledge_seconds double precision
    GENERATED ALWAYS AS (extract(epoch FROM first_acknowledged_at - created_at)::double precision) STORED,
  ADD COLUMN time_to_resolve_seconds double precision
    GENERATED ALWAYS AS (extract(epoch FROM resolved_at - created_at)::double precision) STORED;

-- Incident analytics read an org's incidents opened in a window from this index alone (an
-- index-only scan): the window is on created_at, the first trigger, which no re-trigger moves.
CREATE INDEX incidents_org_analytics_idx ON incidents (org_id, created_at)
  INCLUDE (service_id, severity, time_to_acknowledge_seconds, time_to_resolve_seconds, first_acknowledged_at, resolved_at,
           acknowledge_due_at, resolve_due_at, escalations_timeout, escalations_manual);

-- Responder analytics: the pages people received in a window, and who acknowledged what.
CREATE INDEX notification_attempts_pages_idx ON notification_attempts (org_id, created_at) INCLUDE (user_id)
  WHERE user_id IS NOT NULL;
CREATE INDEX incident_events_acknowledgements_idx ON incident_events (org_id, created_at) INCLUDE (actor_user_id, incident_id)
  WHERE kind = 'status_changed' AND data ->> 'toStatus' = 'acknowledged';
