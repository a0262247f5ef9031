import type { IncidentAnalytics, IncidentMetrics, Responder, ResponderAnalytics } from "@incidentops/core";
import type { IncidentSeverity, NotificationAttemptStatus, NotificationChannel } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import { anOrgOwner, aService, aUserWithRole, expectError, expectValidationFailed, useTestApi, type Account } from "@incidentops/testkit";

// Analytics against a seeded set whose figures are computed by hand below. The incidents are
// written straight into the database with exact instants (the lifecycle keeps these facts: see
// sla.test.ts and incident-edits.test.ts for that side).

const api = useTestApi();

const at = (iso: string) => new Date(iso);
const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);

interface Seeded {
  createdAt: string;
  service: "A" | "B";
  severity: IncidentSeverity;
  /** Seconds from the trigger to the first acknowledgement / to the resolution; null: never. */
  tta: number | null;
  ttr: number | null;
  /** SLA targets in minutes; null: none. */
  ackDue: number | null;
  resolveDue: number | null;
  timeout?: number;
  manual?: number;
}

// The week of Monday 2025-03-10 (UTC). Hand-computed figures are in the tests.
const SEEDED: Seeded[] = [
  // 1: acknowledged in 60 s, resolved in 600 s: both targets met.
  { createdAt: "2025-03-10T10:00:00.000Z", service: "A", severity: "sev1", tta: 60, ttr: 600, ackDue: 5, resolveDue: 15, timeout: 1 },
  // 2: resolved in 1800 s, after its 15 min target.
  { createdAt: "2025-03-10T12:00:00.000Z", service: "A", severity: "sev2", tta: 120, ttr: 1800, ackDue: 5, resolveDue: 15, manual: 1 },
  // 3: resolved without an acknowledgement, exactly at the acknowledge deadline: that response meets it.
  { createdAt: "2025-03-11T09:00:00.000Z", service: "B", severity: "sev1", tta: null, ttr: 300, ackDue: 5, resolveDue: 15 },
  // 4: 23:30 UTC is already Wednesday in Berlin; acknowledged late, never resolved (past due long ago).
  { createdAt: "2025-03-11T23:30:00.000Z", service: "B", severity: "sev3", tta: 240, ttr: null, ackDue: 1, resolveDue: 60 },
  // 5: never answered, no SLA.
  { createdAt: "2025-03-13T08:00:00.000Z", service: "A", severity: "sev3", tta: null, ttr: null, ackDue: null, resolveDue: null },
  // 6: no SLA.
  { createdAt: "2025-03-13T09:00:00.000Z", service: "A", severity: "sev4", tta: 30, ttr: 3600, ackDue: null, resolveDue: null },
];
/** One second before the window: left out. */
const BEFORE_WINDOW: Seeded = { createdAt: "2025-03-09T23:59:59.000Z", service: "A", severity: "sev1", tta: 1, ttr: 2, ackDue: 5, resolveDue: 15 };

const WINDOW = "since=2025-03-10T00:00:00Z&until=2025-03-17T00:00:00Z";

let owner: Account;
let viewer: Account;
/** The owner of another org, with one incident in the window. */
let stranger: Account;
let serviceIds: Record<"A" | "B", string>;

