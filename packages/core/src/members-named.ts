import type { Tx } from "@incidentops/db";

// Whether the people a write names are members of its org. Here, not in a feature, because org
// (postmortem owners, task assignees) and the features that build on teams (schedules, policies,
// incidents) all ask it.

/**
 * Which of `userIds` are members of the org, their memberships locked FOR KEY SHARE until the
 * transaction ends: a removal waits for the write that names them, then takes them out of it too.
 */
export async function orgMembersAmong(tx: Tx, orgId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx.selectFrom("org_members").select("user_id").where("org_id", "=", orgId).where("user_id", "in", [...userIds]).forKeyShare().execute();
  return new Set(rows.map((r) => r.user_id));
}
