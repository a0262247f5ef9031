import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import { sql, type RawBuilder } from "kysely";

// Analytics, computed by PostgreSQL from the facts the incident lifecycle keeps on each incident
// (incidents_org_analytics_idx covers every column read) and from the pages that reached people.

export interface AnalyticsWindow {
  orgId: string;
  since: Date;
  until: Date;
}

/** One group's figures (or the totals'), as PostgreSQL computed them. */
export interface IncidentMetricsRow {
  /** buckets: the bucket's number (1 for the first); service, team: its id (team: null for services of no team); severity: its name; null for the totals. */
  group_key: number | string | null;
  /** The row of every incident in the window: its percentiles are null (`durationPercentiles` computes them). */
  total: boolean;
  count: number;
  acknowledged: number;
  resolved: number;
  mtta_mean: number | null;
  mtta_percentiles: number[] | null;
  mttr_mean: number | null;
  mttr_percentiles: number[] | null;
  escalations_timeout: number;
  escalations_manual: number;
  ack_sla_met_percent: number | null;
  resolve_sla_met_percent: number | null;
}

/**
 * What incidents are grouped by: consecutive time buckets given by their bounds (days or weeks
 * in a time zone, computed by the caller: DST-aware, and PostgreSQL 15 has no zone-aware series),
 * or a column.
 */
export type IncidentGrouping = { kind: "buckets"; starts: Date[]; ends: Date[] } | { kind: "column"; column: "service_id" | "severity" | "team_id" | "type" };

export interface IncidentFilters {
  serviceId?: string | undefined;
  severity?: IncidentSeverity | undefined;
  teamId?: string | undefined;
  type?: string | undefined;
}

const PERCENTILES = sql`ARRAY[0.5, 0.9, 0.95]`;

/**
 * The facts of each of the org's incidents first triggered in [since, until) that pass the
 * filters, one row each (an index-only scan of incidents_org_analytics_idx, or a range of it).
 * MTTA runs from the first trigger (created_at) to the first acknowledgement, MTTR to resolution
 * (generated columns, in seconds). An SLA target is met when the first response (acknowledge or
 * resolve; resolve for the resolve target) came by its deadline, missed when it came later or has
 * not come by `asOf` past the deadline; null while the outcome is still open.
 */
function incidentFacts(
  window: AnalyticsWindow & { asOf: Date },
  filters: IncidentFilters,
  groupColumn: GroupColumn | undefined,
  range: { from: RawBuilder<unknown>; to: RawBuilder<unknown> },
) {
  // An incident's team is its service's (a handful of rows: joined only when asked about teams).
  const byTeam = filters.teamId !== undefined || groupColumn === "team_id";
  return sql`
    SELECT ${groupColumn === undefined ? sql`NULL` : COLUMN_KEYS[groupColumn]} AS group_key,
           i.time_to_acknowledge_seconds AS tta,
           i.time_to_resolve_seconds AS ttr,
           i.escalations_timeout,
           i.escalations_manual,
           CASE WHEN i.acknowledge_due_at IS NULL THEN NULL
                WHEN least(i.first_acknowledged_at, i.resolved_at) IS NOT NULL
                  THEN least(i.first_acknowledged_at, i.resolved_at) <= i.acknowledge_due_at
                WHEN i.acknowledge_due_at <= ${window.asOf} THEN false
           END AS ack_met,
           CASE WHEN i.resolve_due_at IS NULL THEN NULL
                WHEN i.resolved_at IS NOT NULL THEN i.resolved_at <= i.resolve_due_at
                WHEN i.resolve_due_at <= ${window.asOf} THEN false
           END AS resolve_met
      FROM incidents i ${byTeam ? sql`LEFT JOIN services s ON s.org_id = i.org_id AND s.id = i.service_id` : sql``}
     WHERE i.org_id = ${window.orgId}
       AND i.created_at >= ${range.from} AND i.created_at < ${range.to}
       ${filters.serviceId === undefined ? sql`` : sql`AND i.service_id = ${filters.serviceId}`}
       ${filters.severity === undefined ? sql`` : sql`AND i.severity = ${filters.severity}`}
       ${filters.teamId === undefined ? sql`` : sql`AND s.team_id = ${filters.teamId}`}
       ${filters.type === undefined ? sql`` : sql`AND i.type = ${filters.type}`}`;
}

type GroupColumn = Extract<IncidentGrouping, { kind: "column" }>["column"];
const COLUMN_KEYS: Record<GroupColumn, RawBuilder<unknown>> = {
  service_id: sql`i.service_id::text`,
  severity: sql`i.severity::text`,
  team_id: sql`s.team_id::text`,
  type: sql`i.type`,
};

