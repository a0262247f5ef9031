import type { Db, PostmortemRow } from "@incidentops/db";
import { getService } from "../catalog/service.js";
import { describeEvent } from "../delivery/summary.js";
import { AppError } from "../errors.js";
import * as lifecycle from "../incidents/lifecycle.js";
import type { Incident, IncidentIdInput } from "../incidents/schema.js";
import { getIncident, readStory } from "../incidents/service.js";
import { iso, isoOrNull } from "../mapping.js";
import { assertMembers } from "../members-named.js";
import { actorUserId, type Actor } from "../policy.js";
import { transact } from "../scope.js";
import { openTasksOf } from "../tasks/service.js";
import { findPeople } from "../users/repository.js";
import { formatDuration, formatInstant, renderPostmortemMarkdown } from "./markdown.js";
import { findPostmortem, findPostmortemForUpdate, insertPostmortem, updatePostmortem } from "./repository.js";
import { actionItemSchema, type ActionItem, type Postmortem, type PostmortemFacts, type PutPostmortemInput } from "./schema.js";

// Postmortems: one per resolved incident, edited with optimistic locking (version; 0 before the
// first save). Publishing (draft -> published) goes on the incident's timeline.

/** How many events of the incident a postmortem shows. */
const TIMELINE_LIMIT = 500;

const secondsBetween = (from: string, to: string | null) => (to === null ? null : (Date.parse(to) - Date.parse(from)) / 1000);

function factsOf(incident: Incident, service: { id: string; name: string }): PostmortemFacts {
  return {
    title: incident.title,
    severity: incident.severity,
    service: { id: service.id, name: service.name },
    // The first trigger: a re-trigger moves triggeredAt, not createdAt.
    triggeredAt: incident.createdAt,
    firstAcknowledgedAt: incident.firstAcknowledgedAt,
    mitigatedAt: incident.mitigatedAt,
    resolvedAt: incident.resolvedAt,
    timeToAcknowledgeSeconds: secondsBetween(incident.createdAt, incident.firstAcknowledgedAt),
    timeToResolveSeconds: secondsBetween(incident.createdAt, incident.resolvedAt),
    acknowledgeDueAt: incident.acknowledgeDueAt,
    resolveDueAt: incident.resolveDueAt,
    acknowledgeBreachedAt: incident.acknowledgeBreachedAt,
    resolveBreachedAt: incident.resolveBreachedAt,
    alertCount: incident.alertCount,
  };
}

type Content = Omit<Postmortem, "facts" | "timeline" | "timelineTruncated">;

/** A postmortem not saved yet: what the incident already says. */
async function draftFrom(db: Db, actor: Actor, incident: Incident, facts: PostmortemFacts): Promise<Content> {
  const lasted = facts.timeToResolveSeconds === null ? "" : ` (${formatDuration(facts.timeToResolveSeconds)})`;
  const resolved = facts.resolvedAt === null ? "" : `, resolved ${formatInstant(facts.resolvedAt)}${lasted}`;
  return {
    incidentId: incident.id,
    summary: incident.description === null ? incident.title : `${incident.title}\n\n${incident.description}`,
    impact: `${facts.severity.toUpperCase()} incident on ${facts.service.name}: triggered ${formatInstant(facts.triggeredAt)}${resolved}.`,
    rootCause: "",
    actionItems: (await openTasksOf(db, actor, incident.id)).map((task) => ({ title: task.title, ownerId: task.assignee?.id ?? null, done: false })),
    status: "draft",
    version: 0,
    createdBy: null,
    updatedBy: null,
    createdAt: null,
    updatedAt: null,
    publishedAt: null,
  };
}

const contentOf = (row: PostmortemRow): Content => ({
  incidentId: row.incident_id,
  summary: row.summary,
  impact: row.impact,
  rootCause: row.root_cause,
  actionItems: actionItemSchema.array().parse(row.action_items),
  status: row.status,
  version: row.version,
  createdBy: row.created_by,
  updatedBy: row.updated_by,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  publishedAt: isoOrNull(row.published_at),
});

