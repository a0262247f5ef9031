import type { ContactMethodRow, Db, Tx } from "@incidentops/db";
import type { Config } from "../config.js";
import { isUniqueViolation } from "../db-errors.js";
import { assertDeliverableUrl, generateSigningSecret } from "../delivery/index.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import type { UserActor } from "../policy.js";
import { setScope, transact } from "../scope.js";
import { cancelPendingAttempts, CONTACT_METHOD_DELETED } from "../unsent-attempts.js";
import { maskUrl } from "../masked-url.js";
import { maskedAddress } from "./masking.js";
import {
  countContactMethods,
  findContactMethod,
  insertContactMethod,
  listContactMethods as listContactMethodRows,
  listOrgIdsOf,
  listRules,
  lockRules,
  markContactMethodDeleted,
  replaceRules,
} from "./repository.js";
import {
  MAX_CONTACT_METHODS,
  PHONE_TYPES,
  type ContactMethod,
  type ContactMethodIdInput,
  type ContactMethodList,
  type CreateContactMethodInput,
  type CreatedContactMethod,
  type NotificationRules,
  type SetNotificationRulesInput,
} from "./schema.js";

// A person's own contact methods and notification rules: whatever org the caller's token is
// for, these are theirs alone (another person's contact method is 404).

export const toContactMethod = (row: ContactMethodRow): ContactMethod => ({
  id: row.id,
  type: row.type,
  name: row.name,
  // A Slack webhook URL's path is its credential.
  address: row.type === "slack" ? maskUrl(row.address) : row.address,
  isAccountEmail: row.is_account_email,
  createdAt: iso(row.created_at),
});

export async function listContactMethods(db: Db, actor: UserActor): Promise<ContactMethodList> {
  return { items: (await listContactMethodRows(db, actor.userId)).map(toContactMethod) };
}

const TWILIO_VARIABLES = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"];

/** SMS and voice need the deployment's provider; URLs must be deliverable (no private or metadata addresses). */
async function checkReachable(input: CreateContactMethodInput, delivery: Pick<Config["delivery"], "allowPrivate" | "twilio">): Promise<void> {
  const phone = PHONE_TYPES.find((type) => type === input.type);
  if (phone !== undefined && delivery.twilio === null) {
    throw new AppError(
      "CHANNEL_NOT_CONFIGURED",
      `This deployment cannot send ${phone}: an operator must set ${TWILIO_VARIABLES.join(", ")}`,
      { type: phone, variables: TWILIO_VARIABLES },
    );
  }
  if (input.type === "webhook" || input.type === "slack") await assertDeliverableUrl(input.address, { allowPrivate: delivery.allowPrivate, field: "address" });
}

/** Adds a contact method (no rule uses it until you add one); a webhook's signing secret is returned this once. */
export async function createContactMethod(
  db: Db,
  actor: UserActor,
  input: CreateContactMethodInput,
  delivery: Pick<Config["delivery"], "allowPrivate" | "twilio">,
): Promise<CreatedContactMethod> {
  await checkReachable(input, delivery);
  const address = input.type === "email" ? input.address.toLowerCase() : input.address;
  const secret = input.type === "webhook" ? generateSigningSecret() : null;
  return transact(db, async (tx) => {
    if ((await countContactMethods(tx, actor.userId)) >= MAX_CONTACT_METHODS) {
      throw new AppError("CONFLICT", `You have ${MAX_CONTACT_METHODS} contact methods, the most one can have: delete one first`);
    }
    try {
      const row = await insertContactMethod(tx, { userId: actor.userId, type: input.type, name: input.name, address, secret });
      return { ...toContactMethod(row), ...(secret === null ? {} : { secret }) };
    } catch (error) {
      if (!isUniqueViolation(error, "contact_methods_address_key")) throw error;
      throw new AppError("CONFLICT", `You already have this ${input.type} contact method`, { fields: { address: ["already one of your contact methods"] } });
    }
  });
}

const contactMethodNotFound = () => notFound("Contact method");

/**
 * Deletes a contact method and the rules using it; the account email, and the last rule's method,
 * stay. The method is kept, marked deleted with its address masked, for the pages that went
 * through it, and its pages still pending end cancelled, in each of the person's orgs (decision 0058).
 */
export async function deleteContactMethod(db: Db, actor: UserActor, input: ContactMethodIdInput): Promise<void> {
  await transact(db, async (tx) => {
    await lockRules(tx, actor.userId);
    const method = await findContactMethod(tx, actor.userId, input.contactMethodId);
    if (method === undefined) throw contactMethodNotFound();
    if (method.is_account_email) throw new AppError("CONFLICT", "Your account email is a contact method for good: it cannot be deleted");
    const rules = await listRules(tx, actor.userId);
    if (rules.length > 0 && rules.every((r) => r.contact_method_id === method.id)) {
      throw new AppError("CONFLICT", "Every notification rule you have uses this contact method: add a rule with another one first", {
        fields: { contactMethodId: ["used by all of your notification rules"] },
      });
    }
    await markContactMethodDeleted(tx, actor.userId, method.id, maskedAddress(method.type, method.address));
    await cancelPendingPages(tx, actor, method.id);
  });
}

/**
 * Ends the pages still pending through the contact method cancelled, in each org the person is a
 * member of (a contact method is the person's, its lane one per org): row-level security shows
 * the transaction one org's attempts at a time, so it is scoped to each in turn, then back to the
 * caller's. A page made or retried after this is cancelled when claimed (notifications/deliver.ts).
 */
async function cancelPendingPages(tx: Tx, actor: UserActor, contactMethodId: string): Promise<void> {
  for (const orgId of await listOrgIdsOf(tx, actor.userId)) {
    await setScope(tx, { orgId, userId: actor.userId });
    await cancelPendingAttempts(tx, { orgId, recipientId: contactMethodId }, CONTACT_METHOD_DELETED);
  }
  await setScope(tx, { orgId: actor.orgId, userId: actor.userId });
}

export async function getNotificationRules(db: Db, actor: UserActor): Promise<NotificationRules> {
  const rows = await listRules(db, actor.userId);
  return { rules: rows.map((r) => ({ contactMethodId: r.contact_method_id, delayMinutes: r.delay_minutes })) };
}

/** The rules become exactly these, in the order they fire (by delay; equal delays as given). */
export async function setNotificationRules(db: Db, actor: UserActor, input: SetNotificationRulesInput): Promise<NotificationRules> {
  return transact(db, async (tx) => {
    await lockRules(tx, actor.userId);
    const own = new Set((await listContactMethodRows(tx, actor.userId)).map((m) => m.id));
    const fields: Record<string, string[]> = {};
    input.rules.forEach((rule, i) => {
      if (!own.has(rule.contactMethodId)) fields[`rules.${i}.contactMethodId`] = ["not one of your contact methods"];
    });
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", "Some rules name a contact method you do not have", { fields });
    const ordered = input.rules.map((rule, i) => ({ rule, i })).sort((a, b) => a.rule.delayMinutes - b.rule.delayMinutes || a.i - b.i).map(({ rule }) => rule);
    await replaceRules(tx, actor.userId, ordered);
    return { rules: ordered };
  });
}
