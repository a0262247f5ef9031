import type { Db, Tx } from "@incidentops/db";
import { findAccountEmails, findLiveContactMethodById, findPageRules } from "../contact-methods/repository.js";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import { isAssignee } from "../incidents/service.js";
import { groupBy } from "../group-by.js";
import { enqueueJobs, removeJobs, type JobRequest } from "../jobs/enqueue.js";
import { pageJobKey, pageJobKeysOf, type TaskPayload } from "../jobs/tasks.js";
import { inScope } from "../scope.js";
import { recordAttempts, type Recipient } from "./attempts.js";
import { findEvent } from "./repository.js";

// Paging a person: each of their notification rules sends to its contact method after its
// delay, unless the incident has been acknowledged by then. The fan-out of the event that pages
// them (an escalation level, an assignment) makes the attempts of the rules due at once, in
// timeline order with the incident's other notifications; a later rule is a `page_rule` job at
// the event's time plus its delay, keyed by incident, person and rule, which the lifecycle
// removes when the incident moves or the person is unassigned, and which re-checks the incident
// when it runs. Every attempt hangs on the paging event, so it shows the incident at that event.

/** The event that pages: which incident, which timeline event, when, which request. */
export interface PageEvent {
  orgId: string;
  incidentId: string;
  eventId: string;
  createdAt: Date;
  requestId: string;
}

/** People paged by one event (pagesNow). */
export interface Page {
  event: PageEvent;
  userIds: readonly string[];
}

/**
 * The attempts due now for each page (the people's rules without delay, in the order of their ids
 * and positions), by event id, in the fan-out's transaction; their later rules become `page_rule`
 * jobs, replacing any still pending from an earlier page of the incident (of a page earlier in
 * `pages` too). As many statements for a fan-out's pages as for one: the pending jobs removed, the
 * rules read, the later ones added.
 */
export async function pagesNow(tx: Tx, pages: readonly Page[]): Promise<Map<string, Recipient[]>> {
  const now = new Map<string, Recipient[]>();
  const paging = pages.filter(({ userIds }) => userIds.length > 0);
  if (paging.length === 0) return now;
  await removeJobs(tx, paging.flatMap(({ event, userIds }) => pageJobKeysOf(event.incidentId, userIds)));
  const rulesOf = groupBy(await findPageRules(tx, [...new Set(paging.flatMap(({ userIds }) => userIds))]), (rule) => rule.user_id);
  const later = new Map<string, JobRequest>();
  for (const { event, userIds } of paging) {
    const due: Recipient[] = [];
    for (const rule of userIds.toSorted().flatMap((userId) => rulesOf.get(userId) ?? [])) {
      if (rule.delay_minutes === 0) {
        due.push({ userId: rule.user_id, contactMethodId: rule.contact_method_id, channel: rule.type, delayMinutes: 0 });
        continue;
      }
      const jobKey = pageJobKey(event.incidentId, rule.user_id, rule.position);
      // One job per key in one add_jobs: a later page's rule replaces an earlier one's.
      later.delete(jobKey);
      later.set(jobKey, {
        task: "page_rule",
        payload: { orgId: event.orgId, incidentId: event.incidentId, eventId: event.eventId, requestId: event.requestId, userId: rule.user_id, contactMethodId: rule.contact_method_id, delayMinutes: rule.delay_minutes },
        spec: { jobKey, runAt: new Date(event.createdAt.getTime() + rule.delay_minutes * 60_000) },
      });
    }
    now.set(event.eventId, due);
  }
  await enqueueJobs(tx, [...later.values()]);
  return now;
}

/** The attempt that tells each person (org admins when nobody could be paged) through their account email, at once, by person: one read for them all. */
export async function accountEmailsOf(tx: Tx, userIds: readonly string[]): Promise<Map<string, Recipient>> {
  const emails = await findAccountEmails(tx, [...new Set(userIds)]);
  return new Map(emails.map((m) => [m.user_id, { userId: m.user_id, contactMethodId: m.id, channel: "email" as const, delayMinutes: 0 }]));
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
    const method = await findLiveContactMethodById(tx, job.contactMethodId);
    const event = await findEvent(tx, job.orgId, job.eventId);
    if (method === undefined || method.user_id !== job.userId || event === undefined) return "skipped";
    const made = await recordAttempts(tx, job, [
      {
        event: { id: event.id, seq: event.seq, incidentId: event.incident_id },
        recipients: [{ userId: job.userId, contactMethodId: method.id, channel: method.type, delayMinutes: job.delayMinutes }],
      },
    ]);
    return made > 0 ? "sent" : "skipped";
  });
}
