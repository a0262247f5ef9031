import type { Tx } from "@incidentops/db";
import { enqueueJob } from "../jobs/enqueue.js";
import { findMemberToNotify } from "./repository.js";

/** What a person is told, in words: a subject line and a plain-text body. */
export interface PersonMessage {
  subject: string;
  text: string;
}

/**
 * Tells a member of the org something about their on-call duty, in the caller's transaction (the
 * message is sent if and only if it commits). False when they are not a member (any more).
 *
 * Today this is an email to the account's address (the send_account_email job). Contact methods
 * and notification rules replace this body: the person's rules say which methods, in order.
 */
export async function notifyPerson(tx: Tx, orgId: string, userId: string, message: PersonMessage, requestId: string): Promise<boolean> {
  const person = await findMemberToNotify(tx, orgId, userId);
  if (person === undefined) return false;
  await enqueueJob(tx, "send_account_email", { to: person.email, subject: message.subject, text: message.text, requestId });
  return true;
}
