import type { Incident, IncidentEvent, Page, Postmortem, StatusUpdate, Task } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  countRows,
  expectError,
  expectValidationFailed,
  listEvents,
  ok,
  queuedJobs,
  useTestApi,
  type Account,
} from "@incidentops/testkit";
import { uploadAttachment } from "./support/attachments.js";

// The work around an incident: tasks, status updates and the postmortem (their roles and
// tenancy are in roles-incident-work.test.ts and tenancy.test.ts; status update delivery in
// apps/worker/test/status-updates.test.ts).

const api = useTestApi();

let owner: Account;
let member: Account;
let serviceId: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Work Org", name: "Olga Owner" });
  member = await aUserWithRole(api.current, owner.org.id, "member");
  serviceId = (await aService(api.current, owner.accessToken, { name: "payments" })).id;
});

const call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, token = member.accessToken) =>
  api.current.request<T>(method, path, body === undefined ? { token } : { token, body });

const eventsOf = async (incidentId: string) => (await listEvents(api.current, owner.accessToken, incidentId)).slice(1);

describe("tasks", () => {
  it("adds, lists, reassigns and completes tasks, each change on the timeline (without notifying)", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    const jobsBefore = (await queuedJobs(api.current.db, { task: "incident_event", orgId: owner.org.id })).length;
    const created = await ok(call<Task>("POST", `/v1/incidents/${incident.id}/tasks`, { title: "Roll back 1.42", assigneeId: owner.user.id }), 201, "create task");
    expect(created).toMatchObject({
      incidentId: incident.id,
      title: "Roll back 1.42",
      assignee: { id: owner.user.id, name: "Olga Owner", email: owner.email },
      done: false,
      doneAt: null,
      createdBy: member.user.id,
    });
    const second = await ok(call<Task>("POST", `/v1/incidents/${incident.id}/tasks`, { title: "Tell support" }), 201, "second task");
    expect(second.assignee).toBeNull();

    const done = await ok(call<Task>("PATCH", `/v1/incidents/${incident.id}/tasks/${created.id}`, { done: true, assigneeId: null }), 200, "complete");
    expect(done).toMatchObject({ done: true, assignee: null, doneAt: expect.any(String) });
    const reopened = await ok(call<Task>("PATCH", `/v1/incidents/${incident.id}/tasks/${created.id}`, { done: false, title: "Roll back to 1.41" }), 200, "reopen");
    expect(reopened).toMatchObject({ done: false, doneAt: null, title: "Roll back to 1.41" });
    // Nothing changes: nothing recorded.
    await ok(call("PATCH", `/v1/incidents/${incident.id}/tasks/${created.id}`, { done: false }), 200, "same");

    const list = await ok(call<Page<Task>>("GET", `/v1/incidents/${incident.id}/tasks?limit=1`), 200, "list");
    expect(list.items.map((t) => t.id)).toEqual([created.id]);
    const next = await ok(call<Page<Task>>("GET", `/v1/incidents/${incident.id}/tasks?limit=1&cursor=${list.nextCursor ?? ""}`), 200, "page 2");
    expect(next).toEqual({ items: [second], nextCursor: null });

    expect((await eventsOf(incident.id)).map((e) => [e.kind, e.data])).toEqual([
      ["task_created", { taskId: created.id, title: "Roll back 1.42", assigneeId: owner.user.id }],
      ["task_created", { taskId: second.id, title: "Tell support", assigneeId: null }],
      ["task_updated", { taskId: created.id, title: "Roll back 1.42", changes: { assigneeId: { from: owner.user.id, to: null }, done: { from: false, to: true } } }],
      ["task_updated", { taskId: created.id, title: "Roll back to 1.41", changes: { title: { from: "Roll back 1.42", to: "Roll back to 1.41" }, done: { from: true, to: false } } }],
    ]);
    expect((await queuedJobs(api.current.db, { task: "incident_event", orgId: owner.org.id })).length).toBe(jobsBefore);
  });

  it("refuses an assignee from outside the org, an empty title or a patch without changes with 400", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    const stranger = await anOrgOwner(api.current);
    const res = await call("POST", `/v1/incidents/${incident.id}/tasks`, { title: "x", assigneeId: stranger.user.id });
    expect(expectValidationFailed(res)).toEqual(["assigneeId"]);
    expectError(await call("POST", `/v1/incidents/${incident.id}/tasks`, { title: " " }), 400, "VALIDATION_FAILED");
    const task = await ok(call<Task>("POST", `/v1/incidents/${incident.id}/tasks`, { title: "ok" }), 201, "task");
    expectError(await call("PATCH", `/v1/incidents/${incident.id}/tasks/${task.id}`, {}), 400, "VALIDATION_FAILED");
    expect(await countRows(api.current.db, "incident_tasks", { incident_id: incident.id })).toBe(1);
  });

  it("finds a task only under its own incident", async () => {
    const one = await anIncident(api.current, owner.accessToken, serviceId);
    const other = await anIncident(api.current, owner.accessToken, serviceId);
    const task = await ok(call<Task>("POST", `/v1/incidents/${one.id}/tasks`, { title: "mine" }), 201, "task");
    const res = await call("PATCH", `/v1/incidents/${other.id}/tasks/${task.id}`, { done: true });
    expect(expectError(res, 404, "NOT_FOUND").message).toBe("Task not found");
  });
});

