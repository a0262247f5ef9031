import type { ContactMethodRow, Db } from "@incidentops/db";
import type { Config } from "../config.js";
import { isUniqueViolation } from "../db-errors.js";
import { assertDeliverableUrl, generateSigningSecret } from "../delivery/index.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import type { UserActor } from "../policy.js";
import { transact } from "../scope.js";
import {
  countContactMethods,
  deleteContactMethod as deleteContactMethodRow,
  findContactMethod,
  insertContactMethod,
  listContactMethods as listContactMethodRows,
  listRules,
  lockRules,
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

/** Keeps scheme and host of a Slack webhook URL; the path is the credential. */
function maskSlackUrl(url: string): string {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/****`;
}

export const toContactMethod = (row: ContactMethodRow): ContactMethod => ({
  id: row.id,
  type: row.type,
  name: row.name,
  address: row.type === "slack" ? maskSlackUrl(row.address) : row.address,
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

/** Deletes a contact method and the rules using it; the account email, and the last rule's method, stay. */
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
    await deleteContactMethodRow(tx, actor.userId, method.id);
  });
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
