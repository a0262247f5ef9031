import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import { sql, type RawBuilder } from "kysely";

// Analytics, computed by PostgreSQL from the facts the incident lifecycle keeps on each incident
// (incidents_org_analytics_idx covers every column read) and from the pages people received.

export interface AnalyticsWindow {
  orgId: string;
  since: Date;
  until: Date;
}

/** One group's figures (or the totals'), as PostgreSQL computed them. */
export interface IncidentMetricsRow {
  /** buckets: the bucket's number (1 for the first); service: its id; severity: its name; null for the totals. */
  group_key: number | string | null;
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
 * What incidents are grouped by: consecutive time buckets given by their starts (days or weeks
 * in a time zone, computed by the caller: DST-aware, and PostgreSQL 15 has no zone-aware series),
 * or a column.
 */
export type IncidentGrouping = { kind: "buckets"; starts: Date[] } | { kind: "column"; column: "service_id" | "severity" };

function groupExpression(grouping: IncidentGrouping | undefined): RawBuilder<unknown> {
  if (grouping === undefined) return sql`NULL::text`;
  if (grouping.kind === "buckets") {
    // The bucket an incident falls in, by binary search over the starts: no zone arithmetic per row.
    return sql`width_bucket(i.created_at, ${grouping.starts}::timestamptz[])`;
  }
  return grouping.column === "service_id" ? sql`i.service_id::text` : sql`i.severity::text`;
}

/**
 * The figures of an org's incidents first triggered in [since, until), per group, or in total
 * without a grouping (an index-only scan of incidents_org_analytics_idx). MTTA runs from the first trigger
 * (created_at) to the first acknowledgement, MTTR to resolution (generated columns, in seconds);
 * percentiles are continuous (percentile_cont). An SLA target is met when the first response
 * (acknowledge or resolve; resolve for the resolve target) came by its deadline, missed when it
 * came later or has not come by `asOf` past the deadline; incidents whose outcome is still open
 * are left out of the share.
 */
export async function incidentMetrics(
  db: Db | Tx,
  window: AnalyticsWindow & { asOf: Date },
  options: { grouping: IncidentGrouping | undefined; serviceId?: string | undefined; severity?: IncidentSeverity | undefined },
): Promise<IncidentMetricsRow[]> {
  const serviceFilter = options.serviceId === undefined ? sql`` : sql`AND i.service_id = ${options.serviceId}`;
  const severityFilter = options.severity === undefined ? sql`` : sql`AND i.severity = ${options.severity}`;
  // The groups' sorts (one per percentile set) fit in memory at a million incidents.
  await sql`SET LOCAL work_mem = '32MB'`.execute(db);
  const { rows } = await sql<IncidentMetricsRow>`
    WITH facts AS (
      SELECT ${groupExpression(options.grouping)} AS group_key,
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
        FROM incidents i
       WHERE i.org_id = ${window.orgId}
         AND i.created_at >= ${window.since} AND i.created_at < ${window.until}
         ${serviceFilter} ${severityFilter}
    )
    SELECT group_key,
           count(*)::int AS count,
           count(tta)::int AS acknowledged,
           count(ttr)::int AS resolved,
           avg(tta) AS mtta_mean,
           percentile_cont(ARRAY[0.5, 0.9, 0.95]) WITHIN GROUP (ORDER BY tta) AS mtta_percentiles,
           avg(ttr) AS mttr_mean,
           percentile_cont(ARRAY[0.5, 0.9, 0.95]) WITHIN GROUP (ORDER BY ttr) AS mttr_percentiles,
           coalesce(sum(escalations_timeout), 0)::int AS escalations_timeout,
           coalesce(sum(escalations_manual), 0)::int AS escalations_manual,
           (100.0 * count(*) FILTER (WHERE ack_met) / nullif(count(ack_met), 0))::float8 AS ack_sla_met_percent,
           (100.0 * count(*) FILTER (WHERE resolve_met) / nullif(count(resolve_met), 0))::float8 AS resolve_sla_met_percent
      FROM facts
     GROUP BY group_key`.execute(db);
  return rows;
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
 * "Pages received", defined here once: the notifications addressed to a person
 * (notification_attempts with user_id set: an escalation level paging them), by when they were
 * made. Counted per person with the hour band each fell in, in the person's own time zone
 * (UTC when PostgreSQL does not know it), next to the incidents they acknowledged in the window.
 */
export async function responderMetrics(db: Db | Tx, window: AnalyticsWindow): Promise<ResponderRow[]> {
  const { rows } = await sql<ResponderRow>`
    WITH pages AS (
      SELECT a.user_id, a.created_at
        FROM notification_attempts a
       WHERE a.org_id = ${window.orgId} AND a.user_id IS NOT NULL
         AND a.created_at >= ${window.since} AND a.created_at < ${window.until}
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
          SELECT extract(hour FROM p.created_at AT TIME ZONE people.time_zone) AS hour,
                 extract(isodow FROM p.created_at AT TIME ZONE people.time_zone) AS dow
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