/** The postmortem (stored, else a fresh draft) with the incident's live facts and timeline. */
async function compose(db: Db, actor: Actor, incident: Incident, row: PostmortemRow | undefined): Promise<Postmortem> {
  const facts = factsOf(incident, await getService(db, actor, { serviceId: incident.serviceId }));
  const content = row === undefined ? await draftFrom(db, actor, incident, facts) : contentOf(row);
  const story = await readStory(db, actor, incident.id, TIMELINE_LIMIT);
  return {
    ...content,
    facts,
    timeline: story.events.map((event) => ({ at: event.createdAt, kind: event.kind, summary: describeEvent(event, incident), actorUserId: event.actorUserId })),
    timelineTruncated: story.truncated,
  };
}

/** The incident, 404 unless it is the org's; 409 CONFLICT until it is resolved. */
async function resolvedIncident(db: Db, actor: Actor, incidentId: string): Promise<Incident> {
  const incident = await getIncident(db, actor, { incidentId });
  if (incident.status !== "resolved") {
    throw new AppError("CONFLICT", `A postmortem is written once the incident is resolved (it is ${incident.status})`, { status: incident.status });
  }
  return incident;
}

export async function getPostmortem(db: Db, actor: Actor, input: IncidentIdInput): Promise<Postmortem> {
  const incident = await resolvedIncident(db, actor, input.incidentId);
  return compose(db, actor, incident, await findPostmortem(db, actor.orgId, incident.id));
}

const versionConflict = (incident: Incident, yours: number, current: number) =>
  new AppError("VERSION_CONFLICT", `The postmortem changed since you read it (your version ${yours}, current ${current}): reload and retry`, {
    currentVersion: current,
    // The details' shape is the incidents' one: this is the incident's status.
    currentStatus: incident.status,
  });

/** Saves the whole postmortem if the caller saw its latest version (0: it was never saved). */
export async function putPostmortem(db: Db, actor: Actor, input: PutPostmortemInput): Promise<Postmortem> {
  return transact(db, async (tx) => {
    const source = lifecycle.changeSourceOf(actor);
    const locked = await lifecycle.lockExisting(tx, source, input.incidentId);
    const incident = await resolvedIncident(tx, actor, input.incidentId);
    const owners = input.actionItems.flatMap((item: ActionItem, i) => (item.ownerId === null ? [] : [{ field: `actionItems.${i}.ownerId`, userId: item.ownerId }]));
    await assertMembers(tx, actor.orgId, owners);
    const current = await findPostmortemForUpdate(tx, actor.orgId, incident.id);
    const currentVersion = current?.version ?? 0;
    if (input.version !== currentVersion) throw versionConflict(incident, input.version, currentVersion);

    const publishing = input.status === "published" && current?.status !== "published";
    const content = {
      summary: input.summary,
      impact: input.impact,
      rootCause: input.rootCause,
      actionItems: input.actionItems,
      status: input.status,
      publishedAt: input.status === "draft" ? null : publishing ? new Date() : (current?.published_at ?? new Date()),
      by: actorUserId(actor),
    };
    const row =
      current === undefined
        ? await insertPostmortem(tx, actor.orgId, incident.id, content)
        : await updatePostmortem(tx, actor.orgId, incident.id, currentVersion + 1, content);
    // Another writer saved the first version between our read and our insert.
    if (row === undefined) throw versionConflict(incident, input.version, 1);
    if (publishing) {
      await lifecycle.recordActivity(tx, source, locked, "postmortem_published", { version: row.version });
    }
    return compose(tx, actor, incident, row);
  });
}

/** The postmortem (or its pre-filled draft) as Markdown. */
export async function renderPostmortem(db: Db, actor: Actor, input: IncidentIdInput): Promise<string> {
  const postmortem = await getPostmortem(db, actor, input);
  const ids = [
    ...postmortem.actionItems.flatMap((item) => (item.ownerId === null ? [] : [item.ownerId])),
    ...postmortem.timeline.flatMap((entry) => (entry.actorUserId === null ? [] : [entry.actorUserId])),
  ];
  const people = await findPeople(db, [...new Set(ids)]);
  return renderPostmortemMarkdown(postmortem, new Map(people.map((p) => [p.id, p.name])));
}
