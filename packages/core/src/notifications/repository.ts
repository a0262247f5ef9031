import { DELIVERY_LANE_COLUMNS, executeAndCommit, executeKeyed, executeTogether, INCIDENT_EVENT_COLUMNS, keyed, NOTIFICATION_TARGET_COLUMNS, sendWithNext, type Db, type IncidentEventRow, type IncidentSeverity, type NotificationAttemptStatus, type NotificationChannel, type NotificationTargetRow, type Tx } from "@incidentops/db";
import { sql } from "kysely";
import { addJobsWhere, type JobRequest } from "../jobs/enqueue.js";
import { pastPosition } from "../keyset.js";
import { isDueNext, laneNeedsWake, laneTakenAt, laneUnheld, lockingExistingLanes } from "./lane-repository.js";

/** Who an attempt goes to: a notification target, or a person through one of their contact methods (by a rule with this delay). */
export type Recipient =
  | { targetId: string; channel: NotificationChannel }
  | { userId: string; contactMethodId: string; channel: NotificationChannel; delayMinutes: number };

/** An attempt to make: an event and one of its recipients. */
export interface AttemptToMake {
  event: { id: string; seq: string; incidentId: string };
  recipient: Recipient;
}

/** The attempts' rows as one JSON document: what differs between them. */
const attemptRows = (attempts: readonly AttemptToMake[]) =>
  JSON.stringify(
    attempts.map(({ event, recipient: r }) => ({
      event_id: event.id,
      event_seq: event.seq,
      incident_id: event.incidentId,
      target_id: "targetId" in r ? r.targetId : null,
      user_id: "userId" in r ? r.userId : null,
      contact_method_id: "userId" in r ? r.contactMethodId : null,
      delay_minutes: "userId" in r ? r.delayMinutes : null,
      channel: r.channel,
    })),
  );

/**
 * Inserts the attempts, for the org, as the request that caused them made them, skipping those
 * that already exist (unique per event and recipient): each new one's channel and recipient. The
 * rows come as one JSON document, so the statement's text is the same however many there are,
 * and it is keyed: an insert whose conflicts are found by the unique key has no plan to choose.
 */
const insertNewAttempts = (tx: Tx, context: { orgId: string; requestId: string }, attempts: readonly AttemptToMake[]) =>
  tx
    .insertInto("notification_attempts")
    .columns(["org_id", "request_id", "event_id", "event_seq", "incident_id", "target_id", "user_id", "contact_method_id", "delay_minutes", "channel"])
    .expression(
      sql`SELECT ${context.orgId}::uuid, ${context.requestId}, r.event_id, r.event_seq, r.incident_id, r.target_id, r.user_id, r.contact_method_id, r.delay_minutes, r.channel
      FROM json_to_recordset(${attemptRows(attempts)}::json)
        AS r(event_id uuid, event_seq bigint, incident_id uuid, target_id uuid, user_id uuid, contact_method_id uuid, delay_minutes int, channel notification_channel)`,
    )
    .onConflict((oc) => oc.doNothing())
    .returning(["channel", "recipient_id"]);

/**
 * Inserts the attempts, skipping those that already exist, and locks the lanes of the new ones
 * (made on first use), in one statement: the lanes in one order (by recipient: an INSERT takes
 * its rows in the order selected), so transactions waking several never deadlock, held until the
 * transaction ends (the org's other fan-outs and its senders wait for them). Its rows: each
 * locked lane with the channel of its new attempts, and how many were new (lanesOfAttempts).
 * Keyed, as insertNewAttempts: the lanes too are found by their key.
 */
function attemptsLockingLanes(tx: Tx, context: { orgId: string; requestId: string }, attempts: readonly AttemptToMake[]) {
  return tx
    .with("made", () => insertNewAttempts(tx, context, attempts))
    .with("lanes", (db) =>
      db
        .insertInto("delivery_lanes")
        .columns(["org_id", "recipient_id"])
        .expression((eb) => eb.selectFrom("made").select([sql<string>`${context.orgId}::uuid`.as("org_id"), "recipient_id"]).distinct().orderBy("recipient_id"))
        .onConflict(lockingExistingLanes)
        .returning(DELIVERY_LANE_COLUMNS)
        .returning(sql<Date>`now()`.as("now")),
    )
    .selectFrom("lanes")
    .select([...DELIVERY_LANE_COLUMNS, "now"])
    .select([
      sql<NotificationChannel>`(SELECT m.channel FROM made m WHERE m.recipient_id = lanes.recipient_id LIMIT 1)`.as("channel"),
      sql<string>`(SELECT count(*) FROM made)`.as("made"),
    ])
    .orderBy("lanes.recipient_id");
}

