import { randomUUID } from "node:crypto";
import { executeKeyed, INCIDENT_COLUMNS, keyed, keyedStatement, sendWithNext, type Database, type Db, type IncidentSeverity, type IncidentRow, type IncidentStatus, type NewIncident, type Tx } from "@incidentops/db";
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
import { newestFirst } from "../keyset.js";
import { suppressingDuringMaintenance } from "../maintenance/repository.js";
import { deadlineAfter, warningAfter, type SlaTarget } from "../sla/repository.js";
import type { SlaKind, SlaStage } from "../sla/schema.js";
import type { Assignee, EscalationCause, Incident, IncidentEventKind, SlaStanding } from "./schema.js";
import { STATUS_TIMESTAMP_COLUMN } from "./state-machine.js";

// Writes to incidents and incident_events are called from lifecycle.ts only.

/**
 * The incident's assignees (in the order they were assigned) as a column of its row: a read that
 * shows incidents fetches them in its own query, with no second round trip.
 */
const assigneesOfIncident = sql<Assignee[]>`coalesce((
  SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY a.assigned_at, u.name, u.id)
  FROM incident_assignees a JOIN users u ON u.id = a.user_id
  WHERE a.org_id = incidents.org_id AND a.incident_id = incidents.id), '[]')`;
const assigneesColumn = assigneesOfIncident.as("assignees");

/** The incident, with its assignees. */
const readIncident = keyedStatement((db: Db, orgId: string, incidentId: string) =>
  db.selectFrom("incidents").select(INCIDENT_COLUMNS).select(assigneesColumn).where("org_id", "=", orgId).where("id", "=", incidentId),
);

export async function findIncident(db: Db | Tx, orgId: string, incidentId: string) {
  const [incident] = await readIncident(db, orgId, incidentId);
  return incident;
}

// An incident is locked for a change as an UPDATE of it locks it (FOR NO KEY UPDATE): every other
// change of it waits, but not the rows that only refer to it. A fan-out's attempts check their
// foreign key with FOR KEY SHARE, which FOR UPDATE would refuse: the checks waited, and a job of
// several incidents' steps (SKIP LOCKED) left out every incident whose fan-out was running.

export function findIncidentForUpdate(tx: Tx, orgId: string, incidentId: string) {
  return tx.selectFrom("incidents").selectAll().where("org_id", "=", orgId).where("id", "=", incidentId).forNoKeyUpdate().executeTakeFirst();
}

/**
 * The org's incidents among `incidentIds`, locked in the order of their ids (two such locks never
 * deadlock); with `skipLocked`, those another transaction holds are left out.
 */
export function findIncidentsForUpdate(tx: Tx, orgId: string, incidentIds: readonly string[], options: { skipLocked?: boolean } = {}) {
  if (incidentIds.length === 0) return Promise.resolve([]);
  const locking = tx.selectFrom("incidents").selectAll().where("org_id", "=", orgId).where("id", "in", incidentIds).orderBy("id").forNoKeyUpdate();
  return (options.skipLocked === true ? locking.skipLocked() : locking).execute();
}

const readIncidentId = keyedStatement((db: Db, orgId: string, incidentId: string) =>
  db.selectFrom("incidents").select("id").where("org_id", "=", orgId).where("id", "=", incidentId),
);

export async function incidentExists(db: Db | Tx, orgId: string, incidentId: string): Promise<boolean> {
  const rows = await readIncidentId(db, orgId, incidentId);
  return rows.length > 0;
}

/** An incident's columns of each SLA deadline: when it is due and warns, when it was breached and warned. */
export const SLA_COLUMNS = {
  acknowledge: { due: "acknowledge_due_at", warning: "acknowledge_warn_at", breached: "acknowledge_breached_at", warned: "acknowledge_warned_at" },
  resolve: { due: "resolve_due_at", warning: "resolve_warn_at", breached: "resolve_breached_at", warned: "resolve_warned_at" },
} as const;
export const EVERY_SLA_KIND = ["acknowledge", "resolve"] as const;