async function insertIncident(orgId: string, services: Record<"A" | "B", string>, seeded: Seeded): Promise<string> {
  const { createdAt, tta, ttr } = seeded;
  const acknowledgedAt = tta === null ? null : plus(createdAt, tta);
  const resolvedAt = ttr === null ? null : plus(createdAt, ttr);
  const row = await api.current.db
    .insertInto("incidents")
    .values({
      org_id: orgId,
      service_id: services[seeded.service],
      title: `seeded ${createdAt}`,
      status: resolvedAt !== null ? "resolved" : acknowledgedAt !== null ? "acknowledged" : "triggered",
      severity: seeded.severity,
      created_at: at(createdAt),
      updated_at: at(createdAt),
      triggered_at: at(createdAt),
      acknowledged_at: acknowledgedAt,
      first_acknowledged_at: acknowledgedAt,
      resolved_at: resolvedAt,
      acknowledge_due_at: seeded.ackDue === null ? null : plus(createdAt, seeded.ackDue * 60),
      resolve_due_at: seeded.resolveDue === null ? null : plus(createdAt, seeded.resolveDue * 60),
      escalations_timeout: seeded.timeout ?? 0,
      escalations_manual: seeded.manual ?? 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Analytics Org" });
  viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
  const a = await aService(api.current, owner.accessToken, { name: "checkout-api\neu" });
  const b = await aService(api.current, owner.accessToken, { name: "=HYPERLINK(\"http://evil.example\")" });
  serviceIds = { A: a.id, B: b.id };
  for (const seeded of [...SEEDED, BEFORE_WINDOW]) await insertIncident(owner.org.id, serviceIds, seeded);
  // Another org's incident in the same window counts nowhere here.
  stranger = await anOrgOwner(api.current);
  const otherService = await aService(api.current, stranger.accessToken);
  await insertIncident(stranger.org.id, { A: otherService.id, B: otherService.id }, SEEDED[0] as Seeded);
});

const incidentAnalytics = async (query: string, token = viewer.accessToken) => {
  const res = await api.current.request<IncidentAnalytics>("GET", `/v1/analytics/incidents?${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

const stats = (mean: number | null, p50: number | null, p90: number | null, p95: number | null) => ({ mean, p50, p90, p95 });

/** Totals of the six incidents in the window. */
const TOTALS: IncidentMetrics = {
  count: 6,
  acknowledged: 4, // tta 30, 60, 120, 240
  resolved: 4, // ttr 300, 600, 1800, 3600
  // mean 450 / 4; p50 at rank 1.5: 60 + 0.5 * 60; p90 at 2.7: 120 + 0.7 * 120; p95 at 2.85: 120 + 0.85 * 120
  mtta: stats(112.5, 90, 204, 222),
  // mean 6300 / 4; p50 at 1.5: 600 + 0.5 * 1200; p90 at 2.7: 1800 + 0.7 * 1800; p95: 1800 + 0.85 * 1800
  mttr: stats(1575, 1200, 3060, 3330),
  escalations: { timeout: 1, manual: 1 },
  // With a target: 1 met, 2 met, 3 met (at the deadline), 4 missed.
  ackSlaMetPercent: 75,
  // 1 met, 2 missed, 3 met, 4 missed (unresolved past its deadline).
  resolveSlaMetPercent: 50,
};

const EMPTY: IncidentMetrics = {
  count: 0,
  acknowledged: 0,
  resolved: 0,
  mtta: stats(null, null, null, null),
  mttr: stats(null, null, null, null),
  escalations: { timeout: 0, manual: 0 },
  ackSlaMetPercent: null,
  resolveSlaMetPercent: null,
};

describe("GET /v1/analytics/incidents", () => {
  it("computes the totals and each UTC day, empty days included, as computed by hand", async () => {
    const body = await incidentAnalytics(`${WINDOW}&groupBy=day`);
    expect(body).toMatchObject({ since: "2025-03-10T00:00:00.000Z", until: "2025-03-17T00:00:00.000Z", groupBy: "day", timeZone: "UTC" });
    expect(body.totals).toEqual(TOTALS);
    expect(body.groups.map((g) => g.key)).toEqual(["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14", "2025-03-15", "2025-03-16"]);
    const [mon, tue, wed, thu] = body.groups;
    expect(mon).toEqual({
      key: "2025-03-10",
      label: "2025-03-10",
      start: "2025-03-10T00:00:00.000Z",
      count: 2,
      acknowledged: 2,
      resolved: 2,
      mtta: stats(90, 90, 114, 117),
      mttr: stats(1200, 1200, 1680, 1740),
      escalations: { timeout: 1, manual: 1 },
      ackSlaMetPercent: 100,
      resolveSlaMetPercent: 50,
    });
    expect(tue).toMatchObject({ count: 2, acknowledged: 1, resolved: 1, mtta: stats(240, 240, 240, 240), mttr: stats(300, 300, 300, 300), ackSlaMetPercent: 50, resolveSlaMetPercent: 50 });
    expect(wed).toMatchObject({ ...EMPTY, key: "2025-03-12" });
    // No SLA on either: no share.
    expect(thu).toMatchObject({ count: 2, acknowledged: 1, resolved: 1, mtta: stats(30, 30, 30, 30), ackSlaMetPercent: null, resolveSlaMetPercent: null });
  });

  it("reads days in the time zone asked for (23:30 UTC is the next day in Berlin)", async () => {
    const body = await incidentAnalytics(`${WINDOW}&groupBy=day&timeZone=Europe/Berlin`);
    expect(body.groups[0]).toMatchObject({ key: "2025-03-10", start: "2025-03-09T23:00:00.000Z", count: 2 });
    expect(body.groups.find((g) => g.key === "2025-03-11")?.count).toBe(1);
    expect(body.groups.find((g) => g.key === "2025-03-12")?.count).toBe(1);
    // The window ends at 01:00 on the 17th in Berlin: that day's first hour is a bucket too.
    expect(body.groups.at(-1)?.key).toBe("2025-03-17");
    expect(body.totals).toEqual(TOTALS);
  });

  it("groups by week (from Monday), by service (most incidents first) and by severity (sev1 first)", async () => {
    const weeks = await incidentAnalytics(`${WINDOW}&groupBy=week`);
    expect(weeks.groups).toEqual([{ key: "2025-03-10", label: "2025-03-10", start: "2025-03-10T00:00:00.000Z", ...TOTALS }]);

    const services = await incidentAnalytics(`${WINDOW}&groupBy=service`);
    expect(services.groups.map((g) => [g.key, g.label, g.count, g.start])).toEqual([
      [serviceIds.A, "checkout-api\neu", 4, null],
      [serviceIds.B, '=HYPERLINK("http://evil.example")', 2, null],
    ]);
    expect(services.totals).toEqual(TOTALS);

    const severities = await incidentAnalytics(`${WINDOW}&groupBy=severity`);
    expect(severities.groups.map((g) => [g.key, g.label, g.count])).toEqual([
      ["sev1", "SEV1", 2],
      ["sev2", "SEV2", 1],
      ["sev3", "SEV3", 2],
      ["sev4", "SEV4", 1],
    ]);
    expect(severities.groups[0]).toMatchObject({ mtta: stats(60, 60, 60, 60), mttr: stats(450, 450, 570, 585), ackSlaMetPercent: 100, resolveSlaMetPercent: 100 });
  });

  it("filters by service and by severity", async () => {
    const b = await incidentAnalytics(`${WINDOW}&groupBy=severity&serviceId=${serviceIds.B}`);
    expect(b.totals).toMatchObject({ count: 2, acknowledged: 1, resolved: 1, ackSlaMetPercent: 50, resolveSlaMetPercent: 50 });
    expect(b.groups.map((g) => g.key)).toEqual(["sev1", "sev3"]);
    const sev1 = await incidentAnalytics(`${WINDOW}&groupBy=service&severity=sev1`);
    expect(sev1.totals.count).toBe(2);
    // As many each: by name ("=" sorts before "c").
    expect(sev1.groups.map((g) => [g.key, g.count])).toEqual([
      [serviceIds.B, 1],
      [serviceIds.A, 1],
    ]);
  });

  it("groups and filters by team (a service's team; services of no team together)", async () => {
    const team = await api.current.request<{ id: string }>("POST", "/v1/org/teams", { token: owner.accessToken, body: { name: "Payments" } });
    expect(team.status).toBe(201);
    const moved = await api.current.request("PATCH", `/v1/org/services/${serviceIds.A}`, { token: owner.accessToken, body: { teamId: team.body.id } });
    expect(moved.status).toBe(200);

    const teams = await incidentAnalytics(`${WINDOW}&groupBy=team`);
    expect(teams.groups.map((g) => [g.key, g.label, g.count])).toEqual([
      [team.body.id, "Payments", 4],
      ["none", "No team", 2],
    ]);
    expect(teams.totals).toEqual(TOTALS);
    // Service A's four: tta 60, 120, 30 (one never acknowledged), ttr 600, 1800, 3600.
    expect(teams.groups[0]).toMatchObject({ acknowledged: 3, resolved: 3, mtta: stats(70, 60, 108, 114), mttr: stats(2000, 1800, 3240, 3420) });

    const payments = await incidentAnalytics(`${WINDOW}&groupBy=severity&teamId=${team.body.id}`);
    expect(payments.totals).toMatchObject({ count: 4, acknowledged: 3, resolved: 3 });
    expect(payments.groups.map((g) => g.key)).toEqual(["sev1", "sev2", "sev3", "sev4"]);
  });

  it("defaults to the last 30 days by day, and sees nothing of another org", async () => {
    const body = await incidentAnalytics("");
    expect(body.groupBy).toBe("day");
    expect(Date.parse(body.until) - Date.parse(body.since)).toBe(30 * 86_400_000);
    expect(body.totals.count).toBe(0);
    expect((await incidentAnalytics(WINDOW, stranger.accessToken)).totals.count).toBe(1);
  });

  it("refuses a bad window, grouping or time zone with 400", async () => {
    for (const query of [
      "since=2025-03-17T00:00:00Z&until=2025-03-10T00:00:00Z",
      "since=2024-01-01T00:00:00Z&until=2025-03-10T00:00:00Z",
      "groupBy=hour",
      "timeZone=Mars/Olympus",
      "since=yesterday",
      `serviceId=not-a-uuid`,
      `teamId=not-a-uuid`,
    ]) {
      const res = await api.current.request("GET", `/v1/analytics/incidents?${query}`, { token: viewer.accessToken });
      expectError(res, 400, "VALIDATION_FAILED");
      expect(expectValidationFailed(res).length, query).toBeGreaterThan(0);
    }
  });
});

describe("GET /v1/analytics/incidents.csv", () => {
  it("exports the same groups as CSV, a header first, formulas escaped", async () => {
    const res = await fetch(`${api.current.baseUrl}/v1/analytics/incidents.csv?${WINDOW}&groupBy=service`, {
      headers: { authorization: `Bearer ${viewer.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="?incident-analytics\.csv"?$/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "key,label,start,count,acknowledged,resolved,mtta_mean_seconds,mtta_p50_seconds,mtta_p90_seconds,mtta_p95_seconds,mttr_mean_seconds,mttr_p50_seconds,mttr_p90_seconds,mttr_p95_seconds,escalations_timeout,escalations_manual,ack_sla_met_percent,resolve_sla_met_percent",
    );
    // A: incidents 1, 2, 5, 6. tta 30, 60, 120; ttr 600, 1800, 3600.
    // A line break in a name stays inside its quotes.
    expect(lines[1]).toBe(`${serviceIds.A},"checkout-api\neu",,4,3,3,70,60,108,114,2000,1800,3240,3420,1,1,100,50`);
    // The service whose name would run as a formula in a spreadsheet starts with a quote.
    expect(lines[2]).toBe(`${serviceIds.B},"'=HYPERLINK(""http://evil.example"")",,2,1,1,240,240,240,240,300,300,300,300,0,0,50,50`);
    expect(lines).toHaveLength(3);
  });

  it("answers a bad query as JSON errors like every route", async () => {
    const res = await api.current.request("GET", "/v1/analytics/incidents.csv?groupBy=hour", { token: viewer.accessToken });
    expectError(res, 400, "VALIDATION_FAILED");
  });
});

