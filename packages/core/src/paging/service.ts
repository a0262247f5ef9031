import type { Db } from "@incidentops/db";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import type { AssignIncidentInput, Incident } from "../incidents/schema.js";
import { toIncidentOf } from "../incidents/service.js";
import type { Actor } from "../policy.js";
import { transact } from "../scope.js";
import { pagePeople } from "./page.js";

/**
 * Reassigns an incident (see lifecycle.assign) and pages the people new to it through their
 * notification rules, in one transaction.
 */
export async function assignIncident(db: Db, actor: Actor, input: AssignIncidentInput): Promise<Incident> {
  return transact(db, async (tx) => {
    const source = incidentLifecycle.changeSourceOf(actor);
    const { incident, change } = await incidentLifecycle.assign(tx, source, input);
    if (change !== null) {
      await pagePeople(tx, { orgId: actor.orgId, incidentId: incident.id, eventId: change.event.id, requestId: actor.requestId }, change.added);
    }
    return toIncidentOf(tx, actor.orgId, incident);
  });
}
