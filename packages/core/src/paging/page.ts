import type { Db, Tx } from "@incidentops/db";
import { findAccountEmails, findContactMethodById, findPageRules } from "../contact-methods/repository.js";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import { isAssignee } from "../incidents/service.js";
import { enqueueJob, removeJobs } from "../jobs/enqueue.js";
import { ESCALATION_QUEUE, pageJobKey, pageJobKeysOf, type TaskPayload } from "../jobs/tasks.js";
import { recordAttempts, type Recipient } from "../notifications/attempts.js";
import { inScope } from "../scope.js";

// Paging a person: each of their notification rules sends to its contact method after its
// delay, unless the incident has been acknowledged by then. A rule due now is an attempt (and
// its delivery job) at once; a later one is a `page_rule` job at its time, keyed by incident,
// person and rule, which the lifecycle removes when the incident moves or the person is
// unassigned, and which re-checks the incident when it runs.

/** The page an event makes: which incident, which timeline event the attempts hang on, which request. */
export interface PageContext {
  orgId: string;
  incidentId: string;
  eventId: string;
  requestId: string;
}

/**
 * Pages the people through their notification rules, in the caller's transaction: a new page of
 * someone replaces their rules still pending for the incident. Returns how many attempts were
 * made now and how many rules wait for their delay.
 */
export async function pagePeople(tx: Tx, page: PageContext, userIds: readonly string[]): Promise<{ now: number; later: number }> {
  if (userIds.length === 0) return { now: 0, later: 0 };
  await removeJobs(tx, pageJobKeysOf(page.incidentId, userIds));
  const rules = await findPageRules(tx, userIds);
  const now: Recipient[] = [];
  const at = Date.now();
  for (const rule of rules) {
    if (rule.delay_minutes === 0) {
      now.push({ userId: rule.user_id, contactMethodId: rule.contact_method_id, channel: rule.type, delayMinutes: 0 });
      continue;
    }
    await enqueueJob(
      tx,
      "page_rule",
      { ...page, userId: rule.user_id, contactMethodId: rule.contact_method_id, delayMinutes: rule.delay_minutes },
      { queueName: ESCALATION_QUEUE, jobKey: pageJobKey(page.incidentId, rule.user_id, rule.position), runAt: new Date(at + rule.delay_minutes * 60_000) },
    );
  }
  await recordAttempts(tx, page, now);
  return { now: now.length, later: rules.length - now.length };
}

/** Tells people (org admins when nobody could be paged) through their account email, at once. */
export async function notifyByAccountEmail(tx: Tx, page: PageContext, userIds: readonly string[]): Promise<number> {
  const emails = await findAccountEmails(tx, userIds);
  return recordAttempts(
    tx,
    page,
    emails.map((m) => ({ userId: m.user_id, contactMethodId: m.id, channel: "email" as const, delayMinutes: 0 })),
  );
}

export type PageRuleOutcome = "sent" | "skipped";

/**
 * The `page_rule` job: a rule's delay is up. Sends through its contact method while the incident
 * is still triggered (nobody acknowledged, mitigated or resolved it) and still the person's, with
 * the incident row locked so that an acknowledgement and this job never cross.
 */
export async function runPageRule(db: Db, job: TaskPayload<"page_rule">): Promise<PageRuleOutcome> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const incident = await incidentLifecycle.lock(tx, job.orgId, job.incidentId);
    if (incident === undefined || incident.status !== "triggered") return "skipped";
    if (!(await isAssignee(tx, job.orgId, job.incidentId, job.userId))) return "skipped";
    const method = await findContactMethodById(tx, job.contactMethodId);
    if (method === undefined || method.user_id !== job.userId) return "skipped";
    const made = await recordAttempts(tx, job, [
      { userId: job.userId, contactMethodId: method.id, channel: method.type, delayMinutes: job.delayMinutes },
    ]);
    return made > 0 ? "sent" : "skipped";
  });
}
