import { randomBytes } from "node:crypto";
import type { Db, HeartbeatMonitorRow, IncidentSeverity, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { requireService } from "../catalog/service.js";
import { publicLink, type Config } from "../config.js";
import { retryingConflicts } from "../conflict-retries.js";
import { AppError, notFound } from "../errors.js";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import { enqueueJob, removeJob } from "../jobs/enqueue.js";
import { heartbeatJobKey, SLA_JOB_PRIORITY, type TaskPayload } from "../jobs/tasks.js";
import type { Logger } from "../logger.js";
import { iso, isoOrNull } from "../mapping.js";
import { actorUserId, type Actor } from "../policy.js";
import { takeFromWindow } from "../rate-limit/repository.js";
import { inScope, transact } from "../scope.js";
import {
  deleteHeartbeat as deleteHeartbeatRow,
  expireIfOverdue,
  findHeartbeat,
  insertHeartbeat,
  listHeartbeats as listHeartbeatRows,
  pingHeartbeat,
  updateHeartbeat as updateHeartbeatRow,
  type PingedHeartbeat,
} from "./repository.js";
import type { CreateHeartbeatInput, Heartbeat, HeartbeatIdInput, HeartbeatList, HeartbeatPing, HeartbeatStatus, UpdateHeartbeatInput } from "./schema.js";

// Heartbeat monitors (GoAlert's): a job per heartbeat waits for its deadline; each ping moves it.
// When it runs with no ping in time, the heartbeat expires and opens an incident through the
// alert path (dedup key per heartbeat, maintenance windows suppress it); the next ping resolves it.

type UrlConfig = Pick<Config, "publicUrl" | "port">;

/** The severity of the incident a missed heartbeat opens. */
export const HEARTBEAT_SEVERITY: IncidentSeverity = "sev2";
const TOKEN_PREFIX = "iohb_";
const PING_WINDOW_MS = 60_000;

/** 128 random bits, prefixed so the logger can recognise one in free text. */
const generateToken = () => `${TOKEN_PREFIX}${randomBytes(16).toString("hex")}`;

export const heartbeatPingUrl = (config: UrlConfig, token: string) => publicLink(config, `/v1/heartbeats/${token}`);

/** The alert-path dedup key of a heartbeat's incidents: one open incident per heartbeat. */
export const heartbeatDedupKey = (heartbeatId: string) => `heartbeat:${heartbeatId}`;

/** An interval after the last ping, or after creation. */
const dueAtOf = (row: { last_ping_at: Date | null; created_at?: Date; interval_seconds: number }) =>
  new Date((row.last_ping_at ?? row.created_at ?? new Date()).getTime() + row.interval_seconds * 1000);

function statusOf(row: HeartbeatMonitorRow, now: number): HeartbeatStatus {
  if (row.expired_at !== null || dueAtOf(row).getTime() <= now) return "expired";
  return row.last_ping_at === null ? "inactive" : "healthy";
}

const toHeartbeat = (config: UrlConfig, row: HeartbeatMonitorRow): Heartbeat => ({
  id: row.id,
  serviceId: row.service_id,
  name: row.name,
  intervalSeconds: row.interval_seconds,
  status: statusOf(row, Date.now()),
  lastPingAt: isoOrNull(row.last_ping_at),
  dueAt: iso(dueAtOf(row)),
  pingUrl: heartbeatPingUrl(config, row.token),
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

/** Schedules the heartbeat's miss check at its deadline, replacing the pending one. */
async function armCheck(tx: Tx, heartbeat: { org_id: string; id: string; last_ping_at: Date | null; created_at?: Date; interval_seconds: number }, requestId: string) {
  await enqueueJob(
    tx,
    "heartbeat_check",
    { orgId: heartbeat.org_id, heartbeatId: heartbeat.id, requestId },
    { jobKey: heartbeatJobKey(heartbeat.id), runAt: dueAtOf(heartbeat), priority: SLA_JOB_PRIORITY },
  );
}

async function requireHeartbeat(db: Db | Tx, actor: Actor, input: HeartbeatIdInput): Promise<HeartbeatMonitorRow> {
  const row = await findHeartbeat(db, actor.orgId, input.serviceId, input.heartbeatId);
  if (row === undefined) throw notFound("Heartbeat");
  return row;
}

export async function listHeartbeats(db: Db, actor: Actor, config: UrlConfig, input: { serviceId: string }): Promise<HeartbeatList> {
  await requireService(db, actor, input.serviceId);
  const rows = await listHeartbeatRows(db, actor.orgId, input.serviceId);
  return { items: rows.map((row) => toHeartbeat(config, row)) };
}

export async function getHeartbeat(db: Db, actor: Actor, config: UrlConfig, input: HeartbeatIdInput): Promise<Heartbeat> {
  return toHeartbeat(config, await requireHeartbeat(db, actor, input));
}

export async function createHeartbeat(db: Db, actor: Actor, config: UrlConfig, input: CreateHeartbeatInput): Promise<Heartbeat> {
  await requireService(db, actor, input.serviceId);
  return transact(db, async (tx) => {
    const row = await insertHeartbeat(tx, { orgId: actor.orgId, serviceId: input.serviceId, name: input.name, intervalSeconds: input.intervalSeconds, token: generateToken(), createdBy: actorUserId(actor) });
    await armCheck(tx, row, actor.requestId);
    await auditAction(tx, actor, { action: "heartbeat.created", targetType: "heartbeat", targetId: row.id, data: { serviceId: row.service_id, name: row.name, intervalSeconds: row.interval_seconds } });
    return toHeartbeat(config, row);
  });
}

/** A new interval counts from the last ping (or creation): the pending check moves (an expired heartbeat waits for a ping). */
export async function updateHeartbeat(db: Db, actor: Actor, config: UrlConfig, input: UpdateHeartbeatInput): Promise<Heartbeat> {
  return transact(db, async (tx) => {
    const before = await requireHeartbeat(tx, actor, input);
    const row = await updateHeartbeatRow(tx, actor.orgId, input.serviceId, input.heartbeatId, { name: input.name, intervalSeconds: input.intervalSeconds });
    if (row === undefined) throw notFound("Heartbeat");
    if (row.interval_seconds !== before.interval_seconds && row.expired_at === null) await armCheck(tx, row, actor.requestId);
    const changes = { name: input.name, intervalSeconds: input.intervalSeconds };
    await auditAction(tx, actor, { action: "heartbeat.updated", targetType: "heartbeat", targetId: row.id, data: { serviceId: row.service_id, ...changes } });
    return toHeartbeat(config, row);
  });
}

/** Deletes the heartbeat and its pending check; an incident it opened stays (and is resolved by people). */
export async function deleteHeartbeat(db: Db, actor: Actor, input: HeartbeatIdInput): Promise<void> {
  await transact(db, async (tx) => {
    const deleted = await deleteHeartbeatRow(tx, actor.orgId, input.serviceId, input.heartbeatId);
    if (deleted === undefined) throw notFound("Heartbeat");
    await removeJob(tx, heartbeatJobKey(deleted.id));
    await auditAction(tx, actor, { action: "heartbeat.deleted", targetType: "heartbeat", targetId: deleted.id, data: { serviceId: input.serviceId, name: deleted.name } });
  });
}

/** What the timeline keeps of the heartbeat behind an event. */
const heartbeatContext = (row: { id: string; name: string; interval_seconds: number; last_ping_at: Date | null }, event: "missed" | "pinged") => ({
  heartbeat: { id: row.id, name: row.name, intervalSeconds: row.interval_seconds, lastPingAt: isoOrNull(row.last_ping_at), event },
});

export interface PingRequest {
  token: string;
  requestId: string;
  /** The request's log: where a retry of its transaction is logged (retryingConflicts). */
  log: Logger;
  /** Pings one heartbeat may take per minute (the ingestion limit). */
  limitPerMinute: number;
}

/** Counts the ping against the heartbeat's per-minute limit (429 over it: the transaction then records nothing). */
async function takePingAllowance(tx: Tx, heartbeat: PingedHeartbeat, limitPerMinute: number): Promise<void> {
  const take = await takeFromWindow(tx, `heartbeat:${heartbeat.id}`, PING_WINDOW_MS, 1, limitPerMinute);
  if (take.taken) return;
  throw new AppError("RATE_LIMITED", `over ${limitPerMinute} pings per minute for this heartbeat: retry after the Retry-After seconds`, {
    retryAfterSeconds: Math.max(1, Math.ceil(take.resetInMs / 1000)),
    limit: limitPerMinute,
    windowSeconds: PING_WINDOW_MS / 1000,
  });
}

/**
 * A ping, in one transaction: stamps the heartbeat (404 for an unknown token), counts it against
 * the limit, moves its miss check to the new deadline and, if it had expired, resolves the
 * incident its miss opened. Concurrent pings queue on the heartbeat's row. Run again when
 * PostgreSQL aborted it for a concurrent transaction (retryingConflicts).
 */
export async function ping(db: Db, request: PingRequest): Promise<HeartbeatPing> {
  return retryingConflicts(request.log, () =>
    transact(db, async (tx) => {
      const heartbeat = await pingHeartbeat(tx, request.token);
      if (heartbeat === undefined) throw new AppError("NOT_FOUND", "Unknown heartbeat: check the ping URL of the heartbeat");
      await takePingAllowance(tx, heartbeat, request.limitPerMinute);
      await armCheck(tx, heartbeat, request.requestId);
      if (heartbeat.was_expired_at !== null) {
        const source = { orgId: heartbeat.org_id, actorUserId: null, requestId: request.requestId };
        const target = { serviceId: heartbeat.service_id, dedupKey: heartbeatDedupKey(heartbeat.id), toStatus: "resolved" as const };
        await incidentLifecycle.settleForAlert(tx, source, target, heartbeatContext(heartbeat, "pinged"));
      }
      return { ok: true, status: "healthy", dueAt: iso(dueAtOf(heartbeat)) };
    }),
  );
}

export type HeartbeatCheckOutcome = "expired" | "suppressed" | "skipped";

/**
 * The `heartbeat_check` job, run at the deadline: when no ping came in time, the heartbeat
 * expires and opens its incident (or, during a maintenance window, records a suppressed alert).
 * A ping that came first, a heartbeat already expired or deleted: nothing.
 */
export async function runHeartbeatCheck(db: Db, job: TaskPayload<"heartbeat_check">): Promise<HeartbeatCheckOutcome> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const row = await expireIfOverdue(tx, job.orgId, job.heartbeatId);
    if (row === undefined) return "skipped";
    const dedupKey = heartbeatDedupKey(row.id);
    const title = `Heartbeat ${row.name} missed`;
    const context = heartbeatContext(row, "missed");
    const source = incidentLifecycle.jobSourceOf(job);
    const alert = { serviceId: row.service_id, title, severity: HEARTBEAT_SEVERITY, dedupKey, received: { integrationId: null, raw: context } };
    const { suppressed } = await incidentLifecycle.openForAlert(tx, { source, alert, context });
    return suppressed ? "suppressed" : "expired";
  });
}