type SlaTimeColumn = (typeof SLA_COLUMNS)[SlaKind]["due" | "warning"];

/** The deadlines of these kinds and their warnings, as the service's SLA policy gives the severity, counted from `from`. */
const deadlinesAfter = (kinds: readonly SlaKind[], target: SlaTarget, from: Expression<Date>) =>
  Object.fromEntries(
    kinds.flatMap((kind) => [
      [SLA_COLUMNS[kind].due, deadlineAfter(kind, target, from)],
      [SLA_COLUMNS[kind].warning, warningAfter(kind, target, from)],
    ]),
  ) as Partial<Record<SlaTimeColumn, RawBuilder<Date | null>>>;

/** The SLA deadlines (and warnings) of a new incident, counted from its creation (`now()`, as created_at is). */
const deadlinesFromNow = (target: { orgId: string; serviceId: string; severity: IncidentSeverity }) => deadlinesAfter(EVERY_SLA_KIND, target, sql<Date>`now()`);

/** Inserts the incident with the deadlines its service's SLA policy gives its severity. */
export function insertIncident(tx: Tx, values: NewIncident & { severity: IncidentSeverity }) {
  return tx
    .insertInto("incidents")
    .values({ ...values, ...deadlinesFromNow({ orgId: values.org_id, serviceId: values.service_id, severity: values.severity }) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** `incidents.org_id, incidents.id, ...`: every column, named (a prepared `returning *` breaks when a migration adds one). */
const everyIncidentColumn = sql.join(INCIDENT_COLUMNS.map((column) => sql.ref(`incidents.${column}`)));

/** What an alert opens an incident with, or counts on the open one by (its service and dedup key). */
export interface AlertIncident {
  serviceId: string;
  title: string;
  description?: string | undefined;
  type?: string | undefined;
  severity: IncidentSeverity;
  dedupKey: string;
  /** What a maintenance window on the service keeps of the alert instead: its integration, and the alert as received. */
  received: { integrationId: string | null; raw: unknown };
}

/**
 * Opens an incident for each alert, or counts the alert on the open incident of its service with
 * the same dedup key; during a maintenance window on its service, records the alert there instead
 * (suppressingDuringMaintenance) and returns no row for it. One statement for them all (INSERT ...
 * ON CONFLICT on the partial unique index of open incidents), so any number of concurrent
 * identical alerts open exactly one incident; no two of `alerts` may share a service and dedup key
 * (one row cannot be changed twice by a statement). The windows, each service's escalation policy
 * and the incidents' assignees are read by the same statement (no round trip of their own). It is
 * keyed (each alert's incident found by that index, the alerts one document), so it runs prepared
 * (executeKeyed): its text is the same for any batch, and planning it took twice as long as
 * running it. `inserted` tells which happened; rows come in no particular order.
 */
export async function upsertAlertIncidents(tx: Tx, orgId: string, alerts: readonly AlertIncident[]) {
  const rows = alerts.map((alert, i) => ({
    i,
    service_id: alert.serviceId,
    title: alert.title,
    description: alert.description ?? null,
    type: alert.type ?? null,
    severity: alert.severity,
    dedup_key: alert.dedupKey,
    integration_id: alert.received.integrationId,
    alert: alert.received.raw ?? null,
  }));
  const target = { orgId, serviceId: sql.ref<string>("a.service_id"), severity: sql.ref<IncidentSeverity>("a.severity") };
  const deadlines = deadlinesAfter(EVERY_SLA_KIND, target, sql<Date>`now()`);
  return executeKeyed(tx, sql<IncidentRow & { inserted: boolean; assignees: Assignee[] }>`
    WITH alert AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS a(i int, service_id uuid, title text, description text, type text, severity incident_severity, dedup_key text, integration_id uuid, alert jsonb)),
    ${suppressingDuringMaintenance(orgId)}
    INSERT INTO incidents (org_id, service_id, title, description, type, severity, dedup_key, alert_count, ${sql.join(Object.keys(deadlines).map((column) => sql.ref(column)))}, escalation_policy_id)
    SELECT ${orgId}, a.service_id, a.title, a.description, a.type, a.severity, a.dedup_key, 1, ${sql.join(Object.values(deadlines))},
           (SELECT s.escalation_policy_id FROM services s WHERE s.org_id = ${orgId} AND s.id = a.service_id)
      FROM alert a
     WHERE a.service_id NOT IN (SELECT service_id FROM window_in_effect)
     ORDER BY a.i
    ON CONFLICT (org_id, service_id, dedup_key) WHERE dedup_key IS NOT NULL AND status <> 'resolved'
    DO UPDATE SET alert_count = incidents.alert_count + 1, updated_at = now()
    RETURNING ${everyIncidentColumn}, xmax = 0 AS inserted, ${assigneesOfIncident} AS assignees`);
}

/** The keys of the group alerts listed on the incident's timeline so far (`groupAlerts` of its events). */
export async function groupAlertKeysOnTimeline(tx: Tx, orgId: string, incidentId: string): Promise<Set<string>> {
  const { rows } = await sql<{ key: string }>`
    SELECT DISTINCT listed->>'key' AS key
    FROM incident_events e,
      jsonb_array_elements(CASE WHEN jsonb_typeof(e.data->'groupAlerts') = 'array' THEN e.data->'groupAlerts' ELSE '[]'::jsonb END) listed
    WHERE e.org_id = ${orgId} AND e.incident_id = ${incidentId}`.execute(tx);
  return new Set(rows.map((row) => row.key));
}

/** The open incident of the service with this dedup key, locked. */
export function findOpenAlertIncidentForUpdate(tx: Tx, orgId: string, serviceId: string, dedupKey: string) {
  return tx
    .selectFrom("incidents")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .where("dedup_key", "=", dedupKey)
    .where("status", "<>", "resolved")
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** The service's acknowledgement timeout counted from `at` (null: the service has none), in an UPDATE of incidents. */
const ackTimeoutFrom = (at: Date) =>
  sql<Date | null>`${at}::timestamptz + (SELECT s.ack_timeout_minutes FROM services s WHERE s.org_id = incidents.org_id AND s.id = incidents.service_id) * interval '1 minute'`;

/**
 * For a change that ends a snooze (any change but a move): the snooze had replaced the
 * acknowledgement timeout, which starts again from the change, so an incident left acknowledged
 * still comes back to triggered. Without a snooze the timeout is as it was.
 */
const endingSnooze = (at: Date) => ({
  snoozed_until: null,
  ack_timeout_at: sql<Date | null>`CASE WHEN snoozed_until IS NULL THEN ack_timeout_at ELSE ${ackTimeoutFrom(at)} END`,
});

/**
 * Sets the status, stamps its time column (and the first acknowledgement, once) and the version.
 * Any snooze ends; entering `acknowledged` starts the service's acknowledgement timeout, if it has one.
 */
export function setIncidentStatus(tx: Tx, orgId: string, incidentId: string, change: { status: IncidentStatus; version: number; at: Date }) {
  const ackTimeoutAt = change.status === "acknowledged" ? ackTimeoutFrom(change.at) : null;
  return tx
    .updateTable("incidents")
    .set({
      status: change.status,
      version: change.version,
      updated_at: change.at,
      [STATUS_TIMESTAMP_COLUMN[change.status]]: change.at,
      snoozed_until: null,
      ack_timeout_at: ackTimeoutAt,
      ...(change.status === "acknowledged" ? { first_acknowledged_at: sql<Date>`coalesce(first_acknowledged_at, ${change.at})` } : {}),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", incidentId)
    .returningAll()
    .returning(assigneesColumn)
    .executeTakeFirstOrThrow();
}

/**
 * A change that is not a move: the new version and, when given, the snooze's end: a new snooze
 * (which replaces the acknowledgement timeout), or null for none (see endingSnooze).
 */
export function setIncidentVersion(tx: Tx, orgId: string, incidentId: string, change: { version: number; at: Date; snoozedUntil?: Date | null }) {
  const snooze =
    change.snoozedUntil === undefined ? {} : change.snoozedUntil === null ? endingSnooze(change.at) : { snoozed_until: change.snoozedUntil, ack_timeout_at: null };
  return tx
    .updateTable("incidents")
    .set({
      version: change.version,
      updated_at: change.at,
      ...snooze,
    })
    .where("org_id", "=", orgId)
    .where("id", "=", incidentId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets the given details and the version; `rearm` recomputes those deadlines for the (new) severity, from the incident's creation. */
export function updateIncidentDetails(
  tx: Tx,
  orgId: string,
  incidentId: string,
  change: {
    title?: string | undefined;
    description?: string | null | undefined;
    severity?: IncidentSeverity | undefined;
    type?: string | null | undefined;
    version: number;
    at: Date;
    rearm: SlaKind[];
  },
) {
  // Qualified: inside the policy subquery, a bare service_id is the policy's own column.
  const target = { orgId, serviceId: sql.ref<string>("incidents.service_id"), severity: sql.ref<IncidentSeverity>("incidents.severity") };
  // The SET list sees the row as it was: the new severity is given as a value.
  const deadlines = deadlinesAfter(change.rearm, change.severity === undefined ? target : { ...target, severity: change.severity }, sql.ref<Date>("incidents.created_at"));
  // A moved deadline warns again before its new time.
  const unwarned = Object.fromEntries(change.rearm.map((kind) => [SLA_COLUMNS[kind].warned, null]));
  return tx
    .updateTable("incidents")
    .set({
      ...(change.title === undefined ? {} : { title: change.title }),
      ...(change.description === undefined ? {} : { description: change.description }),
      ...(change.severity === undefined ? {} : { severity: change.severity }),
      ...(change.type === undefined ? {} : { type: change.type }),
      ...deadlines,
      ...unwarned,
      version: change.version,
      updated_at: change.at,
      // Any change ends a snooze.
      ...endingSnooze(change.at),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", incidentId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The assignees of the given incidents, by incident id, in the order they were assigned. Keyed
 * (the ids as one array): a change reads them for each event's snapshot, and planning the read
 * took four times as long as running it.
 */
export async function findAssignees(db: Db | Tx, orgId: string, incidentIds: readonly string[]): Promise<Map<string, Assignee[]>> {
  const byIncident = new Map<string, Assignee[]>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return byIncident;
  const rows = await executeKeyed(
    db,
    db
      .selectFrom("incidents")
      .select(["id", assigneesColumn])
      .where("org_id", "=", orgId)
      .where("id", "=", sql<string>`ANY(${[...incidentIds]}::uuid[])`),
  );
  for (const row of rows) byIncident.set(row.id, row.assignees);
  return byIncident;
}

/** Makes exactly `userIds` the incident's assignees; those assigned already keep their time. */
/**
 * Makes each incident's assignees the people of its `userIds` (those already assigned keep their
 * `assigned_at`, the others get `at`), for all the incidents in two statements.
 */
export async function replaceAssignees(tx: Tx, orgId: string, changes: readonly { incidentId: string; userIds: readonly string[] }[], at: Date): Promise<void> {
  if (changes.length === 0) return;
  const document = JSON.stringify(changes.map(({ incidentId, userIds }) => ({ incident_id: incidentId, user_ids: userIds })));
  await sql`
    DELETE FROM incident_assignees AS a
     USING json_to_recordset(${document}::json) AS c(incident_id uuid, user_ids uuid[])
     WHERE a.org_id = ${orgId} AND a.incident_id = c.incident_id AND a.user_id <> ALL (c.user_ids)`.execute(tx);
  await sql`
    INSERT INTO incident_assignees (org_id, incident_id, user_id, assigned_at)
    SELECT ${orgId}, c.incident_id, u.user_id, ${at}
      FROM json_to_recordset(${document}::json) AS c(incident_id uuid, user_ids uuid[])
     CROSS JOIN LATERAL unnest(c.user_ids) AS u(user_id)
    ON CONFLICT DO NOTHING`.execute(tx);
}

/** Whether the incident's `kind` deadline still runs, as SQL: neither met nor breached (deadlineRuns in lifecycle.ts). */
const deadlineRunsIn = (kind: SlaKind) => (eb: ExpressionBuilder<Database, "incidents">) => {
  const runs = [eb(SLA_COLUMNS[kind].breached, "is", null), eb("resolved_at", "is", null)];
  return eb.and(kind === "acknowledge" ? [...runs, eb("first_acknowledged_at", "is", null)] : runs);
};

/**
 * Stamps the `stage` of the `kind` deadline of each of the incidents where it is due (on the
 * database's clock, the one the job was scheduled on) and the deadline still runs: not met, not
 * breached already. A warning is stamped once (until a severity change moves the deadline), and
 * only before the deadline: past it, the breach says more. The incidents stamped. Lock several
 * incidents first (lockIncidents, in id order): the update alone would lock them in the order it
 * finds them, and could deadlock with another change of several.
 */
export function markSla(tx: Tx, orgId: string, incidentIds: readonly string[], kind: SlaKind, stage: SlaStage) {
  if (incidentIds.length === 0) return Promise.resolve([]);
  const { due, breached, warning, warned } = SLA_COLUMNS[kind];
  const query = tx.updateTable("incidents").where("org_id", "=", orgId).where("id", "in", incidentIds).where(deadlineRunsIn(kind));
  const stamped =
    stage === "breach"
      ? query.set({ [breached]: sql<Date>`now()` }).where(due, "<=", sql<Date>`now()`)
      : query.set({ [warned]: sql<Date>`now()` }).where(warned, "is", null).where(warning, "<=", sql<Date>`now()`).where(due, ">", sql<Date>`now()`);
  return stamped.returningAll().execute();
}

/** Sets the incident's escalation step, with no next step scheduled for a time (a retrigger's restart, at once). */
export async function setEscalationStep(tx: Tx, orgId: string, incidentId: string, step: number): Promise<void> {
  await tx.updateTable("incidents").set({ escalation_step: step, escalation_due_at: null }).where("org_id", "=", orgId).where("id", "=", incidentId).execute();
}

/**
 * Sets each incident's escalation step and when it is due (null: not scheduled), counting the
 * escalation by its cause (`timeout`, `manual`; null or `trigger` count nothing), with the
 * transaction's next statement: one statement for them all, keyed (the steps are one JSON
 * document, each incident found by its key).
 */
export async function setEscalationSteps(
  tx: Tx,
  orgId: string,
  steps: readonly { incidentId: string; step: number; cause: EscalationCause | null; dueAt: Date | null }[],
): Promise<void> {
  if (steps.length === 0) return;
  const document = JSON.stringify(steps.map(({ incidentId, step, cause, dueAt }) => ({ incident_id: incidentId, step, cause, due_at: dueAt })));
  await sendWithNext(
    tx,
    keyed(sql`
    UPDATE incidents AS i
       SET escalation_step = s.step,
           escalation_due_at = s.due_at,
           escalations_timeout = i.escalations_timeout + CASE WHEN s.cause = 'timeout' THEN 1 ELSE 0 END,
           escalations_manual = i.escalations_manual + CASE WHEN s.cause = 'manual' THEN 1 ELSE 0 END
      FROM json_to_recordset(${document}::json) AS s(incident_id uuid, step int, cause text, due_at timestamptz)
     WHERE i.org_id = ${orgId}::uuid AND i.id = s.incident_id`),
  );
}

export interface IncidentFilter {
  status?: IncidentStatus | undefined;
  serviceId?: string | undefined;
  severity?: IncidentSeverity | undefined;
  /** A user id: only incidents assigned to them. */
  assignedTo?: string | undefined;
  /** The team of the incident's service. */
  teamId?: string | undefined;
  type?: string | undefined;
  sla?: SlaStanding | undefined;
}

/** `query` narrowed to the incidents that match `filter` (all but its status). */
function matching<O>(query: SelectQueryBuilder<Database, "incidents", O>, orgId: string, filter: Omit<IncidentFilter, "status">) {
  let narrowed = query;
  if (filter.serviceId !== undefined) narrowed = narrowed.where("service_id", "=", filter.serviceId);
  if (filter.severity !== undefined) narrowed = narrowed.where("severity", "=", filter.severity);
  if (filter.type !== undefined) narrowed = narrowed.where("type", "=", filter.type);
  if (filter.assignedTo !== undefined) narrowed = narrowed.where(assignedToUser(filter.assignedTo));
  if (filter.teamId !== undefined) narrowed = narrowed.where(ofTeam(orgId, filter.teamId));
  if (filter.sla !== undefined) narrowed = narrowed.where(SLA_STANDING[filter.sla]);
  return narrowed;
}

/** A deadline that still runs and was warned of: at risk. */
const atRisk = (kind: SlaKind) => (eb: ExpressionBuilder<Database, "incidents">) => eb.and([eb(SLA_COLUMNS[kind].warned, "is not", null), deadlineRunsIn(kind)(eb)]);

/** The incidents that stand so with their SLA deadlines. */
const SLA_STANDING: Record<SlaStanding, (eb: ExpressionBuilder<Database, "incidents">) => Expression<SqlBool>> = {
  at_risk: (eb) => eb.or(EVERY_SLA_KIND.map((kind) => atRisk(kind)(eb))),
  breached: (eb) => eb.or(EVERY_SLA_KIND.map((kind) => eb(SLA_COLUMNS[kind].breached, "is not", null))),
};

/** Incidents assigned to the person. */
const assignedToUser = (userId: string) => (eb: ExpressionBuilder<Database, "incidents">) =>
  eb.exists(
    eb
      .selectFrom("incident_assignees as a")
      .select("a.user_id")
      .whereRef("a.org_id", "=", "incidents.org_id")
      .whereRef("a.incident_id", "=", "incidents.id")
      .where("a.user_id", "=", userId),
  );

/** The incidents of the services the team owns. */
const ofTeam = (orgId: string, teamId: string) => (eb: ExpressionBuilder<Database, "incidents">) =>
  eb("service_id", "in", eb.selectFrom("services").select("id").where("org_id", "=", orgId).where("team_id", "=", teamId));

/** Newest first, by (created_at, id) keyset: pages stay stable while incidents are opened; with their assignees. */
export function listIncidents(
  db: Db | Tx,
  orgId: string,
  filter: IncidentFilter,
  limit: number,
  after: { createdAt: string; id: string } | undefined,
) {
  let query = matching(db.selectFrom("incidents").selectAll().select(assigneesColumn).where("org_id", "=", orgId), orgId, filter);
  if (filter.status !== undefined) query = query.where("status", "=", filter.status);
  return newestFirst(query, limit, after).execute();
}

/** The org's incidents among `ids` (any that are missing or another org's are left out), with their assignees. */
export function findIncidents(db: Db | Tx, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("incidents")
    .selectAll()
    .select(assigneesColumn)
    .where("org_id", "=", orgId)
    .where("id", "in", ids)
    .orderBy(sql`created_at DESC, id DESC`)
    .execute();
}

/** How many incidents match the filter, per (status, severity, service): a few rows per service. */
export function countIncidents(db: Db | Tx, orgId: string, filter: Omit<IncidentFilter, "status">) {
  const query = db
    .selectFrom("incidents")
    .select(["status", "severity", "service_id", sql<number>`count(*)::int`.as("count")])
    .where("org_id", "=", orgId)
    .groupBy(["status", "severity", "service_id"]);
  return matching(query, orgId, filter).execute();
}

/** An event to append, with the incident (its wire shape) as it is right after it. */
export interface NewIncidentEvent {
  orgId: string;
  incident: Incident;
  kind: IncidentEventKind;
  actorUserId: string | null;
  data: Record<string, unknown>;
}

/**
 * Inserts the events, each with its id, in the order given (their `seq`). The rows come as one
 * JSON document, so the statement's text is the same however many there are: keyed, since an
 * insert has no plan to choose.
 */
function insertEvents(tx: Tx, events: readonly (NewIncidentEvent & { id: string })[]) {
  const rows = JSON.stringify(
    events.map((event) => ({ id: event.id, org_id: event.orgId, incident_id: event.incident.id, kind: event.kind, actor_user_id: event.actorUserId, data: event.data, incident: event.incident })),
  );
  return tx
    .insertInto("incident_events")
    .columns(["id", "org_id", "incident_id", "kind", "actor_user_id", "data", "incident"])
    .expression(
      sql`SELECT r.id, r.org_id, r.incident_id, r.kind, r.actor_user_id, r.data, r.incident
      FROM json_to_recordset(${rows}::json) AS r(id uuid, org_id uuid, incident_id uuid, kind text, actor_user_id uuid, data jsonb, incident jsonb)`,
    );
}

/** Appends an event, and returns its row. */
export function insertIncidentEvent(tx: Tx, event: NewIncidentEvent) {
  return insertEvents(tx, [{ ...event, id: randomUUID() }]).returningAll().executeTakeFirstOrThrow();
}

/**
 * Appends events, in the order given, with the transaction's next statement (sendWithNext): one
 * statement, with no round trip of its own, however many (and the timeline's live-update trigger
 * runs once for them all), prepared on its connection (insertEvents). Returns their ids (made
 * here), for a caller that needs nothing else of the rows. A failure to write them is the next
 * statement's, and rolls the transaction back.
 */
export async function insertIncidentEventsWithNext(tx: Tx, events: readonly NewIncidentEvent[]): Promise<string[]> {
  const withIds = events.map((event) => ({ ...event, id: randomUUID() }));
  if (withIds.length > 0) await sendWithNext(tx, keyed(insertEvents(tx, withIds)));
  return withIds.map((event) => event.id);
}

/** Oldest first, by the insertion sequence, each with the name of the person who acted (if one did). */
export function listIncidentEvents(db: Db | Tx, orgId: string, incidentId: string, kind: IncidentEventKind | undefined, limit: number, afterSeq: string | undefined) {
  let query = db
    .selectFrom("incident_events as e")
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .selectAll("e")
    .select("u.name as actor_name")
    .where("e.org_id", "=", orgId)
    .where("e.incident_id", "=", incidentId);
  if (kind !== undefined) query = query.where("e.kind", "=", kind);
  if (afterSeq !== undefined) query = query.where("e.seq", ">", afterSeq);
  return query.orderBy("e.seq").limit(limit + 1).execute();
}

/** Up to `limit` + 1 events of a timeline, oldest first, leaving out the kinds given. */
export function listTimelineHead(db: Db | Tx, orgId: string, incidentId: string, limit: number, without: IncidentEventKind[]) {
  return db
    .selectFrom("incident_events")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("incident_id", "=", incidentId)
    .where("kind", "not in", without)
    .orderBy("seq")
    .limit(limit + 1)
    .execute();
}
