import type { IncidentEventRow, IncidentRow, IncidentSeverity, IncidentStatus, Tx } from "@incidentops/db";
import { findService } from "../catalog/repository.js";
import { escalationStepCount } from "../escalation-policies/repository.js";
import { AppError, notFound } from "../errors.js";
import { enqueueJob, enqueueJobs, removeJob, removeJobs, type JobRequest } from "../jobs/enqueue.js";
import { escalationJobKey, listsPerJob, pageJobKeysOf, retriggerJobKey } from "../jobs/tasks.js";
import { groupBy } from "../group-by.js";
import { iso } from "../mapping.js";
import { countIncidentOpened, observeResponseTime } from "../metrics.js";
import { actorUserId, type Actor } from "../policy.js";
import { pagesFor } from "../schema.js";
import { afterCommit } from "../scope.js";
import type { SlaKind, SlaStage } from "../sla/schema.js";
import { orgMembersAmong } from "../members-named.js";
import {
  findAssignees,
  findIncidentForUpdate,
  findIncidentsForUpdate,
  findOpenAlertIncidentForUpdate,
  groupAlertKeysOnTimeline,
  insertIncident,
  insertIncidentEvent,
  insertIncidentEventsWithNext,
  markSla,
  EVERY_SLA_KIND,
  SLA_COLUMNS,
  replaceAssignees,
  setEscalationStep,
  setEscalationSteps,
  setIncidentStatus,
  setIncidentVersion,
  updateIncidentDetails,
  upsertAlertIncidents,
  type AlertIncident,
  type NewIncidentEvent,
} from "./repository.js";
import { DEFAULT_SEVERITY, type Assignee, type EscalationCause, type Incident, type IncidentActivityKind, type IncidentEventKind } from "./schema.js";
import { slaCheckJobsOf, slaChecksTogether, slaJobKeysOf, slaJobKeysWithoutTime } from "./sla-jobs.js";
import { canTransition } from "./state-machine.js";
import { toIncident } from "./wire.js";

// The one place where incidents change. The API procedures, alert ingestion and the escalation
// runner all come through here, always inside the caller's transaction (row-level security
// scoped to the org): every change bumps what it must, appends to the timeline, and enqueues in
// the same transaction the jobs that notify people and move escalation along.
//
// Every event is written with the incident's row locked (so an incident's events are numbered,
// by `seq`, in the order they commit) and with the incident as it is right after the event (what
// its notifications show).
//
// The facts analytics read are kept here too (analytics/README.md has the definitions):
// - first_acknowledged_at: the first status_changed to acknowledged, by a person or an
//   integration. A later move back to triggered (a snooze or acknowledgement timeout) and a new
//   acknowledgement leave it: MTTA runs from the first trigger (created_at) to the first
//   acknowledgement. resolved_at is final (resolved is terminal): MTTR runs to it.
// - SLA deadlines: acknowledge_due_at (a first response: acknowledging or resolving) and
//   resolve_due_at, from the service's policy for the severity, counted from created_at. Each
//   has a breach check, a job scheduled for the deadline, and, when the policy warns, a warning
//   check at its share of the time (*_warn_at) (sla-jobs.ts; one job for an alert batch's
//   incidents due together). A deadline "runs" until it is met or breached; a re-trigger does not
//   re-open the acknowledge one.
// - escalations_timeout / escalations_manual: escalation steps past the first page, by cause.

/** Who changes an incident: a person, or (with actorUserId null) an API key, an integration or the escalation runner. */
export interface ChangeSource {
  orgId: string;
  actorUserId: string | null;
  requestId: string;
}

export const changeSourceOf = (actor: Actor): ChangeSource => ({
  orgId: actor.orgId,
  actorUserId: actorUserId(actor),
  requestId: actor.requestId,
});

/** A job changes incidents as the system (no person), on the request that queued it. */
export const jobSourceOf = (job: { orgId: string; requestId: string }): ChangeSource => ({ orgId: job.orgId, actorUserId: null, requestId: job.requestId });

const incidentNotFound = () => notFound("Incident");

/** What an event may say about its incident that saves reading it again: a new incident has no assignees yet, and an alert's upsert and a move's update return them. */
interface KnownFacts {
  assignees?: Assignee[];
}

/** The incident as an event shows it (right after the event): its wire shape, with its assignees. */
async function snapshotOf(tx: Tx, source: ChangeSource, incident: IncidentRow, known: KnownFacts = {}) {
  const assignees = known.assignees ?? (await findAssignees(tx, source.orgId, [incident.id])).get(incident.id) ?? [];
  return toIncident(incident, assignees);
}

/**
 * Appends an event to the timeline of a locked incident, as it is right after the event, for a
 * caller that needs only the event's id: it goes with the transaction's next statement, no round
 * trip of its own (an alert's event, a move's `status_changed`).
 */
async function appendEventWithNext(
  tx: Tx,
  source: ChangeSource,
  incident: IncidentRow,
  kind: IncidentEventKind,
  data: Record<string, unknown>,
  known: KnownFacts = {},
): Promise<string> {
  return appendWithNext(tx, eventOf(source, await snapshotOf(tx, source, incident, known), kind, data));
}