type LanesOfAttempts = Awaited<ReturnType<ReturnType<typeof attemptsLockingLanes>["execute"]>>;

const lanesOfAttempts = (rows: LanesOfAttempts) => ({ lanes: rows, made: Number(rows[0]?.made ?? 0) });

/** Inserts the attempts and locks their lanes (attemptsLockingLanes). */
export async function insertAttemptsLockingLanes(tx: Tx, context: { orgId: string; requestId: string }, attempts: readonly AttemptToMake[]) {
  return lanesOfAttempts(await executeKeyed(tx, attemptsLockingLanes(tx, context, attempts)));
}

/** Inserts the attempts (skipping those that exist) and commits the transaction, in one message (executeAndCommit): how many were new. */
export async function insertAttemptsAndCommit(tx: Tx, context: { orgId: string; requestId: string }, attempts: readonly AttemptToMake[]): Promise<number> {
  return (await executeAndCommit(tx, keyed(insertNewAttempts(tx, context, attempts)))).length;
}

/** A statement that adds each of `wakes` (one per recipient) whose lane needs a wake as it runs (laneNeedsWake). */
export const wakeUnheldLanes = (orgId: string, wakes: readonly { recipientId: string; job: JobRequest }[]) =>
  addJobsWhere(
    wakes.map(({ recipientId, job }) => ({ ref: recipientId, job })),
    (recipientId, jobKey) => laneNeedsWake(orgId, recipientId, jobKey),
  );

/**
 * The lanes with an attempt of these events due (its incident's next) that nobody holds, with the
 * attempt's channel: for a fan-out that finds its events already turned into attempts (run again
 * after a failure), whose first run may have committed without waking them.
 */
export function findUnheldLanesDueFor(tx: Tx, orgId: string, eventIds: readonly string[]) {
  return tx
    .selectFrom("notification_attempts as a")
    .select(["a.recipient_id", "a.channel"])
    .distinctOn("a.recipient_id")
    .where("a.org_id", "=", orgId)
    .where("a.event_id", "in", eventIds)
    .where(isDueNext)
    .where(laneUnheld(orgId, sql.ref("a.recipient_id")))
    .orderBy("a.recipient_id")
    .execute();
}

/** The event a page_rule job names: its incident and place on the timeline. */
export function findEvent(tx: Tx, orgId: string, eventId: string) {
  return tx.selectFrom("incident_events").select(["id", "incident_id", "seq"]).where("org_id", "=", orgId).where("id", "=", eventId).executeTakeFirst();
}

/** The name of the service of event `e`'s incident, as a scalar subquery. */
const serviceNameOfEvent = sql`(SELECT s.name FROM incidents i JOIN services s ON s.org_id = i.org_id AND s.id = i.service_id WHERE i.org_id = e.org_id AND i.id = e.incident_id)`;

/** Every column of an event, each named (a keyed statement's): of incident_events, and of the events a statement calls `e`. */
const EVENT_COLUMNS = sql.join(INCIDENT_EVENT_COLUMNS.map((column) => sql.ref(column)));
const EVENT_COLUMNS_OF_E = sql.join(INCIDENT_EVENT_COLUMNS.map((column) => sql.ref(`e.${column}`)));

/** An event a fan-out turns into attempts, with the incident's severity at the event. */
export type EventToFanOut = IncidentEventRow & {
  /** The org's name and the incident's service's, as a delivery's payload shows them. */
  org_name: string;
  service_name: string | null;
  /** The incident's service, and the team that owns it now: what a target's routing matches. */
  service_id: string;
  team_id: string | null;
  severity: IncidentSeverity;
  /** The last seq of the fan-out's events of this incident: the incident's new fan-out position. */
  upto_seq: string;
};