describe("status updates", () => {
  it("posts stakeholder updates apart from comments, newest first, their phase defaulting from the incident's status", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    const first = await ok(call<StatusUpdate>("POST", `/v1/incidents/${incident.id}/status-updates`, { body: "We are looking into failed payments." }), 201, "first");
    expect(first).toMatchObject({ status: "investigating", author: { id: member.user.id }, body: "We are looking into failed payments." });
    await ok(call<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { toStatus: "acknowledged", version: 1 }), 200, "ack");
    await ok(call<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { toStatus: "mitigated", version: 2 }), 200, "mitigate");
    const second = await ok(call<StatusUpdate>("POST", `/v1/incidents/${incident.id}/status-updates`, { body: "A fix is out; we are watching." }), 201, "second");
    expect(second.status).toBe("monitoring");
    const third = await ok(call<StatusUpdate>("POST", `/v1/incidents/${incident.id}/status-updates`, { body: "Cause found.", status: "identified" }), 201, "third");
    expect(third.status).toBe("identified");

    const list = await ok(call<Page<StatusUpdate>>("GET", `/v1/incidents/${incident.id}/status-updates`), 200, "list");
    expect(list.items.map((u) => u.id)).toEqual([third.id, second.id, first.id]);
    // Posting tells; it does not move the incident.
    expect((await ok(call<Incident>("GET", `/v1/incidents/${incident.id}`), 200, "get")).status).toBe("mitigated");
    const posted = (await eventsOf(incident.id)).filter((e) => e.kind === "status_update_posted");
    expect(posted.map((e) => e.data)).toEqual([
      { statusUpdateId: first.id, status: "investigating", body: first.body },
      { statusUpdateId: second.id, status: "monitoring", body: second.body },
      { statusUpdateId: third.id, status: "identified", body: third.body },
    ]);
  });

  it("refuses an empty body or an unknown phase", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    expectError(await call("POST", `/v1/incidents/${incident.id}/status-updates`, { body: "" }), 400, "VALIDATION_FAILED");
    expectError(await call("POST", `/v1/incidents/${incident.id}/status-updates`, { body: "x", status: "triggered" }), 400, "VALIDATION_FAILED");
    expect(await countRows(api.current.db, "incident_status_updates", { incident_id: incident.id })).toBe(0);
  });
});

describe("work added at once", () => {
  it("lands whole when tasks, status updates and attachments reach one incident together: they queue on it, none deadlocks", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    const writes = Array.from({ length: 8 }, (_, i) => [
      call("POST", `/v1/incidents/${incident.id}/tasks`, { title: `task ${i}` }),
      call("POST", `/v1/incidents/${incident.id}/status-updates`, { body: `update ${i}` }),
      uploadAttachment(api.current, member.accessToken, incident.id, { name: `log-${i}.txt`, bytes: `line ${i}` }),
    ]).flat();
    expect((await Promise.all(writes)).map((res) => res.status)).toEqual(writes.map(() => 201));
    const kinds = (await eventsOf(incident.id)).map((event) => event.kind);
    expect(["task_created", "status_update_posted", "attachment_added"].map((kind) => kinds.filter((each) => each === kind).length)).toEqual([8, 8, 8]);
  });
});

