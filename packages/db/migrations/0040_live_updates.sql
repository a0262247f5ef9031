-- Live updates: every change to an incident's timeline or to its notification deliveries is
-- announced on the channel `incident_changes`, which each API process LISTENs to (one connection
-- per process) and turns into its subscribers' server-sent events, so any replica serves any
-- client. The announcement carries ids, never data: the API re-reads the incidents under each
-- subscriber's org scope and role before sending anything.
--
-- One NOTIFY per statement and org, whatever the number of rows (a batch of incidents written in
-- one statement pays one), with the payload {"o": org id, "k": kind, "i": [incident ids]} ("i" is
-- null past 100 ids: "refetch everything", and it keeps the payload under NOTIFY's 8000 bytes).
-- PostgreSQL delivers identical payloads of one transaction once, so a transaction that touches
-- one incident in several statements (a fan-out inserting one attempt per target) announces it once.
--
-- Arguments: the column holding the incident id, and the kind ("timeline" or "notifications").
-- Later tables of an incident (tasks, status updates, ...) attach the same function.
CREATE FUNCTION app_notify_incident_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  change record;
BEGIN
  FOR change IN EXECUTE format(
    'SELECT org_id, array_agg(DISTINCT %1$I ORDER BY %1$I) AS ids FROM changed_rows GROUP BY org_id ORDER BY org_id',
    TG_ARGV[0])
  LOOP
    PERFORM pg_notify('incident_changes', json_build_object(
      'o', change.org_id,
      'k', TG_ARGV[1],
      'i', CASE WHEN cardinality(change.ids) <= 100 THEN to_json(change.ids) END)::text);
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER incident_events_notify AFTER INSERT ON incident_events
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app_notify_incident_changes('incident_id', 'timeline');

CREATE TRIGGER notification_attempts_insert_notify AFTER INSERT ON notification_attempts
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app_notify_incident_changes('incident_id', 'notifications');

CREATE TRIGGER notification_attempts_update_notify AFTER UPDATE ON notification_attempts
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION app_notify_incident_changes('incident_id', 'notifications');
