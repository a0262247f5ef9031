import type { Db } from "@incidentops/db";
import { z } from "zod";
import { iso } from "../mapping.js";
import { cursorTime, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import type { Member, OrgWithRole } from "../schemas.js";
import { pastPosition } from "../keyset.js";

/** The caller's org, with the role they act with (an API key's role follows its scope). */
export async function getCurrentOrg(db: Db, actor: Actor): Promise<OrgWithRole> {
  const org = await db.selectFrom("orgs").select(["id", "name", "created_at"]).where("id", "=", actor.orgId).executeTakeFirstOrThrow();
  return { id: org.id, name: org.name, createdAt: iso(org.created_at), role: actor.role };
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