describe("GET /v1/analytics/responders", () => {
  let nyc: Account;
  let utc: Account;

  /** An event of the incident (pages hang off one) at `createdAt`. */
  async function anEvent(incidentId: string, kind: string, actor: string | null, data: Record<string, unknown>, createdAt: string): Promise<string> {
    const row = await api.current.db
      .insertInto("incident_events")
      .values({ org_id: owner.org.id, incident_id: incidentId, kind, actor_user_id: actor, data: JSON.stringify(data), created_at: at(createdAt) })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  interface Notification {
    channel: NotificationChannel;
    status: NotificationAttemptStatus;
    /** When it ended: sent, or failed or cancelled; null while pending. */
    endedAt: string | null;
  }

  /** A page of the person at `createdAt` (an escalation) and its notifications: by default one email, sent at once. */
  async function aPage(incidentId: string, userId: string, createdAt: string, notifications: Notification[] = [{ channel: "email", status: "succeeded", endedAt: createdAt }]): Promise<void> {
    const eventId = await anEvent(incidentId, "escalated", null, { level: 1 }, createdAt);
    await api.current.db
      .insertInto("notification_attempts")
      .values(
        notifications.map((n) => ({
          org_id: owner.org.id,
          event_id: eventId,
          event_seq: "1",
          incident_id: incidentId,
          user_id: userId,
          channel: n.channel,
          status: n.status,
          created_at: at(createdAt),
          completed_at: n.endedAt === null ? null : at(n.endedAt),
        })),
      )
      .execute();
  }

  /** The responders in the window of `query`, as the viewer reads them. */
  async function respondersIn(query: string): Promise<ResponderAnalytics> {
    const res = await api.current.request<ResponderAnalytics>("GET", `/v1/analytics/responders?${query}`, { token: viewer.accessToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  /** A person's row: who, the zone their hours were read in, their figures. */
  const responder = (account: Account, timeZone: string, figures: Pick<Responder, "pagesReceived" | "incidentsAcknowledged" | "interruptions">): Responder => ({
    user: { id: account.user.id, name: account.user.name, email: account.email },
    timeZone,
    ...figures,
  });

  beforeAll(async () => {
    nyc = await aUserWithRole(api.current, owner.org.id, "member");
    utc = await aUserWithRole(api.current, owner.org.id, "member");
    await api.current.db.updateTable("users").set({ time_zone: "America/New_York" }).where("id", "=", nyc.user.id).execute();
    const one = await insertIncident(owner.org.id, serviceIds, { ...BEFORE_WINDOW, createdAt: "2025-03-11T13:00:00.000Z" });
    const two = await insertIncident(owner.org.id, serviceIds, { ...BEFORE_WINDOW, createdAt: "2025-03-11T13:30:00.000Z" });
    // New York is UTC-4 from 9 March 2025 (daylight saving time).
    await aPage(one, nyc.user.id, "2025-03-11T14:00:00.000Z"); // Tue 10:00: business
    await aPage(one, nyc.user.id, "2025-03-11T23:00:00.000Z"); // Tue 19:00: off hours
    await aPage(two, nyc.user.id, "2025-03-12T05:00:00.000Z"); // Wed 01:00: sleep
    await aPage(two, nyc.user.id, "2025-03-15T16:00:00.000Z"); // Sat 12:00: off hours (weekend)
    await aPage(two, nyc.user.id, "2025-03-16T03:00:00.000Z"); // Sat 23:00: sleep, weekend or not
    await aPage(one, utc.user.id, "2025-03-12T09:00:00.000Z"); // Wed 09:00 UTC: business
    await aPage(one, utc.user.id, "2025-03-20T09:00:00.000Z"); // after the window
    // A delivery to a notification target is no page.
    const target = await api.current.db
      .insertInto("notification_targets")
      .values({ org_id: owner.org.id, name: "hook", type: "webhook", config: JSON.stringify({ url: "https://example.com" }), secret: "whsec_x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const eventId = await anEvent(one, "escalated", null, {}, "2025-03-12T10:00:00.000Z");
    await api.current.db
      .insertInto("notification_attempts")
      .values({ org_id: owner.org.id, event_id: eventId, event_seq: "1", incident_id: one, target_id: target.id, channel: "webhook", created_at: at("2025-03-12T10:00:00.000Z") })
      .execute();
    // Acknowledgements: two incidents by the New York member (one of them twice, after a re-trigger).
    const acknowledged = { fromStatus: "triggered", toStatus: "acknowledged" };
    await anEvent(one, "status_changed", nyc.user.id, acknowledged, "2025-03-11T14:05:00.000Z");
    await anEvent(one, "status_changed", nyc.user.id, acknowledged, "2025-03-11T16:00:00.000Z");
    await anEvent(two, "status_changed", nyc.user.id, acknowledged, "2025-03-12T05:10:00.000Z");
    await anEvent(two, "status_changed", nyc.user.id, { fromStatus: "acknowledged", toStatus: "resolved" }, "2025-03-12T06:00:00.000Z");
  });

  it("counts pages and acknowledgements per person, and interruptions by hour band in their own time zone", async () => {
    const responders = await respondersIn(WINDOW);
    expect(responders.items).toEqual([
      responder(nyc, "America/New_York", { pagesReceived: 5, incidentsAcknowledged: 2, interruptions: { business: 1, offHours: 2, sleep: 2 } }),
      responder(utc, "UTC", { pagesReceived: 1, incidentsAcknowledged: 0, interruptions: { business: 1, offHours: 0, sleep: 0 } }),
    ]);
    expect(responders.totals).toEqual({ pagesReceived: 6, incidentsAcknowledged: 2, interruptions: { business: 2, offHours: 2, sleep: 2 } });
  });

  it("counts a page once when a notification of it was sent, at the first sent, and never one that reached nobody", async () => {
    // The week of Monday 2025-04-07 (UTC), with no other page.
    const oncall = await aUserWithRole(api.current, owner.org.id, "member");
    const incident = await insertIncident(owner.org.id, serviceIds, { ...BEFORE_WINDOW, createdAt: "2025-04-06T23:50:00.000Z" });
    const page = (createdAt: string, notifications: Notification[]) => aPage(incident, oncall.user.id, createdAt, notifications);
    const ended = (status: NotificationAttemptStatus) => (channel: NotificationChannel, endedAt: string) => ({ channel, status, endedAt });
    const [sent, failed, cancelled] = [ended("succeeded"), ended("failed"), ended("cancelled")];
    // Thu 10:00, through three contact methods, a call five minutes later too: one page, business.
    await page("2025-04-10T10:00:00.000Z", [sent("sms", "2025-04-10T10:00:01.000Z"), sent("email", "2025-04-10T10:00:02.000Z"), sent("voice", "2025-04-10T10:05:00.000Z")]);
    // Thu 21:58, its text failed: it arrived by the call at 22:03, sleep.
    await page("2025-04-10T21:58:00.000Z", [failed("sms", "2025-04-10T21:58:05.000Z"), sent("voice", "2025-04-10T22:03:00.000Z")]);
    // Never sent: every notification failed; cancelled (its contact method deleted); still pending.
    await page("2025-04-11T12:00:00.000Z", [failed("sms", "2025-04-11T12:00:05.000Z"), failed("email", "2025-04-11T12:10:00.000Z")]);
    await page("2025-04-11T13:00:00.000Z", [cancelled("sms", "2025-04-11T13:00:01.000Z")]);
    await page("2025-04-11T14:00:00.000Z", [{ channel: "sms", status: "pending", endedAt: null }]);
    // Made before the window: arrived before it (its call in the window is the same page), or in it (Mon 00:03, sleep).
    await page("2025-04-06T23:59:00.000Z", [sent("email", "2025-04-06T23:59:30.000Z"), sent("voice", "2025-04-07T00:04:00.000Z")]);
    await page("2025-04-06T23:58:00.000Z", [failed("sms", "2025-04-06T23:58:10.000Z"), sent("voice", "2025-04-07T00:03:00.000Z")]);
    // Made in the window, sent after it.
    await page("2025-04-13T23:59:59.000Z", [sent("email", "2025-04-14T00:00:10.000Z")]);

    expect((await respondersIn("since=2025-04-07T00:00:00Z&until=2025-04-14T00:00:00Z")).items).toEqual([
      responder(oncall, "UTC", { pagesReceived: 3, incidentsAcknowledged: 0, interruptions: { business: 1, offHours: 0, sleep: 2 } }),
    ]);
  });

  it("is empty for a window without pages", async () => {
    expect(await respondersIn("since=2024-01-01T00:00:00Z&until=2024-02-01T00:00:00Z")).toEqual({
      since: "2024-01-01T00:00:00.000Z",
      until: "2024-02-01T00:00:00.000Z",
      totals: { pagesReceived: 0, incidentsAcknowledged: 0, interruptions: { business: 0, offHours: 0, sleep: 0 } },
      items: [],
    });
  });
});
