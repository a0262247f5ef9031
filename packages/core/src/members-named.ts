import type { Tx } from "@incidentops/db";
import { AppError } from "./errors.js";

// Whether the people a write names are members of its org. Here, not in a feature, because tasks
// and postmortems (assignees, owners) and the features that build on teams (schedules, policies,
// incidents) all ask it, and org, which removes members, builds on them.

/**
 * Which of `userIds` are members of the org, their memberships locked FOR KEY SHARE until the
 * transaction ends: a removal waits for the write that names them, then takes them out of it too.
 */
export async function orgMembersAmong(tx: Tx, orgId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx.selectFrom("org_members").select("user_id").where("org_id", "=", orgId).where("user_id", "in", [...userIds]).forKeyShare().execute();
  return new Set(rows.map((r) => r.user_id));
}

/**
 * 400 VALIDATION_FAILED unless every person named is a member of the org (an assignee, an
 * owner): `people` maps each field path to the id given there.
 */
export async function assertMembers(tx: Tx, orgId: string, people: { field: string; userId: string }[]): Promise<void> {
  const members = await orgMembersAmong(tx, orgId, [...new Set(people.map((p) => p.userId))]);
  const strangers = people.filter((p) => !members.has(p.userId));
  if (strangers.length > 0) {
    throw new AppError("VALIDATION_FAILED", "Only members of this organisation can be named here", {
      fields: Object.fromEntries(strangers.map((p) => [p.field, ["not a member of this organisation"]])),
    });
  }
}