/** A group's figures over its facts (`f`), with the sums its totals are added up from. */
const GROUP_FIGURES = sql`
  count(*)::int AS count,
  count(f.tta)::int AS acknowledged,
  count(f.ttr)::int AS resolved,
  sum(f.tta) AS tta_sum,
  sum(f.ttr) AS ttr_sum,
  percentile_cont(${PERCENTILES}) WITHIN GROUP (ORDER BY f.tta) AS mtta_percentiles,
  percentile_cont(${PERCENTILES}) WITHIN GROUP (ORDER BY f.ttr) AS mttr_percentiles,
  coalesce(sum(f.escalations_timeout), 0)::int AS escalations_timeout,
  coalesce(sum(f.escalations_manual), 0)::int AS escalations_manual,
  count(*) FILTER (WHERE f.ack_met)::int AS ack_met,
  count(f.ack_met)::int AS ack_judged,
  count(*) FILTER (WHERE f.resolve_met)::int AS resolve_met,
  count(f.resolve_met)::int AS resolve_judged`;

/**
 * The groups of the window: time buckets one index range each (the scan's order is the buckets'
 * order, so no sort of the window's rows by bucket), columns by grouping the facts.
 */
function groupsOf(window: AnalyticsWindow & { asOf: Date }, grouping: IncidentGrouping, filters: IncidentFilters) {
  if (grouping.kind === "buckets") {
    const facts = incidentFacts(window, filters, undefined, { from: sql`greatest(b.start, ${window.since})`, to: sql`least(b.end, ${window.until})` });
    return sql`
      SELECT b.number::int AS group_key, g.*
        FROM unnest(${grouping.starts}::timestamptz[], ${grouping.ends}::timestamptz[]) WITH ORDINALITY AS b(start, "end", number)
       CROSS JOIN LATERAL (SELECT ${GROUP_FIGURES} FROM (${facts}) f) g
       WHERE g.count > 0`;
  }
  const facts = incidentFacts(window, filters, grouping.column, { from: sql`${window.since}`, to: sql`${window.until}` });
  return sql`SELECT f.group_key, ${GROUP_FIGURES} FROM (${facts}) f GROUP BY f.group_key`;
}

/**
 * The figures of an org's incidents first triggered in [since, until) per group, and their
 * totals added up from the groups (every incident is in exactly one), in one statement. The
 * totals' percentiles need every duration of the window sorted: `durationPercentiles` computes
 * them, so that a caller can run both at once.
 */
export async function incidentMetrics(
  db: Db | Tx,
  window: AnalyticsWindow & { asOf: Date },
  grouping: IncidentGrouping,
  filters: IncidentFilters,
): Promise<IncidentMetricsRow[]> {
  // Each group's sorts (one per percentile set) fit in memory at a million incidents.
  await sql`SET LOCAL work_mem = '32MB'`.execute(db);
  const { rows } = await sql<IncidentMetricsRow>`
    WITH groups AS (${groupsOf(window, grouping, filters)})
    SELECT group_key, false AS total, count, acknowledged, resolved,
           tta_sum / nullif(acknowledged, 0) AS mtta_mean, mtta_percentiles,
           ttr_sum / nullif(resolved, 0) AS mttr_mean, mttr_percentiles,
           escalations_timeout, escalations_manual,
           (100.0 * ack_met / nullif(ack_judged, 0))::float8 AS ack_sla_met_percent,
           (100.0 * resolve_met / nullif(resolve_judged, 0))::float8 AS resolve_sla_met_percent
      FROM groups
    UNION ALL
    SELECT NULL, true, coalesce(sum(count), 0)::int, coalesce(sum(acknowledged), 0)::int, coalesce(sum(resolved), 0)::int,
           sum(tta_sum) / nullif(sum(acknowledged), 0), NULL,
           sum(ttr_sum) / nullif(sum(resolved), 0), NULL,
           coalesce(sum(escalations_timeout), 0)::int, coalesce(sum(escalations_manual), 0)::int,
           (100.0 * sum(ack_met) / nullif(sum(ack_judged), 0))::float8,
           (100.0 * sum(resolve_met) / nullif(sum(resolve_judged), 0))::float8
      FROM groups`.execute(db);
  return rows;
}

/** MTTA's and MTTR's continuous percentiles (p50, p90, p95) over every incident of the window. */
export async function durationPercentiles(
  db: Db | Tx,
  window: AnalyticsWindow & { asOf: Date },
  filters: IncidentFilters,
): Promise<{ mtta_percentiles: number[] | null; mttr_percentiles: number[] | null }> {
  await sql`SET LOCAL work_mem = '32MB'`.execute(db);
  const facts = incidentFacts(window, filters, undefined, { from: sql`${window.since}`, to: sql`${window.until}` });
  const { rows } = await sql<{ mtta_percentiles: number[] | null; mttr_percentiles: number[] | null }>`
    SELECT percentile_cont(${PERCENTILES}) WITHIN GROUP (ORDER BY f.tta) AS mtta_percentiles,
           percentile_cont(${PERCENTILES}) WITHIN GROUP (ORDER BY f.ttr) AS mttr_percentiles
      FROM (${facts}) f`.execute(db);
  return rows[0] ?? { mtta_percentiles: null, mttr_percentiles: null };
}