/** Appends events, in order, with the transaction's next statement (insertIncidentEventsWithNext), each fanned out by its own job. */
async function appendAndFanOut(tx: Tx, source: ChangeSource, events: readonly NewIncidentEvent[]): Promise<void> {
  await enqueueJobs(tx, (await insertIncidentEventsWithNext(tx, events)).map((eventId) => fanOutJob(source, eventId)));
}

/** Appends one event with the transaction's next statement (insertIncidentEventsWithNext), returning its id. */
async function appendWithNext(tx: Tx, event: NewIncidentEvent): Promise<string> {
  const [id] = await insertIncidentEventsWithNext(tx, [event]);
  if (id === undefined) throw new Error("unreachable: an appended event has an id");
  return id;
}

/** An event of `source` on the incident as it is right after it. */
const eventOf = (source: ChangeSource, incident: Incident, kind: IncidentEventKind, data: Record<string, unknown>): NewIncidentEvent => ({
  orgId: source.orgId,
  incident,
  kind,
  actorUserId: source.actorUserId,
  data,
});

/**
 * Appends an event to a locked incident's timeline (returning its row) and (unless `notify` is
 * false) enqueues the job that fans it out to the org's notification targets.
 */
async function recordEvent(
  tx: Tx,
  source: ChangeSource,
  incident: IncidentRow,
  kind: IncidentEventKind,
  data: Record<string, unknown>,
  options: { notify: boolean } = { notify: true },
): Promise<IncidentEventRow> {
  const row = await insertIncidentEvent(tx, { orgId: source.orgId, incident: await snapshotOf(tx, source, incident), kind, actorUserId: source.actorUserId, data });
  if (options.notify) await enqueueJobs(tx, [fanOutJob(source, row.id)]);
  return row;
}

/** The job that fans an event out to the org's notification targets. */
const fanOutJob = (source: ChangeSource, eventId: string): JobRequest => ({
  task: "incident_event",
  payload: { orgId: source.orgId, eventId, requestId: source.requestId },
});

/**
 * A batch's jobs (withJobsHeld) with its fan-outs of one org as one job listing their events, in
 * the order they were written (a job per MAX_IDS_PER_JOB of them): one fan-out transaction for a
 * batch's incidents, which locks the org's delivery lanes once, not once per incident. The job
 * names the first event's request.
 */
export function fanOutsTogether(jobs: readonly JobRequest[]): JobRequest[] {
  const others: JobRequest[] = [];
  const fanOuts: { orgId: string; eventId: string; requestId: string }[] = [];
  for (const job of jobs) {
    if (job.task === "incident_event" && "eventId" in job.payload) fanOuts.push(job.payload);
    else others.push(job);
  }
  const together = [...groupBy(fanOuts, (fanOut) => fanOut.orgId)].flatMap(([orgId, ofOrg]) =>
    listsPerJob(ofOrg.map((fanOut) => fanOut.eventId)).map(
      (ids): JobRequest => ({ task: "incident_event", payload: { orgId, eventIds: ids, requestId: ofOrg[0].requestId } }),
    ),
  );
  return [...together, ...others];
}

/** When the incident returns to triggered by itself: the end of its snooze, else of its acknowledgement timeout. */
const retriggerDueAt = (incident: IncidentRow): Date | null =>
  incident.status === "acknowledged" ? (incident.snoozed_until ?? incident.ack_timeout_at) : null;

/** Schedules the job that returns the incident to triggered when its snooze or timeout ends, or drops it when none runs. */
async function armRetrigger(tx: Tx, source: ChangeSource, incident: IncidentRow): Promise<void> {
  const dueAt = retriggerDueAt(incident);
  const jobKey = retriggerJobKey(incident.id);
  if (dueAt === null) {
    await removeJob(tx, jobKey);
    return;
  }
  await enqueueJob(
    tx,
    "retrigger_incident",
    { orgId: source.orgId, incidentId: incident.id, dueAt: iso(dueAt), requestId: source.requestId },
    { jobKey, runAt: dueAt },
  );
}

/** Drops the pending notification rules of these people's pages about the incident. */
const cancelPages = (tx: Tx, incidentId: string, userIds: readonly string[]) => removeJobs(tx, pageJobKeysOf(incidentId, userIds));

async function assigneeIdsOf(tx: Tx, orgId: string, incidentId: string): Promise<string[]> {
  return ((await findAssignees(tx, orgId, [incidentId])).get(incidentId) ?? []).map((a) => a.id);
}

const dueAtOf = (incident: IncidentRow, kind: SlaKind): Date | null => incident[SLA_COLUMNS[kind].due];

/** Whether the deadline still runs: neither met nor breached. */
function deadlineRuns(incident: IncidentRow, kind: SlaKind): boolean {
  if (incident.resolved_at !== null) return false;
  return kind === "acknowledge"
    ? incident.first_acknowledged_at === null && incident.acknowledge_breached_at === null
    : incident.resolve_breached_at === null;
}

/** Schedules the checks of each deadline at their times (replacing pending ones), or drops those that have none. */
async function armSlaChecks(tx: Tx, source: ChangeSource, incident: IncidentRow, kinds: SlaKind[]): Promise<void> {
  await removeJobs(tx, slaJobKeysWithoutTime(incident, kinds));
  await enqueueJobs(tx, slaCheckJobsOf(source, incident, kinds));
}

