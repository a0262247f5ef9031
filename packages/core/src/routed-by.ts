import type { Tx } from "@incidentops/db";
import { sql } from "kysely";
import { AppError } from "./errors.js";

// What notification targets route by: a team a target names in its teamIds cannot be deleted
// while it does (decision 0068), as one an escalation level pages cannot (paged-by.ts). Here, not
// in a feature, because teams ask it and notification targets build above them.

/**
 * The org's live targets whose routing names the team, by name, locked FOR UPDATE: a target's
 * write that would name the team locks it FOR KEY SHARE first, so one of the two waits.
 */
function targetsRoutingBy(tx: Tx, orgId: string, teamId: string) {
  return tx
    .selectFrom("notification_targets")
    .select(["id", "name"])
    .where("org_id", "=", orgId)
    .where("deleted_at", "is", null)
    .where(sql<boolean>`team_ids @> ARRAY[${teamId}::uuid]`)
    .orderBy("name")
    .orderBy("id")
    .forUpdate()
    .execute();
}

/** 409 CONFLICT, naming the targets, when any routes by the team. */
export async function refuseIfRoutedBy(tx: Tx, orgId: string, teamId: string): Promise<void> {
  const targets = await targetsRoutingBy(tx, orgId, teamId);
  if (targets.length === 0) return;
  throw new AppError("CONFLICT", `Notification targets route by this team (${targets.map((t) => t.name).join(", ")}): take it out of their teams first`, {
    notificationTargets: targets,
  });
}