/**
 * Locks the fan-out positions (the seq of the last event turned into attempts) of the named
 * events' incidents, made on first use, in incident-id order, so that fan-outs of one incident
 * take turns and two fan-outs never wait on each other in a circle; returns each incident's
 * events after its position up to the last named one, in timeline order, each with the
 * incident's severity at the event (from its snapshot; the current one for older events), the
 * org's name and the service's (what a delivery of the event shows), and the service's id and
 * team (what a target's routing matches). One statement however many incidents. Its
 * reads see every such event: each was committed before the named events (an incident's events
 * are written one transaction at a time), and these before the job naming them. With them, in
 * the same round trip (executeTogether), the org's enabled targets (those the events go to are
 * among them) and the recipients of its lanes leased or held as of that read (without their locks: a
 * hint, for recordAttempts). The org's name is a scalar subquery, and the incident's service and
 * current severity a lateral one per incident, not joins.
 *
 * The three run prepared on their connection (keyed), each planned once, not at every fan-out:
 * planning them was more than half of their time (bench/README.md, "A fan-out's reads
 * prepared"). So that the plan kept is right whatever the statistics said when it was made, the
 * events are found one lookup at a time: the named ids come as one JSON document, whose length
 * the planner does not guess from the values, and each id, and each incident's events after its
 * position, is read by a lateral subquery that OFFSET 0 keeps from being turned into a join. A
 * join planned for a hundred ids read every event of the org by a sequential scan, 23 ms a call.
 */
export async function lockEventsToFanOut(
  tx: Tx,
  orgId: string,
  eventIds: readonly string[],
): Promise<{ events: EventToFanOut[]; enabledTargets: NotificationTargetRow[]; leasedRecipients: ReadonlySet<string> }> {
  const events = sql<EventToFanOut>`
    WITH named AS (
      SELECT named_event.incident_id, max(named_event.seq) AS upto_seq
      FROM json_array_elements_text(${JSON.stringify(eventIds)}::json) AS n(id)
      CROSS JOIN LATERAL (SELECT incident_id, seq FROM incident_events WHERE org_id = ${orgId} AND id = n.id::uuid OFFSET 0) AS named_event
      GROUP BY named_event.incident_id
    ), positions AS (
      -- Made or found, and locked: on conflict the row is "updated" to itself.
      INSERT INTO notification_fanouts AS f (org_id, incident_id)
      SELECT ${orgId}::uuid, incident_id FROM named ORDER BY incident_id
      ON CONFLICT (org_id, incident_id) DO UPDATE SET last_event_seq = f.last_event_seq
      RETURNING f.incident_id, f.last_event_seq
    )
    SELECT ${EVENT_COLUMNS_OF_E}, (SELECT o.name FROM orgs o WHERE o.id = e.org_id) AS org_name,
           incident.service_name, incident.service_id, incident.team_id, n.upto_seq,
           coalesce(e.incident ->> 'severity', incident.severity::text)::incident_severity AS severity
    FROM positions p
    JOIN named n ON n.incident_id = p.incident_id
    CROSS JOIN LATERAL (
      SELECT i.severity, s.id AS service_id, s.name AS service_name, s.team_id
      FROM incidents i JOIN services s ON s.org_id = i.org_id AND s.id = i.service_id
      WHERE i.org_id = ${orgId} AND i.id = p.incident_id
      OFFSET 0
    ) AS incident
    CROSS JOIN LATERAL (
      SELECT ${EVENT_COLUMNS} FROM incident_events
      WHERE org_id = ${orgId} AND incident_id = p.incident_id AND seq > p.last_event_seq AND seq <= n.upto_seq
      OFFSET 0
    ) AS e
    ORDER BY e.incident_id, e.seq`;
  const enabledTargets = tx.selectFrom("notification_targets").select(NOTIFICATION_TARGET_COLUMNS).where("org_id", "=", orgId).where("enabled", "=", true);
  const leasedLanes = tx.selectFrom("delivery_lanes").select("recipient_id").where("org_id", "=", orgId).where(laneTakenAt());
  const [eventRows, targetRows, leasedRows] = await executeTogether(tx, [keyed(events), keyed(enabledTargets), keyed(leasedLanes)]);
  return { events: eventRows, enabledTargets: targetRows, leasedRecipients: new Set(leasedRows.map((row) => row.recipient_id)) };
}