/** Drops the checks (warning and breach) of the deadlines a move just met. */
async function disarmMetDeadlines(tx: Tx, before: IncidentRow, after: IncidentRow): Promise<void> {
  const met = EVERY_SLA_KIND.filter((kind) => dueAtOf(before, kind) !== null && deadlineRuns(before, kind) && !deadlineRuns(after, kind));
  await removeJobs(tx, met.flatMap((kind) => slaJobKeysOf(after.id, kind)));
}

/**
 * Escalation step `step` of the incident (now, or at `runAt`): one per incident, replacing any
 * pending step; with `dueAt`, only while the incident's next step is due then.
 */
const escalationJob = (source: ChangeSource, incidentId: string, step: number, options: { manual: boolean; runAt?: Date; dueAt?: Date | null }): JobRequest => ({
  task: "escalate_if_unacked",
  payload: { orgId: source.orgId, incidentId, step, manual: options.manual, ...(options.dueAt == null ? {} : { dueAt: iso(options.dueAt) }), requestId: source.requestId },
  spec: { jobKey: escalationJobKey(incidentId), ...(options.runAt === undefined ? {} : { runAt: options.runAt }) },
});

/** An incident's escalation step in a job for several (stepsJobs). */
export interface IncidentStep {
  incidentId: string;
  step: number;
}

/**
 * The steps of several incidents, due together at `dueAt` (null: at once), as one job per
 * MAX_IDS_PER_JOB of them (runEscalationSteps): one transaction, and one fan-out, for them all.
 * Unkeyed: an acknowledgement does not remove it, and each step checks its incident when it runs.
 */
const stepsJobs = (source: ChangeSource, steps: readonly IncidentStep[], dueAt: Date | null): JobRequest[] =>
  listsPerJob(steps).map((list) => ({
    task: "escalate_if_unacked",
    payload: { orgId: source.orgId, steps: list, dueAt: dueAt === null ? null : iso(dueAt), requestId: source.requestId },
    ...(dueAt === null ? {} : { spec: { runAt: dueAt } }),
  }));

/** Schedules escalation step `step` (now, or at `runAt`), replacing any pending step of the incident. */
async function scheduleEscalation(tx: Tx, source: ChangeSource, incidentId: string, step: number, options: { manual: boolean; runAt?: Date }) {
  await enqueueJobs(tx, [escalationJob(source, incidentId, step, options)]);
}

/** A new incident's `created` event. Nobody is assigned to an incident yet: its snapshot needs no lookup. */
const createdEventOf = (source: ChangeSource, incident: IncidentRow, context: Record<string, unknown>) =>
  eventOf(source, toIncident(incident, []), "created", { title: incident.title, severity: incident.severity, status: incident.status, ...context });

/**
 * What follows a new incident's `created` event: the job that fans it out with the caller's `jobs`
 * (its SLA breach checks and first escalation step); and, once committed, its count.
 */
async function announceOpened(tx: Tx, source: ChangeSource, incident: IncidentRow, createdId: string, jobs: JobRequest[]): Promise<void> {
  await enqueueJobs(tx, [fanOutJob(source, createdId), ...jobs]);
  afterCommit(tx, () => countIncidentOpened(incident));
}

/** The first escalation step of a new incident, when it follows a policy. */
const firstStepOf = (source: ChangeSource, incident: IncidentRow): JobRequest[] =>
  incident.escalation_policy_id === null ? [] : [escalationJob(source, incident.id, 0, { manual: false })];

/** Opens an incident on a service (whose existence the caller checked), following the service's escalation policy. */
export async function open(
  tx: Tx,
  source: ChangeSource,
  input: {
    serviceId: string;
    title: string;
    description?: string | undefined;
    severity?: IncidentSeverity | undefined;
    type?: string | undefined;
    escalationPolicyId: string | null;
  },
): Promise<IncidentRow> {
  const row = await insertIncident(tx, {
    org_id: source.orgId,
    service_id: input.serviceId,
    title: input.title,
    description: input.description ?? null,
    type: input.type ?? null,
    severity: input.severity ?? DEFAULT_SEVERITY,
    created_by: source.actorUserId,
    escalation_policy_id: input.escalationPolicyId,
  });
  await announceOpened(tx, source, row, await appendWithNext(tx, createdEventOf(source, row, {})), [
    ...slaCheckJobsOf(source, row, EVERY_SLA_KIND),
    ...firstStepOf(source, row),
  ]);
  return row;
}

/** An alert that opens an incident or counts on the open one (openForAlerts), with the event's `context` (the integration, the alert as received). */
export interface AlertOpening {
  source: ChangeSource;
  alert: AlertIncident & { groupAlertKeys?: readonly string[] | undefined };
  context: Record<string, unknown>;
}

/** What an alert came to: an incident opened or counted on, or nothing, held by a maintenance window on its service. */
export type AlertOpened = { incidentId: string; opened: boolean; suppressed: false } | { incidentId: null; opened: false; suppressed: true };

