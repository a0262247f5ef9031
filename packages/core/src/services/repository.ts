import type { Db, Tx } from "@incidentops/db";
import { olderThan } from "../keyset.js";

export function findService(db: Db | Tx, orgId: string, serviceId: string) {
  return db
    .selectFrom("services")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", serviceId)
    .executeTakeFirst();
}

export function insertService(db: Db | Tx, values: { orgId: string; name: string; description: string | null }) {
  return db
    .insertInto("services")
    .values({ org_id: values.orgId, name: values.name, description: values.description })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listServices(db: Db | Tx, orgId: string, limit: number, after?: { createdAt: string; id: string }) {
  let query = db.selectFrom("services").selectAll().where("org_id", "=", orgId);
  if (after !== undefined) {
    query = query.where(olderThan(after));
  }
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
}
