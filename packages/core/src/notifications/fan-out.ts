import { inScope } from "../scope.js";
import type { Db } from "@incidentops/db";
import { sql } from "kysely";
import { recordAttempts } from "./attempts.js";
import { notificationKindOf } from "./kinds.js";

/**
 * The `incident_event` job: one attempt per enabled target of the org whose filters match the
 * event (kind and minimum severity), each with its delivery job. Returns how many were new.
 */
export async function fanOutEvent(db: Db, job: { orgId: string; eventId: string; requestId: string }): Promise<number> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const event = await tx
      .selectFrom("incident_events")
      .innerJoin("incidents", (join) =>
        join.onRef("incidents.org_id", "=", "incident_events.org_id").onRef("incidents.id", "=", "incident_events.incident_id"),
      )
      .select(["incident_events.id", "incident_events.kind", "incident_events.data", "incidents.id as incident_id", "incidents.severity"])
      .where("incident_events.org_id", "=", job.orgId)
      .where("incident_events.id", "=", job.eventId)
      .executeTakeFirst();
    if (event === undefined) return 0;
    const kind = notificationKindOf(event);
    if (kind === null) return 0;
    const targets = await tx
      .selectFrom("notification_targets")
      .select(["id", "type"])
      .where("org_id", "=", job.orgId)
      .where("enabled", "=", true)
      .where((eb) => eb.or([eb("event_kinds", "is", null), eb(sql.val<string>(kind), "=", eb.fn.any("event_kinds"))]))
      // Severity enum order is sev1 < sev4: a target wanting sev2 and up takes sev1 and sev2.
      .where((eb) => eb.or([eb("min_severity", "is", null), eb(sql.val(event.severity), "<=", eb.ref("min_severity"))]))
      .execute();
    return recordAttempts(
      tx,
      { orgId: job.orgId, eventId: event.id, incidentId: event.incident_id, requestId: job.requestId },
      targets.map((t) => ({ targetId: t.id, channel: t.type })),
    );
  });
}