/** Which open incident an alert opens or counts on: its service and dedup key (openForAlerts takes each at most once). */
export const alertIncidentKey = (serviceId: string, dedupKey: string) => `${serviceId}:${dedupKey}`;

/**
 * Opens an incident for each alert, or counts the alert on the service's open incident with the
 * same dedup key (exactly one incident however many identical alerts arrive at once). A repeat
 * goes on the timeline as `alert_repeated` and notifies no one: the incident is already open and
 * its people already paged. During a maintenance window on its service an alert is recorded
 * there instead, and opens and pages nothing (`suppressed`). The alerts are of one org, no two
 * with the same service and dedup key: their incidents (and the windows) are written in one
 * statement, and their events in one more (with the next statement), in the order given.
 */
export async function openForAlerts(tx: Tx, openings: readonly AlertOpening[]): Promise<AlertOpened[]> {
  const [first] = openings;
  if (first === undefined) return [];
  const orgId = first.source.orgId;
  const rows = await upsertAlertIncidents(tx, orgId, openings.map(({ alert }) => alert));
  const rowOf = new Map(rows.map(({ inserted, assignees, ...row }) => [alertIncidentKey(row.service_id, row.dedup_key ?? ""), { inserted, assignees, row }]));
  const applied = [];
  const results: AlertOpened[] = [];
  for (const { source, alert, context } of openings) {
    const upserted = rowOf.get(alertIncidentKey(alert.serviceId, alert.dedupKey));
    // The upsert answers for every alert but those a maintenance window kept.
    if (upserted === undefined) {
      results.push({ incidentId: null, opened: false, suppressed: true });
      continue;
    }
    const { inserted, assignees, row } = upserted;
    results.push({ incidentId: row.id, opened: inserted, suppressed: false });
    if (inserted) {
      applied.push({ source, row, inserted, event: createdEventOf(source, row, context) });
      continue;
    }
    // The upsert locked the row. A group's repeat notes the alerts its timeline has not listed yet.
    const seen = alert.groupAlertKeys === undefined ? undefined : await groupAlertKeysOnTimeline(tx, orgId, row.id);
    const newAlerts = seen === undefined ? {} : { newAlerts: alert.groupAlertKeys?.filter((key) => !seen.has(key)) };
    applied.push({ source, row, inserted, event: eventOf(source, toIncident(row, assignees), "alert_repeated", { alertCount: row.alert_count, ...context, ...newAlerts }) });
  }
  const eventIds = await insertIncidentEventsWithNext(tx, applied.map(({ event }) => event));
  for (const [i, { source, row, inserted }] of applied.entries()) {
    const createdId = eventIds[i];
    if (createdId === undefined) throw new Error("unreachable: every appended event has an id");
    if (inserted) await announceOpened(tx, source, row, createdId, []);
  }
  // Their SLA checks and first escalation steps together: a job for many, as their fan-outs.
  const opened = applied.filter(({ inserted }) => inserted).map(({ row }) => row);
  const escalating = opened.filter((row) => row.escalation_policy_id !== null).map((row) => ({ incidentId: row.id, step: 0 }));
  await enqueueJobs(tx, [...slaChecksTogether(first.source, opened), ...stepsJobs(first.source, escalating, null)]);
  return results;
}

/** Opens an incident for one alert, or counts it on the open one (see openForAlerts). */
export async function openForAlert(tx: Tx, opening: AlertOpening): Promise<AlertOpened> {
  const [result] = await openForAlerts(tx, [opening]);
  if (result === undefined) throw new Error("unreachable: openForAlerts answers each alert");
  return result;
}

/**
 * Applies a move to a locked incident: new status and its timestamp, version + 1, a
 * `status_changed` event (and its notifications), the end of any pending escalation and of the
 * assignees' pending pages, and the return to triggered the new status implies (an
 * acknowledgement on a service with a timeout) or none.
 */
async function move(
  tx: Tx,
  source: ChangeSource,
  current: IncidentRow,
  toStatus: IncidentStatus,
  context: Record<string, unknown>,
): Promise<IncidentRow & { assignees: Assignee[] }> {
  // The update returns the incident's assignees too (a move leaves them as they are).
  const updated = await setIncidentStatus(tx, source.orgId, current.id, { status: toStatus, version: current.version + 1, at: new Date() });
  const { assignees } = updated;
  const statusChangedId = await appendEventWithNext(tx, source, updated, "status_changed", { ...context, fromStatus: current.status, toStatus, version: updated.version }, { assignees });
  await enqueueJobs(tx, [fanOutJob(source, statusChangedId)]);
  // Someone answered: the pending escalation and pages are dropped (and running ones re-check the status).
  await removeJob(tx, escalationJobKey(updated.id));
  await cancelPages(tx, updated.id, assignees.map((assignee) => assignee.id));
  await armRetrigger(tx, source, updated);
  await disarmMetDeadlines(tx, current, updated);
  const firstAcknowledgedAt = current.first_acknowledged_at === null ? updated.first_acknowledged_at : null;
  if (firstAcknowledgedAt !== null) afterCommit(tx, () => observeResponseTime(updated, (firstAcknowledgedAt.getTime() - updated.created_at.getTime()) / 1000));
  return updated;
}