/**
 * Moves incidents' fan-out positions (locked by lockEventsToFanOut) to the given seqs, in one
 * statement, sent with the next (sendWithNext). Written as an upsert of rows that exist, each
 * found by its key (ON CONFLICT), and keyed: an UPDATE joined to the positions would leave the
 * planner a join to choose from the statistics, which a prepared statement keeps.
 */
export async function setFanoutPositions(tx: Tx, orgId: string, positions: ReadonlyMap<string, string>): Promise<void> {
  if (positions.size === 0) return;
  const rows = JSON.stringify([...positions].map(([incidentId, seq]) => ({ incident_id: incidentId, seq })));
  await sendWithNext(
    tx,
    keyed(sql`
    INSERT INTO notification_fanouts AS f (org_id, incident_id, last_event_seq)
    SELECT ${orgId}::uuid, p.incident_id, p.seq FROM json_to_recordset(${rows}::json) AS p(incident_id uuid, seq bigint)
    ON CONFLICT (org_id, incident_id) DO UPDATE SET last_event_seq = excluded.last_event_seq`),
  );
}

/** Of the given people, those whose account still exists. */
export async function existingUsers(tx: Tx, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await tx.selectFrom("users").select("id").where("id", "in", userIds).execute();
  return rows.map((r) => r.id);
}

export function findAttempt(tx: Tx, orgId: string, attemptId: string) {
  return tx.selectFrom("notification_attempts").selectAll().where("org_id", "=", orgId).where("id", "=", attemptId).executeTakeFirst();
}

/** Rows by their id. */
const byId = <R extends { id: string }>(rows: readonly R[]) => new Map(rows.map((row) => [row.id, row]));

/** The distinct non-null values of `pick` over `rows`. */
const distinct = <T>(rows: readonly T[], pick: (row: T) => string | null) => [...new Set(rows.map(pick).filter((id): id is string => id !== null))];

/** Rows a claim's transaction has already read (a fan-out's events and targets): not read again. */
export interface KnownRows {
  events: ReadonlyMap<string, IncidentEventRow & { org_name: string; service_name: string | null }>;
  targets: ReadonlyMap<string, NotificationTargetRow>;
}

const NOTHING_KNOWN: KnownRows = { events: new Map(), targets: new Map() };

/** `column = ANY(ids)`: true for none of an empty list (`IN ()` is not SQL). */
const amongIds = (column: string, ids: readonly string[]) => sql<boolean>`${sql.ref(column)} = ANY(${ids}::uuid[])`;

/**
 * What a claim's deliveries send, in one message however many attempts (executeTogether),
 * none of it read again when `known`: their events (with snapshots), the org's name and each
 * event's service name, and the targets, people and contact methods they go to, by id.
 */
export async function findDeliveryContexts(
  tx: Tx,
  orgId: string,
  attempts: readonly { event_id: string; target_id: string | null; user_id: string | null; contact_method_id: string | null }[],
  known: KnownRows = NOTHING_KNOWN,
) {
  const unknown = (ids: string[], rows: ReadonlyMap<string, unknown>) => ids.filter((id) => !rows.has(id));
  const eventIds = unknown(distinct(attempts, (a) => a.event_id), known.events);
  const targetIds = unknown(distinct(attempts, (a) => a.target_id), known.targets);
  const [userIds, contactMethodIds] = [distinct(attempts, (a) => a.user_id), distinct(attempts, (a) => a.contact_method_id)];
  const [readEvents, readTargets, users, contactMethods] =
    eventIds.length + targetIds.length + userIds.length + contactMethodIds.length === 0
      ? [[], [], [], []]
      : await executeTogether(tx, [
          tx
            .selectFrom("incident_events as e")
            .innerJoin("orgs as o", "o.id", "e.org_id")
            .selectAll("e")
            .select("o.name as org_name")
            .select(sql<string | null>`${serviceNameOfEvent}`.as("service_name"))
            .where("e.org_id", "=", orgId)
            .where(amongIds("e.id", eventIds)),
          tx.selectFrom("notification_targets").selectAll().where("org_id", "=", orgId).where(amongIds("id", targetIds)),
          tx.selectFrom("users").select(["id", "email"]).where(amongIds("id", userIds)),
          tx.selectFrom("contact_methods").selectAll().where(amongIds("id", contactMethodIds)),
        ]);
  const events = new Map([...known.events, ...byId(readEvents)]);
  const orgName = events.values().next().value?.org_name;
  if (orgName === undefined) throw new Error(`unreachable: attempts name events of org ${orgId}`);
  return {
    org: { id: orgId, name: orgName },
    events,
    targets: new Map([...known.targets, ...byId(readTargets)]),
    users: byId(users),
    contactMethods: byId(contactMethods),
  };
}

