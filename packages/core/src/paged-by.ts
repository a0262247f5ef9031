import type { Tx } from "@incidentops/db";
import { AppError } from "./errors.js";

// What escalation policies page: a schedule or a team that a level names cannot be deleted while
// it does (PagerDuty refuses such a delete too). Here, not in a feature, because schedules and
// teams ask it, and escalation policies build on both.

export type PagedResource = { scheduleId: string } | { teamId: string };

/**
 * The org's policies whose levels page the schedule or the team, by name. Locks the targets
 * naming it, so none is changed meanwhile.
 */
export async function policiesPaging(tx: Tx, orgId: string, what: PagedResource): Promise<{ id: string; name: string }[]> {
  let query = tx
    .selectFrom("escalation_level_targets as t")
    .innerJoin("escalation_policies as p", (join) => join.onRef("p.org_id", "=", "t.org_id").onRef("p.id", "=", "t.policy_id"))
    .select(["p.id", "p.name"])
    .where("t.org_id", "=", orgId);
  query = "scheduleId" in what ? query.where("t.schedule_id", "=", what.scheduleId) : query.where("t.team_id", "=", what.teamId);
  const rows = await query.orderBy("p.name").orderBy("p.id").forUpdate("t").execute();
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** 409 REFERENCED_BY_POLICIES, naming the policies, when any pages the schedule or team. */
export async function refuseIfPaged(tx: Tx, orgId: string, what: PagedResource): Promise<void> {
  const policies = await policiesPaging(tx, orgId, what);
  if (policies.length === 0) return;
  const thing = "scheduleId" in what ? "schedule" : "team";
  throw new AppError(
    "REFERENCED_BY_POLICIES",
    `Escalation policies page this ${thing} (${policies.map((p) => p.name).join(", ")}): take it out of their levels first`,
    { policies },
  );
}