/** The incident, locked, if the caller saw its latest version: else 404 or 409 VERSION_CONFLICT. */
async function lockAtVersion(tx: Tx, source: ChangeSource, incidentId: string, version: number): Promise<IncidentRow> {
  const current = await lockExisting(tx, source, incidentId);
  if (current.version !== version) {
    throw new AppError(
      "VERSION_CONFLICT",
      `The incident changed since you read it (your version ${version}, current ${current.version}): reload and retry`,
      { currentVersion: current.version, currentStatus: current.status },
    );
  }
  return current;
}

/** Moves an incident along the state machine, if the caller saw its latest version. */
export async function transition(
  tx: Tx,
  source: ChangeSource,
  input: { incidentId: string; toStatus: IncidentStatus; version: number },
): Promise<IncidentRow & { assignees: Assignee[] }> {
  const current = await lockAtVersion(tx, source, input.incidentId, input.version);
  if (!canTransition(current.status, input.toStatus)) {
    throw new AppError("INVALID_TRANSITION", `An incident cannot move from ${current.status} to ${input.toStatus}`, {
      fromStatus: current.status,
      toStatus: input.toStatus,
    });
  }
  return move(tx, source, current, input.toStatus, {});
}

/**
 * Acknowledges or resolves the service's open incident with the dedup key, as an alert asks. An
 * alert carries no version and may come late or twice: with no open incident, or one that cannot
 * make the move (acknowledging an incident already acknowledged), nothing happens.
 */
export async function settleForAlert(
  tx: Tx,
  source: ChangeSource,
  alert: { serviceId: string; dedupKey: string; toStatus: "acknowledged" | "resolved" },
  context: Record<string, unknown>,
): Promise<{ incidentId: string | null; moved: boolean }> {
  const current = await findOpenAlertIncidentForUpdate(tx, source.orgId, alert.serviceId, alert.dedupKey);
  return settleLocked(tx, source, current, alert.toStatus, context);
}

/** Makes an alert's move on a locked incident, when it can (see settleForAlert). */
async function settleLocked(
  tx: Tx,
  source: ChangeSource,
  current: IncidentRow | undefined,
  toStatus: "acknowledged" | "resolved",
  context: Record<string, unknown>,
): Promise<{ incidentId: string | null; moved: boolean }> {
  if (current === undefined || !canTransition(current.status, toStatus)) return { incidentId: current?.id ?? null, moved: false };
  await move(tx, source, current, toStatus, context);
  return { incidentId: current.id, moved: true };
}

/**
 * Acknowledges or resolves an incident named by its id, as an alert asks (an Opsgenie request by
 * alert id): like settleForAlert, no version, and nothing happens when it cannot make the move.
 */
export async function settleIncidentForAlert(
  tx: Tx,
  source: ChangeSource,
  alert: { incidentId: string; toStatus: "acknowledged" | "resolved" },
  context: Record<string, unknown>,
): Promise<{ incidentId: string | null; moved: boolean }> {
  return settleLocked(tx, source, await findIncidentForUpdate(tx, source.orgId, alert.incidentId), alert.toStatus, context);
}

/** The value given for a field, if one was given and it differs from the current one. */
const changedFrom = <T>(current: T, given: T | undefined): T | undefined => (given !== undefined && given !== current ? given : undefined);

/**
 * Changes an incident's title, description, severity or type, if the caller saw its latest version:
 * one version, and one timeline event (which notifies) per field that changed (any snooze ends). A new severity
 * moves the SLA deadlines that still run (and their breach checks) to what the policy gives it,
 * counted from the first trigger. Nothing changes (not even the version) when every value given
 * is the current one.
 */
export async function edit(
  tx: Tx,
  source: ChangeSource,
  input: {
    incidentId: string;
    title?: string | undefined;
    description?: string | null | undefined;
    severity?: IncidentSeverity | undefined;
    type?: string | null | undefined;
    version: number;
  },
): Promise<IncidentRow> {
  const current = await lockAtVersion(tx, source, input.incidentId, input.version);
  const title = changedFrom(current.title, input.title);
  const description = changedFrom(current.description, input.description);
  const severity = changedFrom(current.severity, input.severity);
  const type = changedFrom(current.type, input.type);
  if (title === undefined && description === undefined && severity === undefined && type === undefined) return current;

  const rearm = severity === undefined ? [] : EVERY_SLA_KIND.filter((kind) => deadlineRuns(current, kind));
  const updated = await updateIncidentDetails(tx, source.orgId, current.id, {
    title,
    description,
    severity,
    type,
    version: current.version + 1,
    at: new Date(),
    rearm,
  });
  const changes = [
    ["title_changed", current.title, title],
    ["type_changed", current.type, type],
    ["description_changed", current.description, description],
    ["severity_changed", current.severity, severity],
  ] as const;
  for (const [kind, from, to] of changes) {
    if (to !== undefined) await recordEvent(tx, source, updated, kind, { from, to, version: updated.version });
  }
  if (severity !== undefined) await resumeEscalationOnRaise(tx, source, current, updated);
  await armSlaChecks(tx, source, updated, rearm);
  // A change ends a snooze (the acknowledgement timeout starts again from it).
  await armRetrigger(tx, source, updated);
  return updated;
}

