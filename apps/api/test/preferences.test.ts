import { randomUUID } from "node:crypto";
import { fanOutEvents, type NotificationAttempt, type NotificationPreferences, type Page, type TokenResponse } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  fieldsOf,
  queuedJobs,
  useTestApi,
  type ErrorBody,
  type HttpResponse,
} from "@incidentops/testkit";

const api = useTestApi();

const ALL_KINDS = ["triggered", "acknowledged", "mitigated", "resolved", "escalated", "commented", "severity_changed", "updated", "sla_at_risk", "sla_breached", "status_update"];
const PATH = "/v1/users/me/notification-preferences";

let owner: TokenResponse;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "NotificationPreferences Org" });
});

const getPrefs = (token: string) => api.current.request<NotificationPreferences & ErrorBody>("GET", PATH, { token });
const putPrefs = (token: string, body: unknown) => api.current.request<NotificationPreferences & ErrorBody>("PUT", PATH, { token, body });

async function storedPrefs(userId: string) {
  return api.current.db.selectFrom("user_notification_preferences").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

describe("notification preferences", () => {
  it("default to every kind, never saved", async () => {
    const user = await aUserWithRole(api.current, owner.org.id, "viewer");
    const res = await getPrefs(user.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ eventKinds: ALL_KINDS, updatedAt: null });
    expect(await storedPrefs(user.user.id)).toBeUndefined();
  });

  it("PUT a subset: stored in canonical order without duplicates, and GET returns it", async () => {
    const user = await aUserWithRole(api.current, owner.org.id, "member");
    const startedAt = Date.now();
    const res = await putPrefs(user.accessToken, { eventKinds: ["resolved", "escalated", "triggered", "resolved"] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.eventKinds).toEqual(["triggered", "resolved", "escalated"]);
    expect(Date.parse(res.body.updatedAt ?? "")).toBeGreaterThanOrEqual(startedAt - 5000);
    expect((await getPrefs(user.accessToken)).body).toEqual(res.body);
    expect((await storedPrefs(user.user.id))?.event_kinds).toEqual(["triggered", "resolved", "escalated"]);
  });

  it("a second PUT replaces the first", async () => {
    const user = await aUserWithRole(api.current, owner.org.id, "member");
    const first = await putPrefs(user.accessToken, { eventKinds: ["triggered", "acknowledged"] });
    const second = await putPrefs(user.accessToken, { eventKinds: ["commented"] });
    expect(second.status).toBe(200);
    expect(second.body.eventKinds).toEqual(["commented"]);
    expect(Date.parse(second.body.updatedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(first.body.updatedAt ?? ""));
    expect((await getPrefs(user.accessToken)).body.eventKinds).toEqual(["commented"]);
  });

  it("an empty list opts out of everything; every kind opts back in", async () => {
    const user = await aUserWithRole(api.current, owner.org.id, "viewer");
    expect((await putPrefs(user.accessToken, { eventKinds: [] })).body.eventKinds).toEqual([]);
    expect((await getPrefs(user.accessToken)).body.eventKinds).toEqual([]);
    const all = await putPrefs(user.accessToken, { eventKinds: [...ALL_KINDS].reverse() });
    expect(all.body.eventKinds).toEqual(ALL_KINDS);
  });

  const INVALID: { label: string; body: unknown; field: string }[] = [
    { label: "an unknown kind", body: { eventKinds: ["triggered", "exploded"] }, field: "eventKinds.1" },
    { label: "an incident status that is no notification kind", body: { eventKinds: ["created"] }, field: "eventKinds.0" },
    { label: "no list", body: {}, field: "eventKinds" },
    { label: "a string instead of a list", body: { eventKinds: "triggered" }, field: "eventKinds" },
  ];

  for (const { label, body, field } of INVALID) it(`refuses ${label} with 400 on ${field}, changing nothing`, async () => {
    const user = await aUserWithRole(api.current, owner.org.id, "member");
    await putPrefs(user.accessToken, { eventKinds: ["resolved"] });
    const before = await storedPrefs(user.user.id);
    const res: HttpResponse<ErrorBody> = await putPrefs(user.accessToken, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(fieldsOf(res.body))).toEqual([field]);
    expect(await storedPrefs(user.user.id)).toEqual(before);
  });

  it("are per user: another user of the same org is unaffected", async () => {
    const [a, b] = await Promise.all([aUserWithRole(api.current, owner.org.id, "member"), aUserWithRole(api.current, owner.org.id, "member")]);
    await putPrefs(a.accessToken, { eventKinds: ["resolved"] });
    expect((await getPrefs(b.accessToken)).body).toEqual({ eventKinds: ALL_KINDS, updatedAt: null });
    await putPrefs(b.accessToken, { eventKinds: ["acknowledged"] });
    expect((await getPrefs(a.accessToken)).body.eventKinds).toEqual(["resolved"]);
    expect((await getPrefs(b.accessToken)).body.eventKinds).toEqual(["acknowledged"]);
  });

  it("belong to the person, whichever org their token is for", async () => {
    const person = await aUserWithRole(api.current, owner.org.id, "member");
    const elsewhere = await anOrgOwner(api.current, { orgName: "Second Org" });
    await addMember(api.current.db, elsewhere.org.id, person.user.id, "viewer");
    const login = await api.current.request<TokenResponse>("POST", "/v1/auth/login", {
      body: { email: person.user.email, password: "correct horse battery", orgId: elsewhere.org.id },
    });
    expect(login.status).toBe(200);
    await putPrefs(person.accessToken, { eventKinds: ["mitigated"] });
    expect((await getPrefs(login.body.accessToken)).body.eventKinds).toEqual(["mitigated"]);
  });

  it("are the same over tRPC", async () => {
    const user = await aUserWithRole(api.current, owner.org.id, "viewer");
    const client = api.current.trpc(user.accessToken);
    const saved = await client.users.me.notificationPreferences.update.mutate({ eventKinds: ["escalated", "triggered"] });
    expect(saved.eventKinds).toEqual(["triggered", "escalated"]);
    expect((await getPrefs(user.accessToken)).body.eventKinds).toEqual(["triggered", "escalated"]);
    expect((await client.users.me.notificationPreferences.get.query()).eventKinds).toEqual(["triggered", "escalated"]);
  });

  it("need a token (401)", async () => {
    expect((await api.current.request("GET", PATH)).status).toBe(401);
    const res = await api.current.request("PUT", PATH, { body: { eventKinds: [] } });
    expect(res.status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------------
// GET /v1/incidents/{incidentId}/notifications

describe("an incident's delivery attempts", () => {
  let token: string;
  let orgId: string;
  let serviceId: string;

  beforeAll(async () => {
    const admin = await anOrgOwner(api.current, { orgName: "Deliveries Org" });
    token = admin.accessToken;
    orgId = admin.org.id;
    serviceId = (await aService(api.current, token, { name: "deliveries" })).id;
  });

  const list = (incidentId: string, query = "") =>
    api.current.request<Page<NotificationAttempt> & ErrorBody>("GET", `/v1/incidents/${incidentId}/notifications${query}`, { token });

  async function createTarget(name: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await api.current.request<{ id: string }>("POST", "/v1/org/notification-targets", {
      token,
      body: { name, type: "webhook", config: { url: `https://hooks.example.com/${encodeURIComponent(name)}` }, ...extra },
    });
    if (res.status !== 201) throw new Error(`create target failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async function createdEventId(incidentId: string): Promise<string> {
    const events = await api.current.request<Page<{ id: string; kind: string }>>("GET", `/v1/incidents/${incidentId}/events`, { token });
    const created = events.body.items[0];
    if (created?.kind !== "created") throw new Error("no created event");
    return created.id;
  }

  it("are an empty list for a fresh incident", async () => {
    const incident = await anIncident(api.current, token, serviceId);
    const res = await list(incident.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it("after the event's fan-out: one pending attempt per matching target, paginated oldest first", async () => {
    const first = await createTarget("Fan-out one");
    const second = await createTarget("Fan-out two");
    const third = await createTarget("Fan-out three", { minSeverity: "sev2" });
    const disabled = await createTarget("Fan-out disabled", { enabled: false });
    const resolvedOnly = await createTarget("Fan-out resolved only", { eventKinds: ["resolved"] });
    const incident = await anIncident(api.current, token, serviceId, { severity: "sev1" });
    const eventId = await createdEventId(incident.id);

    // What the worker's incident_event task runs, on the job the API enqueued.
    const [job] = await queuedJobs(api.current.db, { task: "incident_event", orgId }).then((jobs) => jobs.filter((j) => j.payload.eventId === eventId));
    expect(job).toBeDefined();
    const recorded = await fanOutEvents(api.current.db, { orgId, eventIds: [eventId], requestId: String(job?.payload.requestId) });
    expect(recorded.attempts).toBe(3);
    // A re-run records nothing twice.
    expect((await fanOutEvents(api.current.db, { orgId, eventIds: [eventId], requestId: "again" })).attempts).toBe(0);

    const all = await list(incident.id, "?limit=100");
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.items).toHaveLength(3);
    const names: Record<string, string> = { [first]: "Fan-out one", [second]: "Fan-out two", [third]: "Fan-out three" };
    for (const attempt of all.body.items) {
      const targetId = attempt.target?.id ?? "";
      expect(attempt).toEqual({
        id: expect.any(String),
        eventId,
        channel: "webhook",
        target: { id: targetId, name: names[targetId], type: "webhook", deleted: false },
        user: null,
        contactMethod: null,
        delayMinutes: null,
        status: "pending",
        attemptCount: 0,
        lastHttpStatus: null,
        lastError: null,
        note: null,
        // Due at once: its first try.
        nextAttemptAt: attempt.createdAt,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        completedAt: null,
      });
    }
    const targetIds = all.body.items.map((a) => a.target?.id);
    expect([...targetIds].sort()).toEqual([first, second, third].sort());
    expect(targetIds).not.toContain(disabled);
    expect(targetIds).not.toContain(resolvedOnly);
    // Each attempt's recipient (its delivery lane) got its job, keyed by the lane.
    for (const attempt of all.body.items) {
      const jobs = await queuedJobs(api.current.db, { key: `lane:${orgId}:${attempt.target?.id ?? ""}` });
      expect(jobs).toMatchObject([{ task: "send_webhook", payload: { orgId, recipientId: attempt.target?.id } }]);
    }

    // limit=2: two pages, the same attempts in the same order, none twice.
    const page1 = await list(incident.id, "?limit=2");
    expect(page1.body.items).toHaveLength(2);
    expect(typeof page1.body.nextCursor).toBe("string");
    const page2 = await list(incident.id, `?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor ?? "")}`);
    expect(page2.status).toBe(200);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    expect([...page1.body.items, ...page2.body.items].map((a) => a.id)).toEqual(all.body.items.map((a) => a.id));
  });

  it("show stored outcomes: a user's email attempt and a failed webhook, oldest first", async () => {
    const targetId = await createTarget("Outcomes hook");
    const incident = await anIncident(api.current, token, serviceId);
    const eventId = await createdEventId(incident.id);
    const person = await aUserWithRole(api.current, orgId, "member");
    const older = new Date(Date.now() - 60_000);
    const newer = new Date(Date.now() - 30_000);
    await api.current.db
      .insertInto("notification_attempts")
      .values([
        {
          org_id: orgId,
          event_id: eventId,
          event_seq: "1",
          incident_id: incident.id,
          target_id: null,
          user_id: person.user.id,
          channel: "email",
          status: "succeeded",
          attempt_count: 1,
          note: "SMTP is not configured: the email was written to the log",
          created_at: newer,
          updated_at: newer,
          completed_at: newer,
        },
        {
          org_id: orgId,
          event_id: eventId,
          event_seq: "1",
          incident_id: incident.id,
          target_id: targetId,
          channel: "webhook",
          status: "failed",
          attempt_count: 8,
          last_http_status: 503,
          last_error: "HTTP 503",
          created_at: older,
          updated_at: newer,
          completed_at: newer,
        },
      ])
      .execute();
    const res = await list(incident.id);
    expect(res.status).toBe(200);
    expect(res.body.items).toMatchObject([
      {
        channel: "webhook",
        target: { id: targetId, name: "Outcomes hook", type: "webhook", deleted: false },
        user: null,
        status: "failed",
        attemptCount: 8,
        lastHttpStatus: 503,
        lastError: "HTTP 503",
        createdAt: older.toISOString(),
        completedAt: newer.toISOString(),
      },
      {
        channel: "email",
        target: null,
        user: { id: person.user.id, email: person.user.email },
        status: "succeeded",
        attemptCount: 1,
        note: "SMTP is not configured: the email was written to the log",
      },
    ]);
  });

  it("are readable by a viewer, and 404 for a missing incident", async () => {
    const viewer = await aUserWithRole(api.current, orgId, "viewer");
    const incident = await anIncident(api.current, token, serviceId);
    const res = await api.current.request("GET", `/v1/incidents/${incident.id}/notifications`, { token: viewer.accessToken });
    expect(res.status).toBe(200);
    const missing = await list(randomUUID());
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: "NOT_FOUND", message: "Incident not found" });
  });

  it("refuse a forged cursor with 400", async () => {
    const incident = await anIncident(api.current, token, serviceId);
    const res = await list(incident.id, "?cursor=bogus");
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
  });
});
