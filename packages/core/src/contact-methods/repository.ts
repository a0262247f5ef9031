import type { ContactMethodType, Db, Tx } from "@incidentops/db";
import { sql } from "kysely";

// Contact methods and notification rules are a person's own rows (not an org's): every query
// here names the person.

/** The person's contact methods that were not deleted (a deleted one is kept only for the paging history). */
const liveMethods = (db: Db | Tx, userId: string) => db.selectFrom("contact_methods").where("user_id", "=", userId).where("deleted_at", "is", null);

export function listContactMethods(db: Db | Tx, userId: string) {
  return liveMethods(db, userId).selectAll().orderBy("created_at").orderBy("id").execute();
}

export function findContactMethod(db: Db | Tx, userId: string, contactMethodId: string) {
  return liveMethods(db, userId).selectAll().where("id", "=", contactMethodId).executeTakeFirst();
}

export async function countContactMethods(tx: Tx, userId: string): Promise<number> {
  const row = await liveMethods(tx, userId)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Fails with a unique violation on `contact_methods_address_key` when the person has it already. */
export function insertContactMethod(
  tx: Tx,
  method: { userId: string; type: ContactMethodType; name: string; address: string; secret: string | null },
) {
  return tx
    .insertInto("contact_methods")
    .values({ user_id: method.userId, type: method.type, name: method.name, address: method.address, secret: method.secret })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Marks it deleted, its address replaced by `maskedAddress` and a webhook's secret erased, and
 * deletes the rules using it: its row stays for the pages that went through it (decision 0058).
 */
export async function markContactMethodDeleted(tx: Tx, userId: string, contactMethodId: string, maskedAddress: string): Promise<void> {
  await tx.deleteFrom("notification_rules").where("user_id", "=", userId).where("contact_method_id", "=", contactMethodId).execute();
  await tx
    .updateTable("contact_methods")
    .set({ deleted_at: sql<Date>`now()`, address: maskedAddress, secret: sql<string | null>`CASE WHEN secret IS NULL THEN NULL ELSE '' END` })
    .where("user_id", "=", userId)
    .where("id", "=", contactMethodId)
    .execute();
}

/** The orgs the person is a member of (their contact methods page them in each). */
export async function listOrgIdsOf(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.selectFrom("org_members").select("org_id").where("user_id", "=", userId).orderBy("org_id").execute();
  return rows.map((row) => row.org_id);
}

/** The person's rules in order. */
export function listRules(db: Db | Tx, userId: string) {
  return db.selectFrom("notification_rules").selectAll().where("user_id", "=", userId).orderBy("position").execute();
}

/**
 * Locks the person's rules, for a change that must see them all, by the person's row: their
 * changes take turns. Locking the rules themselves did not: once one change had replaced them, the
 * changes that waited for its deleted rows went on together.
 */
export async function lockRules(tx: Tx, userId: string): Promise<void> {
  await tx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
}

/** Replaces the person's rules with `rules`, numbered in the given order. */
export async function replaceRules(tx: Tx, userId: string, rules: { contactMethodId: string; delayMinutes: number }[]): Promise<void> {
  await tx.deleteFrom("notification_rules").where("user_id", "=", userId).execute();
  if (rules.length === 0) return;
  await tx
    .insertInto("notification_rules")
    .values(rules.map((r, position) => ({ user_id: userId, position, contact_method_id: r.contactMethodId, delay_minutes: r.delayMinutes })))
    .execute();
}

/**
 * The rules of the given people, each with its contact method, by person and rule order: what a
 * page sends, and when.
 */
export function findPageRules(db: Db | Tx, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("notification_rules as r")
    .innerJoin("contact_methods as m", (join) => join.onRef("m.user_id", "=", "r.user_id").onRef("m.id", "=", "r.contact_method_id"))
    .select(["r.user_id", "r.position", "r.delay_minutes", "m.id as contact_method_id", "m.type"])
    .where("r.user_id", "in", userIds)
    .orderBy("r.user_id")
    .orderBy("r.position")
    .execute();
}

/** A contact method not deleted, for a later rule to page through, whoever's it is (the job names it). */
export function findLiveContactMethodById(db: Db | Tx, contactMethodId: string) {
  return db.selectFrom("contact_methods").selectAll().where("id", "=", contactMethodId).where("deleted_at", "is", null).executeTakeFirst();
}

/** The account-email contact methods of the given people (what org admins are told through). */
export function findAccountEmails(db: Db | Tx, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("contact_methods").select(["id", "user_id"]).where("user_id", "in", userIds).where("is_account_email", "=", true).execute();
}