/**
 * A triggered incident's severity raised to what its service pages for (`pageMinSeverity`, decision
 * 0069) resumes its escalation now, from the step it is at: its steps were left unpaged while it
 * was less severe. Nothing while a step is still due later (its job pages then), nor for a
 * service that pages for every severity.
 */
async function resumeEscalationOnRaise(tx: Tx, source: ChangeSource, before: IncidentRow, after: IncidentRow): Promise<void> {
  if (after.status !== "triggered" || after.escalation_policy_id === null) return;
  if (after.escalation_due_at !== null && after.escalation_due_at.getTime() > Date.now()) return;
  const least = (await findService(tx, source.orgId, after.service_id))?.page_min_severity;
  if (pagesFor(before.severity, least) || !pagesFor(after.severity, least)) return;
  await scheduleEscalation(tx, source, after.id, after.escalation_step, { manual: false });
}

/** What each stage records on the timeline. */
const SLA_EVENT: Record<SlaStage, "sla_at_risk" | "sla_breached"> = { warning: "sla_at_risk", breach: "sla_breached" };

/**
 * The change of an SLA check job (`sla_warning`, `sla_breach`) on the incidents (several locked
 * first: lockIncidents): records that their `kind` deadline nears (`warning`) or passed unmet
 * (`breach`): the stamp, and an `sla_at_risk` or `sla_breached` event that notifies; the events
 * in one insert. Nothing for an incident whose deadline was met, moved later, or already recorded
 * (a re-run), nor a warning past the deadline. The incidents recorded.
 */
export async function recordSla(tx: Tx, source: ChangeSource, kind: SlaKind, stage: SlaStage, incidentIds: readonly string[]): Promise<string[]> {
  const recorded = await markSla(tx, source.orgId, incidentIds, kind, stage);
  if (recorded.length === 0) return [];
  const assignees = await findAssignees(tx, source.orgId, recorded.map((incident) => incident.id));
  await appendAndFanOut(
    tx,
    source,
    recorded.map((incident) => {
      const dueAt = dueAtOf(incident, kind);
      return eventOf(source, toIncident(incident, assignees.get(incident.id) ?? []), SLA_EVENT[stage], { kind, dueAt: dueAt === null ? null : iso(dueAt) });
    }),
  );
  return recorded.map((incident) => incident.id);
}

/** The incident, locked until the transaction ends; 404 when it is not the org's (`lock` answers undefined instead). */
export async function lockExisting(tx: Tx, source: ChangeSource, incidentId: string): Promise<IncidentRow> {
  const incident = await findIncidentForUpdate(tx, source.orgId, incidentId);
  if (incident === undefined) throw incidentNotFound();
  return incident;
}

/**
 * Appends what the work around an incident did (a task, a status update, an attachment, a
 * postmortem: each feature keeps its own rows) to the timeline of `incident`, locked by
 * lockExisting before those rows were written. Only status updates notify (targets subscribed to
 * `status_update`); the rest is recorded, not announced. The lock comes first because a row's
 * foreign key takes a share lock on the incident, and two changes that each held one and then
 * asked for the incident's lock deadlocked (PostgreSQL chose one to fail); taken first, they wait
 * their turn.
 */
export function recordActivity(
  tx: Tx,
  source: ChangeSource,
  incident: IncidentRow,
  kind: IncidentActivityKind,
  data: Record<string, unknown>,
): Promise<IncidentEventRow> {
  return recordEvent(tx, source, incident, kind, data, { notify: kind === "status_update_posted" });
}

/** A comment on the timeline; `context` says where it came from when no person wrote it (an integration). */
export async function comment(
  tx: Tx,
  source: ChangeSource,
  input: { incidentId: string; body: string },
  context: Record<string, unknown> = {},
): Promise<IncidentEventRow> {
  const incident = await lockExisting(tx, source, input.incidentId);
  return recordEvent(tx, source, incident, "commented", { ...context, body: input.body });
}

/**
 * Jumps to the next escalation level now, replacing any scheduled one. An acknowledged incident
 * may be escalated by hand too (e.g. to pull in more help); only resolved ones may not.
 */
export async function requestEscalation(tx: Tx, source: ChangeSource, incidentId: string): Promise<IncidentRow> {
  const incident = await lockExisting(tx, source, incidentId);
  if (incident.status === "resolved") {
    throw new AppError("INVALID_TRANSITION", "A resolved incident cannot be escalated", { status: incident.status });
  }
  if (incident.escalation_policy_id === null) {
    throw new AppError("CONFLICT", "This incident follows no escalation policy: give its service one first");
  }
  const steps = await escalationStepCount(tx, source.orgId, incident.escalation_policy_id);
  if (incident.escalation_step >= steps) {
    throw new AppError("CONFLICT", "Every escalation level has already been notified", { step: incident.escalation_step, steps });
  }
  await scheduleEscalation(tx, source, incidentId, incident.escalation_step, { manual: true });
  return incident;
}

/** The incident, locked until the transaction ends: for a change made in several steps (an escalation step). */
export function lock(tx: Tx, orgId: string, incidentId: string): Promise<IncidentRow | undefined> {
  return findIncidentForUpdate(tx, orgId, incidentId);
}