/** The org's teams by id, for labels. */
export function teamNames(db: Db | Tx, orgId: string, teamIds: string[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("teams").select(["id", "name"]).where("org_id", "=", orgId).where("id", "in", teamIds).execute();
}

/** The org's services by id, for labels. */
export function serviceNames(db: Db | Tx, orgId: string, serviceIds: string[]) {
  if (serviceIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("services").select(["id", "name"]).where("org_id", "=", orgId).where("id", "in", serviceIds).execute();
}

export interface ResponderRow {
  id: string;
  name: string;
  email: string;
  time_zone: string;
  pages: number;
  business: number;
  sleep: number;
  acknowledged: number;
}

/**
 * "Pages received", defined here once: the pages that reached a person, one interruption each. A
 * page is one event paging them (an escalation level, an assignment: the notification_attempts of
 * one event with their user_id), however many contact methods and rules it went through (a text
 * and an email at once, a call five minutes later). It reached them when at least one of its
 * notifications was sent (`succeeded`), and counts when the first was: a page whose every
 * notification failed, is still pending, or was cancelled (its contact method was deleted,
 * decision 0058) interrupted nobody. Counted per person with the hour band it arrived in, in the
 * person's own time zone (UTC when PostgreSQL does not know it), next to the incidents they
 * acknowledged in the window.
 */
export async function responderMetrics(db: Db | Tx, window: AnalyticsWindow): Promise<ResponderRow[]> {
  const { rows } = await sql<ResponderRow>`
    WITH pages AS (
      SELECT a.user_id, min(a.completed_at) AS arrived_at
        FROM notification_attempts a
       WHERE a.org_id = ${window.orgId} AND a.user_id IS NOT NULL AND a.status = 'succeeded'
         AND a.completed_at >= ${window.since} AND a.completed_at < ${window.until}
       GROUP BY a.user_id, a.event_id
      -- A page whose first notification was sent before the window arrived then. Looked up per page
      -- by its event and person (notification_attempts_event_user_rule_key), whatever the row
      -- estimates: a correlated aggregate is never turned into a join, and without the status in
      -- its WHERE notification_attempts_pages_sent_idx cannot answer it (a NOT EXISTS could, by
      -- reading all the org's earlier sent pages, for each page when the statistics are stale).
      HAVING min(a.completed_at) = (
               SELECT min(page.completed_at) FILTER (WHERE page.status = 'succeeded') FROM notification_attempts page
                WHERE page.org_id = ${window.orgId} AND page.event_id = a.event_id AND page.user_id = a.user_id)
    ), acknowledgements AS (
      SELECT e.actor_user_id AS user_id, count(DISTINCT e.incident_id)::int AS acknowledged
        FROM incident_events e
       WHERE e.org_id = ${window.orgId} AND e.kind = 'status_changed' AND e.data ->> 'toStatus' = 'acknowledged'
         AND e.actor_user_id IS NOT NULL
         AND e.created_at >= ${window.since} AND e.created_at < ${window.until}
       GROUP BY e.actor_user_id
    ), people AS (
      SELECT u.id, u.name, u.email, coalesce(z.name, 'UTC') AS time_zone
        FROM users u
        LEFT JOIN pg_timezone_names z ON z.name = u.time_zone
       WHERE u.id IN (SELECT user_id FROM pages UNION SELECT user_id FROM acknowledgements)
    ), bands AS (
      SELECT p.user_id,
             count(*)::int AS pages,
             count(*) FILTER (WHERE l.hour >= 8 AND l.hour < 18 AND l.dow <= 5)::int AS business,
             count(*) FILTER (WHERE l.hour >= 22 OR l.hour < 8)::int AS sleep
        FROM pages p
        JOIN people ON people.id = p.user_id
        CROSS JOIN LATERAL (
          SELECT extract(hour FROM p.arrived_at AT TIME ZONE people.time_zone) AS hour,
                 extract(isodow FROM p.arrived_at AT TIME ZONE people.time_zone) AS dow
        ) l
       GROUP BY p.user_id
    )
    SELECT people.id, people.name, people.email, people.time_zone,
           coalesce(bands.pages, 0) AS pages,
           coalesce(bands.business, 0) AS business,
           coalesce(bands.sleep, 0) AS sleep,
           coalesce(acknowledgements.acknowledged, 0) AS acknowledged
      FROM people
      LEFT JOIN bands ON bands.user_id = people.id
      LEFT JOIN acknowledgements ON acknowledgements.user_id = people.id
     ORDER BY pages DESC, acknowledged DESC, people.name, people.id`.execute(db);
  return rows;
}