describe("postmortems", () => {
  async function aResolvedIncident() {
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { title: "Payments fail", description: "Card payments return 502", severity: "sev2" });
    await ok(call("POST", `/v1/incidents/${incident.id}/transition`, { toStatus: "acknowledged", version: 1 }), 200, "ack");
    await ok(call("POST", `/v1/incidents/${incident.id}/comment`, { body: "Rolling back | carefully" }), 201, "comment");
    return incident;
  }
  const resolve = (incident: { id: string }, version: number) => ok(call("POST", `/v1/incidents/${incident.id}/transition`, { toStatus: "resolved", version }), 200, "resolve");

  it("exists only for a resolved incident (409 before)", async () => {
    const incident = await aResolvedIncident();
    const early = await call("GET", `/v1/incidents/${incident.id}/postmortem`);
    expect(expectError(early, 409, "CONFLICT").details).toEqual({ status: "acknowledged" });
    const put = await call("PUT", `/v1/incidents/${incident.id}/postmortem`, { summary: "", impact: "", rootCause: "", actionItems: [], status: "draft", version: 0 });
    expectError(put, 409, "CONFLICT");
    expectError(await call("GET", `/v1/incidents/${incident.id}/postmortem.md`), 409, "CONFLICT");
    expect(await countRows(api.current.db, "postmortems", { incident_id: incident.id })).toBe(0);
  });

  it("starts as a draft pre-filled from the incident's facts, open tasks and timeline", async () => {
    const incident = await aResolvedIncident();
    await ok(call("POST", `/v1/incidents/${incident.id}/tasks`, { title: "Alert on pool saturation", assigneeId: member.user.id }), 201, "open task");
    const finished = await ok(call<Task>("POST", `/v1/incidents/${incident.id}/tasks`, { title: "Roll back" }), 201, "task");
    await ok(call("PATCH", `/v1/incidents/${incident.id}/tasks/${finished.id}`, { done: true }), 200, "done");
    await resolve(incident, 2);
    const draft = await ok(call<Postmortem>("GET", `/v1/incidents/${incident.id}/postmortem`), 200, "draft");
    expect(draft).toMatchObject({
      incidentId: incident.id,
      status: "draft",
      version: 0,
      createdAt: null,
      summary: "Payments fail\n\nCard payments return 502",
      impact: expect.stringMatching(/^SEV2 incident on payments: triggered \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, resolved .* UTC \(\d+ s\)\.$/),
      rootCause: "",
      actionItems: [{ title: "Alert on pool saturation", ownerId: member.user.id, done: false }],
      facts: { title: "Payments fail", severity: "sev2", service: { id: serviceId, name: "payments" }, triggeredAt: incident.createdAt, alertCount: 0 },
      timelineTruncated: false,
    });
    expect(draft.facts.timeToResolveSeconds).toBeGreaterThanOrEqual(draft.facts.timeToAcknowledgeSeconds ?? Infinity);
    expect(draft.timeline.map((e) => e.kind)).toEqual(["created", "status_changed", "commented", "task_created", "task_created", "task_updated", "status_changed"]);
    expect(draft.timeline[2]).toMatchObject({ summary: "Comment: Rolling back | carefully", actorUserId: member.user.id });
  });

  it("saves at the version read, refuses a stale one, and records publishing on the timeline once", async () => {
    const incident = await aResolvedIncident();
    await resolve(incident, 2);
    const body = { summary: "Payments failed for 20 minutes.", impact: "3% of orders", rootCause: "Pool limit", actionItems: [{ title: "Raise the limit", ownerId: owner.user.id }], status: "draft", version: 0 };
    const saved = await ok(call<Postmortem>("PUT", `/v1/incidents/${incident.id}/postmortem`, body), 200, "save");
    expect(saved).toMatchObject({ version: 1, status: "draft", createdBy: member.user.id, publishedAt: null, actionItems: [{ title: "Raise the limit", ownerId: owner.user.id, done: false }] });

    const stale = await call("PUT", `/v1/incidents/${incident.id}/postmortem`, { ...body, summary: "lost update", version: 0 });
    expect(expectError(stale, 409, "VERSION_CONFLICT").details).toEqual({ currentVersion: 1, currentStatus: "resolved" });

    const published = await ok(call<Postmortem>("PUT", `/v1/incidents/${incident.id}/postmortem`, { ...body, status: "published", version: 1 }, owner.accessToken), 200, "publish");
    expect(published).toMatchObject({ version: 2, status: "published", updatedBy: owner.user.id, publishedAt: expect.any(String) });
    const edited = await ok(call<Postmortem>("PUT", `/v1/incidents/${incident.id}/postmortem`, { ...body, rootCause: "Pool limit halved", status: "published", version: 2 }), 200, "edit");
    expect(edited).toMatchObject({ version: 3, publishedAt: published.publishedAt, rootCause: "Pool limit halved" });
    expect((await ok(call<Postmortem>("GET", `/v1/incidents/${incident.id}/postmortem`), 200, "read")).version).toBe(3);
    const publications = (await listEvents(api.current, owner.accessToken, incident.id)).filter((e: IncidentEvent) => e.kind === "postmortem_published");
    expect(publications.map((e) => e.data)).toEqual([{ version: 2 }]);

    const stranger = await anOrgOwner(api.current);
    const foreignOwner = await call("PUT", `/v1/incidents/${incident.id}/postmortem`, { ...body, actionItems: [{ title: "x", ownerId: stranger.user.id }], version: 3 });
    expect(expectValidationFailed(foreignOwner)).toEqual(["actionItems.0.ownerId"]);
  });

  it("renders as Markdown: facts, the text as written, action items with owners, the timeline", async () => {
    const incident = await aResolvedIncident();
    await resolve(incident, 2);
    const body = {
      summary: "Payments **failed**.",
      impact: "3% of orders",
      rootCause: "",
      actionItems: [
        { title: "Raise the limit", ownerId: owner.user.id, done: true },
        { title: "Alert on it", ownerId: null, done: false },
      ],
      status: "draft",
      version: 0,
    };
    await ok(call("PUT", `/v1/incidents/${incident.id}/postmortem`, body), 200, "save");
    const res = await fetch(`${api.current.baseUrl}/v1/incidents/${incident.id}/postmortem.md`, { headers: { authorization: `Bearer ${member.accessToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const markdown = await res.text();
    expect(markdown).toMatch(/^# Postmortem: Payments fail\n\n_Draft_\n\n\| \| \|\n\|---\|---\|\n\| Severity \| SEV2 \|\n\| Service \| payments \|/);
    expect(markdown).toContain("## Summary\n\nPayments **failed**.\n");
    expect(markdown).toContain("## Root cause\n\n_Not written yet._\n");
    expect(markdown).toContain("## Action items\n\n- [x] Raise the limit (owner: Olga Owner)\n- [ ] Alert on it\n");
    // A table cell keeps its pipe escaped.
    expect(markdown).toMatch(/\| Comment: Rolling back \\\| carefully \| Test User \|/);
    const sdk = await api.current.trpc(member.accessToken).incidents.postmortem.markdown.query({ incidentId: incident.id });
    expect(sdk).toBe(markdown);
  });

  it("writes the incident's plain text (title, comments, action items) as text, never as markup: no HTML, link or image comes through", async () => {
    const markup = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![](https://evil.example/t.png) **loud** & `code`";
    const escaped = String.raw`\<img src=x onerror=alert(1)\> \[click\](javascript:alert(1)) \!\[\](https://evil.example/t.png) \*\*loud\*\* \& \`code\``;
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { title: markup });
    await ok(call("POST", `/v1/incidents/${incident.id}/comment`, { body: markup }), 201, "comment");
    await ok(call("POST", `/v1/incidents/${incident.id}/transition`, { toStatus: "resolved", version: 1 }), 200, "resolve");
    const body = { summary: "The team's own **Markdown** stays.", impact: "", rootCause: "", actionItems: [{ title: markup, ownerId: null, done: false }], status: "draft", version: 0 };
    await ok(call("PUT", `/v1/incidents/${incident.id}/postmortem`, body), 200, "save");
    const markdown = await api.current.trpc(member.accessToken).incidents.postmortem.markdown.query({ incidentId: incident.id });
    expect(markdown).toContain(`# Postmortem: ${escaped}\n`);
    expect(markdown).toContain(`- [ ] ${escaped}\n`);
    expect(markdown).toContain(`| Comment: ${escaped} |`);
    expect(markdown).toContain("## Summary\n\nThe team's own **Markdown** stays.\n");
    expect(markdown).not.toMatch(/(^|[^\\])(<img|\[click\]|!\[)/);
  });
});