/**
 * What an escalation step writes on a locked incident: a `no_one_on_call` event for each level
 * that found no one (their data, in order), then, for the level that found someone (`fired`), an
 * `escalated` event saying who was notified (its fan-out pages them), and its people become the
 * assignees; the step counter after it, and the next step at `nextAt` (null: none).
 */
export interface EscalationStepRecord {
  incident: IncidentRow;
  noOneOnCall: readonly Record<string, unknown>[];
  fired: { data: Record<string, unknown>; cause: EscalationCause; userIds: readonly string[]; context: { level: number; step: number } } | null;
  nextStep: number;
  nextAt: Date | null;
}

/**
 * Records escalation steps of locked incidents (EscalationStepRecord), all of them in a few
 * statements: their assignees read once, their events in one insert and their step counters in one
 * update (both with the next statement), their assignments together (reassign). The routing of
 * the system, not a person's change: the versions stay.
 */
export async function recordEscalationSteps(tx: Tx, source: ChangeSource, steps: readonly EscalationStepRecord[]): Promise<void> {
  if (steps.length === 0) return;
  const before = await findAssignees(tx, source.orgId, steps.map(({ incident }) => incident.id));
  const events = steps.flatMap(({ incident, noOneOnCall, fired }) => {
    const shown = toIncident(incident, before.get(incident.id) ?? []);
    return [...noOneOnCall.map((data) => eventOf(source, shown, "no_one_on_call", data)), ...(fired === null ? [] : [eventOf(source, shown, "escalated", fired.data)])];
  });
  await appendAndFanOut(tx, source, events);
  await setEscalationSteps(
    tx,
    source.orgId,
    steps.map(({ incident, fired, nextStep, nextAt }) => ({ incidentId: incident.id, step: nextStep, cause: fired?.cause ?? null, dueAt: nextAt })),
  );
  // The next steps due at one time go in one job: those of a batch's incidents on one policy.
  const scheduled = steps.flatMap(({ incident, nextStep, nextAt }) => (nextAt === null ? [] : [{ next: { incidentId: incident.id, step: nextStep }, nextAt }]));
  const dueTogether = [...groupBy(scheduled, ({ nextAt }) => nextAt.getTime()).values()];
  await enqueueJobs(tx, dueTogether.flatMap((group) => stepsJobs(source, group.map(({ next }) => next), group[0].nextAt)));
  const assignments = steps.flatMap(({ incident, fired }) => {
    const previous = (before.get(incident.id) ?? []).map((a) => a.id);
    return fired === null || fired.userIds.length === 0 || sameSet(previous, fired.userIds) ? [] : [{ incident, previous, userIds: fired.userIds, context: fired.context }];
  });
  await reassign(tx, source, assignments, { page: false });
}

/**
 * Snoozes an acknowledged incident for `minutes`, if the caller saw its latest version: it
 * returns to triggered then (see retrigger), unless something changes it first. A snooze replaces
 * the acknowledgement timeout, and a new snooze the previous one.
 */
export async function snooze(tx: Tx, source: ChangeSource, input: { incidentId: string; minutes: number; version: number }): Promise<IncidentRow> {
  const current = await lockAtVersion(tx, source, input.incidentId, input.version);
  if (current.status !== "acknowledged") {
    throw new AppError("INVALID_TRANSITION", `Only an acknowledged incident can be snoozed (this one is ${current.status})`, { status: current.status });
  }
  const at = new Date();
  const until = new Date(at.getTime() + input.minutes * 60_000);
  const updated = await setIncidentVersion(tx, source.orgId, current.id, { version: current.version + 1, at, snoozedUntil: until });
  await recordEvent(tx, source, updated, "snoozed", { minutes: input.minutes, until: iso(until), version: updated.version }, { notify: false });
  await armRetrigger(tx, source, updated);
  return updated;
}

/**
 * The `retrigger_incident` job's change: an acknowledged incident whose snooze or acknowledgement
 * timeout ended at `dueAt` returns to triggered (an `unsnoozed` or `ack_timed_out` event, then a
 * `status_changed` back to `triggered`), and its escalation restarts from the first level. Exactly
 * once: nothing when the incident moved, was snoozed anew or changed in any way that ended the
 * wait (the row no longer says `dueAt`), or this already ran.
 */
export async function retrigger(tx: Tx, source: ChangeSource, input: { incidentId: string; dueAt: string }): Promise<boolean> {
  const current = await findIncidentForUpdate(tx, source.orgId, input.incidentId);
  const dueAt = current === undefined ? null : retriggerDueAt(current);
  if (current === undefined || dueAt === null || dueAt.getTime() !== Date.parse(input.dueAt)) return false;
  const cause = current.snoozed_until !== null ? "snooze" : "ack_timeout";
  await recordEvent(tx, source, current, cause === "snooze" ? "unsnoozed" : "ack_timed_out", { dueAt: iso(dueAt) }, { notify: false });
  // Not a move of the public state machine (acknowledged -> triggered is nobody's to make): the
  // lifecycle's own, recorded as one.
  const updated = await move(tx, source, current, "triggered", { cause });
  if (updated.escalation_policy_id !== null) {
    await setEscalationStep(tx, source.orgId, updated.id, 0);
    await scheduleEscalation(tx, source, updated.id, 0, { manual: false });
  }
  return true;
}

