import type { Db } from "@incidentops/db";
import { stringify } from "csv-stringify/sync";
import { DateTime } from "luxon";
import { AppError } from "../errors.js";
import type { Actor } from "../policy.js";
import { severitySchema } from "../schema.js";
import { durationPercentiles, incidentMetrics, responderMetrics, serviceNames, teamNames, type AnalyticsWindow, type IncidentGrouping, type IncidentMetricsRow } from "./repository.js";
import { inScope } from "../scope.js";
import {
  DEFAULT_WINDOW_DAYS,
  MAX_WINDOW_DAYS,
  type DurationStats,
  type IncidentAnalytics,
  type IncidentAnalyticsInput,
  type IncidentGroup,
  type IncidentMetrics,
  type ResponderAnalytics,
  type ResponderAnalyticsInput,
} from "./schema.js";

// Analytics (GET /analytics/incidents, /analytics/incidents.csv, /analytics/responders): the
// figures come from PostgreSQL (repository.ts); this module checks the window, labels the
// groups and adds the empty day and week buckets a chart needs.

const DAY_MS = 86_400_000;

const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", `Invalid analytics window: ${field} ${message}`, { fields: { [field]: [message] } });

/** The window asked for: [since, until), by default the 30 days up to now, at most 366 days. */
function windowOf(actor: Actor, input: { since?: string | undefined; until?: string | undefined }, now: Date): AnalyticsWindow {
  const until = input.until === undefined ? now : new Date(input.until);
  const since = input.since === undefined ? new Date(until.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS) : new Date(input.since);
  if (since >= until) throw invalid("since", "must be before until");
  if (until.getTime() - since.getTime() > MAX_WINDOW_DAYS * DAY_MS) throw invalid("since", `must be at most ${MAX_WINDOW_DAYS} days before until`);
  return { orgId: actor.orgId, since, until };
}

/** Seconds with millisecond precision (times are stored in milliseconds). */
const roundSeconds = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 1000) / 1000);
const roundPercent = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

function durationStats(mean: number | null, percentiles: number[] | null): DurationStats {
  return { mean: roundSeconds(mean), p50: roundSeconds(percentiles?.[0]), p90: roundSeconds(percentiles?.[1]), p95: roundSeconds(percentiles?.[2]) };
}

function metricsOf(row: IncidentMetricsRow | undefined): IncidentMetrics {
  return {
    count: row?.count ?? 0,
    acknowledged: row?.acknowledged ?? 0,
    resolved: row?.resolved ?? 0,
    mtta: durationStats(row?.mtta_mean ?? null, row?.mtta_percentiles ?? null),
    mttr: durationStats(row?.mttr_mean ?? null, row?.mttr_percentiles ?? null),
    escalations: { timeout: row?.escalations_timeout ?? 0, manual: row?.escalations_manual ?? 0 },
    ackSlaMetPercent: roundPercent(row?.ack_sla_met_percent ?? null),
    resolveSlaMetPercent: roundPercent(row?.resolve_sla_met_percent ?? null),
  };
}

/** The starts of every day or week of the window in the zone, in order (the first one at or before since). */
function bucketStarts(window: AnalyticsWindow, unit: "day" | "week", timeZone: string): DateTime[] {
  const starts: DateTime[] = [];
  const end = DateTime.fromJSDate(window.until, { zone: timeZone });
  for (let start = DateTime.fromJSDate(window.since, { zone: timeZone }).startOf(unit); start < end; start = start.plus({ [unit]: 1 })) starts.push(start);
  return starts;
}

/** Each bucket's [start, end): the next one's start, the last one's the window's end. */
function bucketBounds(starts: DateTime[], until: Date): { starts: Date[]; ends: Date[] } {
  const bounds = starts.map((start) => start.toJSDate());
  return { starts: bounds, ends: [...bounds.slice(1), until] };
}

/** Every bucket with its figures (zero when it has no incident): rows name theirs by number, 1 for the first. */
function timeBuckets(rows: IncidentMetricsRow[], starts: DateTime[]): IncidentGroup[] {
  const byNumber = new Map(rows.map((row) => [Number(row.group_key), row]));
  return starts.map((start, i) => {
    const key = start.toISODate() ?? "";
    return { key, label: key, start: start.toUTC().toISO() ?? "", ...metricsOf(byNumber.get(i + 1)) };
  });
}

/** The key of the group of incidents without a value to group by: services of no team, incidents of no type. */
const NONE = "none";

/** Groups by count, most first, then by label. */
const mostFirst = (groups: IncidentGroup[]): IncidentGroup[] => groups.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

/** A service's or team's groups by count, most first, labelled by name (a team's services of no team: "No team"). */
async function namedGroups(db: Db, actor: Actor, rows: IncidentMetricsRow[], groupBy: "service" | "team"): Promise<IncidentGroup[]> {
  const ids = rows.flatMap((row) => (row.group_key === null ? [] : [String(row.group_key)]));
  const named = groupBy === "service" ? await serviceNames(db, actor.orgId, ids) : await teamNames(db, actor.orgId, ids);
  const names = new Map(named.map((n) => [n.id, n.name]));
  return mostFirst(
    rows.map((row) => {
      const key = row.group_key === null ? NONE : String(row.group_key);
      return { key, label: key === NONE ? "No team" : (names.get(key) ?? key), start: null, ...metricsOf(row) };
    }),
  );
}

/** The groups by type, most first (incidents of no type: "No type"). */
const typeGroups = (rows: IncidentMetricsRow[]): IncidentGroup[] =>
  mostFirst(
    rows.map((row) => {
      const type = row.group_key === null ? null : String(row.group_key);
      return { key: type ?? NONE, label: type ?? "No type", start: null, ...metricsOf(row) };
    }),
  );

