import type { Db } from "@incidentops/db";
import { z } from "zod";
import { iso } from "../mapping.js";
import { cursorTime, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import type { Member, OrgWithRole } from "../schemas.js";
import { toOrgWithRole } from "../auth/service.js";
import { findMembership } from "./repository.js";
import { AppError } from "../errors.js";
import { pastPosition } from "../keyset.js";

export async function getCurrentOrg(db: Db, actor: Actor): Promise<OrgWithRole> {
  const membership = await findMembership(db, actor.userId, actor.orgId);
  if (membership === undefined) throw new AppError("UNAUTHORIZED", "Your membership of this organisation has ended");
  return toOrgWithRole(membership);
}

const memberCursor = z.object({ joinedAt: cursorTime, userId: z.uuid() });

/** Members in the order they joined. */
export async function listMembers(
  db: Db,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<Member>> {
  let query = db
    .selectFrom("org_members")
    .innerJoin("users", "users.id", "org_members.user_id")
    .select(["users.id", "users.email", "users.name", "org_members.role", "org_members.created_at"])
    .where("org_members.org_id", "=", actor.orgId);
  if (input.cursor !== undefined) {
    const after = decodeCursor(memberCursor, input.cursor);
    query = query.where(
      pastPosition({ time: "org_members.created_at", id: "org_members.user_id" }, ">", {
        time: after.joinedAt,
        id: after.userId,
      }),
    );
  }
  const rows = await query
    .orderBy("org_members.created_at")
    .orderBy("org_members.user_id")
    .limit(input.limit + 1)
    .execute();
  return toPage(
    rows,
    input.limit,
    (r) => ({ user: { id: r.id, email: r.email, name: r.name }, role: r.role, joinedAt: iso(r.created_at) }),
    (r) => ({ joinedAt: iso(r.created_at), userId: r.id }),
  );
}