/** The incidents as they are now, by id. */
export async function findIncidentRows(tx: Tx, orgId: string, incidentIds: readonly string[]) {
  return byId(incidentIds.length === 0 ? [] : await tx.selectFrom("incidents").selectAll().where("org_id", "=", orgId).where("id", "in", incidentIds).execute());
}

/** What a try of an attempt came to, to be recorded on it. */
export interface AttemptOutcome {
  attemptId: string;
  attemptCount: number;
  status: NotificationAttemptStatus;
  lastHttpStatus: number | null;
  lastError: string | null;
  note: string | null;
  completedAt: Date | null;
  nextAttemptAt: Date;
}

/**
 * Records the tries of a lane run on their attempts, in one statement sent with the next
 * (sendWithNext: times as ISO text, so that it can be written in); `at` is their updated_at.
 * The ids are given twice. While the table's statistics say the org has few attempts (a storm's
 * first minute, before autovacuum analyses it), PostgreSQL reads the org's entries of an index
 * rather than look each attempt up by its key: as `= ANY`, the ids are checked in those entries,
 * where the join alone read every attempt's row (decision 0060).
 */
export async function recordAttemptOutcomes(tx: Tx, orgId: string, at: Date, outcomes: readonly AttemptOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const column = <K extends keyof AttemptOutcome>(key: K) => outcomes.map((o) => o[key]);
  const times = (key: "completedAt" | "nextAttemptAt") => outcomes.map((o) => o[key]?.toISOString() ?? null);
  const ids = column("attemptId");
  await sendWithNext(
    tx,
    sql`
    UPDATE notification_attempts AS a
    SET attempt_count = o.attempt_count, status = o.status, last_http_status = o.last_http_status,
        last_error = o.last_error, note = o.note, updated_at = ${at.toISOString()}::timestamptz, completed_at = o.completed_at,
        next_attempt_at = o.next_attempt_at
    FROM unnest(
      ${ids}::uuid[], ${column("attemptCount")}::int[], ${column("status")}::notification_attempt_status[],
      ${column("lastHttpStatus")}::int[], ${column("lastError")}::text[], ${column("note")}::text[],
      ${times("completedAt")}::timestamptz[], ${times("nextAttemptAt")}::timestamptz[]
    ) AS o(id, attempt_count, status, last_http_status, last_error, note, completed_at, next_attempt_at)
    WHERE a.org_id = ${orgId} AND ${amongIds("a.id", ids)} AND a.id = o.id`,
  );
}

/**
 * An incident's attempts, oldest first by (created_at, id), with their target's name, type and
 * deletion (a deleted one's as they were) or their person's email and contact method (its name,
 * type, address and deletion: a deleted one's address is already masked).
 */
export function listAttempts(db: Db | Tx, orgId: string, incidentId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  let query = db
    .selectFrom("notification_attempts as a")
    .leftJoin("notification_targets as t", (join) => join.onRef("t.org_id", "=", "a.org_id").onRef("t.id", "=", "a.target_id"))
    .leftJoin("users as u", "u.id", "a.user_id")
    .leftJoin("contact_methods as m", "m.id", "a.contact_method_id")
    .selectAll("a")
    .select([
      "t.name as target_name",
      "t.type as target_type",
      "t.deleted_at as target_deleted_at",
      "u.email as user_email",
      "m.name as contact_method_name",
      "m.type as contact_method_type",
      "m.address as contact_method_address",
      "m.deleted_at as contact_method_deleted_at",
    ])
    .where("a.org_id", "=", orgId)
    .where("a.incident_id", "=", incidentId);
  if (after !== undefined) {
    query = query.where(pastPosition({ time: "a.created_at", id: "a.id" }, ">", { time: after.createdAt, id: after.id }));
  }
  return query.orderBy("a.created_at").orderBy("a.id").limit(limit + 1).execute();
}