async function labelledGroups(db: Db, actor: Actor, rows: IncidentMetricsRow[], groupBy: "service" | "team" | "severity" | "type"): Promise<IncidentGroup[]> {
  if (groupBy === "type") return typeGroups(rows);
  if (groupBy !== "severity") return namedGroups(db, actor, rows, groupBy);
  const keyOf = (row: IncidentMetricsRow) => String(row.group_key);
  const order = severitySchema.options as readonly string[];
  return rows
    .sort((a, b) => order.indexOf(keyOf(a)) - order.indexOf(keyOf(b)))
    .map((row) => ({ key: keyOf(row), label: keyOf(row).toUpperCase(), start: null, ...metricsOf(row) }));
}

/** The incidents' column each non-time grouping reads. */
const COLUMN_OF = { service: "service_id", team: "team_id", severity: "severity", type: "type" } as const;

/**
 * MTTA, MTTR, escalations and SLA attainment of the org's incidents first triggered in the
 * window, per group and in total. Two queries: the groups with the totals added up from them, and
 * the totals' percentiles (which sort every duration of the window). With a `pool` they run at
 * once, each in a transaction of its own scoped to the org (on two cores, about half the wait),
 * else one after the other on `db`.
 */
export async function incidentAnalytics(db: Db, actor: Actor, input: IncidentAnalyticsInput, options: { pool?: Db } = {}): Promise<IncidentAnalytics> {
  const now = new Date();
  const window = { ...windowOf(actor, input, now), asOf: now };
  const { groupBy } = input;
  const starts = groupBy === "day" || groupBy === "week" ? bucketStarts(window, groupBy, input.timeZone) : [];
  const grouping: IncidentGrouping =
    groupBy === "day" || groupBy === "week" ? { kind: "buckets", ...bucketBounds(starts, window.until) } : { kind: "column", column: COLUMN_OF[groupBy] };
  const filters = { serviceId: input.serviceId, severity: input.severity, teamId: input.teamId, type: input.type };
  const groupsQuery = (tx: Db) => incidentMetrics(tx, window, grouping, filters);
  const percentilesQuery = (tx: Db) => durationPercentiles(tx, window, filters);
  const { pool } = options;
  const [rows, percentiles] =
    pool === undefined
      ? [await groupsQuery(db), await percentilesQuery(db)]
      : await Promise.all([inScope(pool, { orgId: actor.orgId }, groupsQuery), inScope(pool, { orgId: actor.orgId }, percentilesQuery)]);
  const groupRows = rows.filter((row) => !row.total);
  const totals = rows.find((row) => row.total);
  const groups = groupBy === "day" || groupBy === "week" ? timeBuckets(groupRows, starts) : await labelledGroups(db, actor, groupRows, groupBy);
  return {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    groupBy: input.groupBy,
    timeZone: input.timeZone,
    totals: metricsOf(totals === undefined ? undefined : { ...totals, ...percentiles }),
    groups,
  };
}

const CSV_COLUMNS = [
  "key",
  "label",
  "start",
  "count",
  "acknowledged",
  "resolved",
  "mtta_mean_seconds",
  "mtta_p50_seconds",
  "mtta_p90_seconds",
  "mtta_p95_seconds",
  "mttr_mean_seconds",
  "mttr_p50_seconds",
  "mttr_p90_seconds",
  "mttr_p95_seconds",
  "escalations_timeout",
  "escalations_manual",
  "ack_sla_met_percent",
  "resolve_sla_met_percent",
];

/**
 * The groups of incidentAnalytics as CSV (RFC 4180, a header line, empty cells for no value).
 * Cells that a spreadsheet would run as a formula (a service named "=cmd|...") are escaped.
 */
export async function incidentAnalyticsCsv(db: Db, actor: Actor, input: IncidentAnalyticsInput, options: { pool?: Db } = {}): Promise<string> {
  const { groups } = await incidentAnalytics(db, actor, input, options);
  const records = groups.map((g) => [
    g.key,
    g.label,
    g.start,
    g.count,
    g.acknowledged,
    g.resolved,
    g.mtta.mean,
    g.mtta.p50,
    g.mtta.p90,
    g.mtta.p95,
    g.mttr.mean,
    g.mttr.p50,
    g.mttr.p90,
    g.mttr.p95,
    g.escalations.timeout,
    g.escalations.manual,
    g.ackSlaMetPercent,
    g.resolveSlaMetPercent,
  ]);
  // Records end in CRLF (RFC 4180); csv-stringify then quotes only a CRLF in a field, so a lone LF or CR is quoted too.
  return stringify(records, { header: true, columns: CSV_COLUMNS, escape_formulas: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

/** Per person: pages received (and when, in their own time zone) and incidents acknowledged in the window. */
export async function responderAnalytics(db: Db, actor: Actor, input: ResponderAnalyticsInput): Promise<ResponderAnalytics> {
  const window = windowOf(actor, input, new Date());
  const rows = await responderMetrics(db, window);
  const items = rows.map((row) => ({
    user: { id: row.id, name: row.name, email: row.email },
    timeZone: row.time_zone,
    pagesReceived: row.pages,
    incidentsAcknowledged: row.acknowledged,
    interruptions: { business: row.business, offHours: row.pages - row.business - row.sleep, sleep: row.sleep },
  }));
  const sum = (pick: (item: (typeof items)[number]) => number) => items.reduce((total, item) => total + pick(item), 0);
  return {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    totals: {
      pagesReceived: sum((i) => i.pagesReceived),
      incidentsAcknowledged: sum((i) => i.incidentsAcknowledged),
      interruptions: { business: sum((i) => i.interruptions.business), offHours: sum((i) => i.interruptions.offHours), sleep: sum((i) => i.interruptions.sleep) },
    },
    items,
  };
}