/** The people of `userIds` who are not members of the org, as VALIDATION_FAILED field errors. */
async function assertMembers(tx: Tx, orgId: string, userIds: readonly string[]): Promise<void> {
  const members = await orgMembersAmong(tx, orgId, userIds);
  const fields: Record<string, string[]> = {};
  userIds.forEach((id, i) => {
    if (!members.has(id)) fields[`userIds.${i}`] = ["not a member of this organisation"];
  });
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", "Only members of this organisation can be assigned", { fields });
}

/** A locked incident's new assignees (`userIds`), the previous ones, and what its `assigned` event says of why (`context`). */
interface Reassignment {
  incident: IncidentRow;
  previous: readonly string[];
  userIds: readonly string[];
  context: Record<string, unknown>;
}

/**
 * Makes each incident's `userIds` its assignees and records it (an `assigned` event with its
 * `context`; with `page`, the people new to it are paged by its fan-out); the people who left lose
 * their pending pages. For all the incidents together: one replacement, one read, one insert.
 */
async function reassign(tx: Tx, source: ChangeSource, changes: readonly Reassignment[], options: { page: boolean }): Promise<void> {
  if (changes.length === 0) return;
  await replaceAssignees(tx, source.orgId, changes.map(({ incident, userIds }) => ({ incidentId: incident.id, userIds })), new Date());
  const assignees = await findAssignees(tx, source.orgId, changes.map(({ incident }) => incident.id));
  const events = changes.map(({ incident, previous, userIds, context }) => {
    const now = assignees.get(incident.id) ?? [];
    const notified = options.page ? { notified: userIds.filter((id) => !previous.includes(id)).map((userId) => ({ type: "user", userId })) } : {};
    return eventOf(source, toIncident(incident, now), "assigned", { ...context, assignees: now, previousAssigneeIds: previous, ...notified });
  });
  await appendAndFanOut(tx, source, events);
  await removeJobs(tx, changes.flatMap(({ incident, previous, userIds }) => pageJobKeysOf(incident.id, previous.filter((id) => !userIds.includes(id)))));
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * A person reassigns an incident that is not resolved, if they saw its latest version: the new
 * assignees replace the current ones (version + 1; any snooze ends), and those new to it are
 * paged. Nothing changes when they are the assignees already.
 */
export async function assign(tx: Tx, source: ChangeSource, input: { incidentId: string; userIds: readonly string[]; version: number }): Promise<IncidentRow> {
  const current = await lockAtVersion(tx, source, input.incidentId, input.version);
  if (current.status === "resolved") {
    throw new AppError("INVALID_TRANSITION", "A resolved incident cannot be reassigned", { status: current.status });
  }
  await assertMembers(tx, source.orgId, input.userIds);
  const previous = await assigneeIdsOf(tx, source.orgId, current.id);
  if (sameSet(previous, input.userIds)) return current;
  const updated = await setIncidentVersion(tx, source.orgId, current.id, { version: current.version + 1, at: new Date(), snoozedUntil: null });
  await reassign(tx, source, [{ incident: updated, previous, userIds: input.userIds, context: { version: updated.version } }], { page: true });
  await armRetrigger(tx, source, updated);
  return updated;
}

/**
 * Locks the org's incidents among `incidentIds` (any that are missing are left out), in the order
 * of their ids, for a change that writes on several. With `skipLocked`, those another transaction
 * holds are left out too: for a change of many that must not wait while holding some (the others
 * get a change of their own).
 */
export async function lockIncidents(tx: Tx, source: ChangeSource, incidentIds: readonly string[], options: { skipLocked?: boolean } = {}): Promise<Map<string, IncidentRow>> {
  const rows = await findIncidentsForUpdate(tx, source.orgId, [...new Set(incidentIds)], options);
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Each of the steps due at `dueAt` (null: at once), a job of its own now (replacing any pending
 * step of its incident): for those a job of several skipped.
 */
export async function scheduleStepsAlone(tx: Tx, source: ChangeSource, steps: readonly IncidentStep[], dueAt: Date | null): Promise<void> {
  await enqueueJobs(tx, steps.map(({ incidentId, step }) => escalationJob(source, incidentId, step, { manual: false, dueAt })));
}

/**
 * Records that `person` is no longer among the assignees of a locked incident (their membership
 * ended: its foreign key took them off): an `unassigned` event with who left, the assignees that
 * remain and `context` (why), and their pending pages about it are dropped. The routing of the
 * system, not an edit of the incident: the version stays, and nobody is notified.
 */
export async function recordUnassigned(tx: Tx, source: ChangeSource, incident: IncidentRow, person: Assignee, context: Record<string, unknown>): Promise<void> {
  const assignees = (await findAssignees(tx, source.orgId, [incident.id])).get(incident.id) ?? [];
  await recordEvent(tx, source, incident, "unassigned", { ...context, unassigned: person, assignees }, { notify: false });
  await cancelPages(tx, incident.id, [person.id]);
}
