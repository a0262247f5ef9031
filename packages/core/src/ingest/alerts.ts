import { randomUUID } from "node:crypto";
import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { AppError } from "../errors.js";
import { appendIncidentEvent, insertIncidentEvent } from "../incidents/event-repository.js";
import { moveIncident, scheduleEscalation, type ChangeSource } from "../incidents/service.js";
import { setScope, transact } from "../scope.js";

export type AlertAction = "trigger" | "acknowledge" | "resolve";

/** One alert from any source (PagerDuty Events v2, Alertmanager), in our terms. */
export interface Alert {
  routingKey: string;
  action: AlertAction;
  dedupKey?: string | undefined;
  summary: string;
  severity: IncidentSeverity;
  /** Kept on the timeline as received (already size-limited by the caller). */
  raw: unknown;
}

export type AlertOutcome = "created" | "deduplicated" | "acknowledged" | "resolved" | "ignored";

export interface AlertResult {
  dedupKey: string;
  outcome: AlertOutcome;
  incidentId: string | null;
}

/** The integration a routing key names, with the transaction scoped to its org; 404 if none. */
async function openIntegration(tx: Tx, routingKey: string) {
  await setScope(tx, { routingKey });
  const integration = await tx
    .selectFrom("integration_keys")
    .select(["org_id", "service_id", "id"])
    .where("routing_key", "=", routingKey)
    .executeTakeFirst();
  if (integration === undefined) throw new AppError("NOT_FOUND", "Unknown routing key: check the integration key of the service");
  await setScope(tx, { orgId: integration.org_id });
  return integration;
}

/**
 * Opens an incident for a trigger, or counts it on the open incident with the same dedup key.
 * One statement (INSERT ... ON CONFLICT on the partial unique index of open incidents), so any
 * number of concurrent identical triggers open exactly one incident.
 */
async function trigger(tx: Tx, integration: Awaited<ReturnType<typeof openIntegration>>, alert: Alert, dedupKey: string, requestId: string) {
  const row = await tx
    .insertInto("incidents")
    .values({
      org_id: integration.org_id,
      service_id: integration.service_id,
      title: alert.summary,
      severity: alert.severity,
      dedup_key: dedupKey,
      alert_count: 1,
      // The service's policy, read by the same statement (no round trip of its own).
      escalation_policy_id: (eb) =>
        eb
          .selectFrom("services")
          .select("escalation_policy_id")
          .where("org_id", "=", integration.org_id)
          .where("id", "=", integration.service_id),
    })
    .onConflict((oc) =>
      oc
        .columns(["org_id", "service_id", "dedup_key"])
        .where("dedup_key", "is not", null)
        .where("status", "<>", "resolved")
        .doUpdateSet({ alert_count: sql`incidents.alert_count + 1`, updated_at: sql`now()` }),
    )
    .returning(["id", "title", "severity", "status", "alert_count", "escalation_policy_id", sql<boolean>`xmax = 0`.as("inserted")])
    .executeTakeFirstOrThrow();
  const source: ChangeSource = { orgId: integration.org_id, actorUserId: null, requestId };
  if (!row.inserted) {
    // A repeat notifies no one: the incident is already open and its people already paged.
    await insertIncidentEvent(tx, {
      orgId: integration.org_id,
      incidentId: row.id,
      kind: "alert_repeated",
      actorUserId: null,
      data: { alertCount: row.alert_count, integrationId: integration.id, alert: alert.raw },
    });
    return { outcome: "deduplicated" as const, incidentId: row.id };
  }
  await appendIncidentEvent(
    tx,
    {
      orgId: integration.org_id,
      incidentId: row.id,
      kind: "created",
      actorUserId: null,
      data: { title: row.title, severity: row.severity, status: row.status, integrationId: integration.id, alert: alert.raw },
    },
    requestId,
  );
  if (row.escalation_policy_id !== null) await scheduleEscalation(tx, source, row.id, 0, false);
  return { outcome: "created" as const, incidentId: row.id };
}

/** acknowledge / resolve act on the open incident with the key; with none they are no-ops. */
async function settle(tx: Tx, integration: Awaited<ReturnType<typeof openIntegration>>, alert: Alert, dedupKey: string, requestId: string) {
  const current = await tx
    .selectFrom("incidents")
    .selectAll()
    .where("org_id", "=", integration.org_id)
    .where("service_id", "=", integration.service_id)
    .where("dedup_key", "=", dedupKey)
    .where("status", "<>", "resolved")
    .forUpdate()
    .executeTakeFirst();
  const toStatus: "acknowledged" | "resolved" = alert.action === "resolve" ? "resolved" : "acknowledged";
  if (current === undefined || (toStatus === "acknowledged" && current.status !== "triggered")) {
    return { outcome: "ignored" as const, incidentId: current?.id ?? null };
  }
  const source: ChangeSource = { orgId: integration.org_id, actorUserId: null, requestId };
  await moveIncident(tx, source, current, toStatus, { integrationId: integration.id, alert: alert.raw });
  return { outcome: toStatus, incidentId: current.id };
}

/** Applies one alert in its own transaction. Without a dedup key, a trigger gets a new one. */
export async function processAlert(db: Db, alert: Alert, requestId: string): Promise<AlertResult> {
  const dedupKey = alert.dedupKey ?? randomUUID().replace(/-/g, "");
  return transact(db, async (tx) => {
    const integration = await openIntegration(tx, alert.routingKey);
    const result =
      alert.action === "trigger"
        ? await trigger(tx, integration, alert, dedupKey, requestId)
        : await settle(tx, integration, alert, dedupKey, requestId);
    return { dedupKey, ...result };
  });
}
