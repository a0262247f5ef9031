import { type CalendarFeeds, hashSecretToken } from "@incidentops/core";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { anOrgOwner, aUserWithRole, captureLogger, expectError, expectValidationFailed, startTestApi, useTestApi, type Account } from "@incidentops/testkit";
import { aCalendarFeed, aSchedule, dailyBerlinLayer, DAY_MS } from "./support/oncall.js";

// Calendar feeds: a secret URL per feed, stored hashed, revocable, scoped to its person's org
// membership, answering an iCalendar document any calendar app reads (parsed here with ical.js).

const api = useTestApi();

let owner: Account;
let ada: Account;
let bob: Account;
let scheduleId: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Calendar Org" });
  [ada, bob] = await Promise.all([aUserWithRole(api.current, owner.org.id, "member"), aUserWithRole(api.current, owner.org.id, "member")]);
  // A daily rota of ada and bob that started long ago and runs on: the next 90 days hold ~45 turns each.
  scheduleId = (await aSchedule(api.current, owner.accessToken, { name: "Payments primary", layers: [dailyBerlinLayer([ada.user.id, bob.user.id], { start: "2026-01-01T00:00:00Z" })] })).id;
});

/** GET the feed's URL (its path on the test server). */
const fetchFeed = (url: string) => fetch(`${api.current.baseUrl}${new URL(url).pathname}`);

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toJSDate().getTime(), end: event.endDate.toJSDate().getTime(), url: vevent.getFirstPropertyValue("url"), description: event.description };
  });
}

describe("a feed of my shifts", () => {
  it("is shown once with its URL, stored only as a hash, and serves one VEVENT per shift of the next 90 days", async () => {
    const feed = await aCalendarFeed(api.current, ada.accessToken);
    expect(feed.secret).toMatch(/^iocal_[A-Za-z0-9_-]{43}$/);
    expect(feed.url).toBe(`http://localhost:${api.current.config.port}/calendar/${feed.secret}.ics`);
    expect(feed.prefix).toBe(feed.secret.slice(0, 10));
    const row = await api.current.db.selectFrom("calendar_feeds").selectAll().where("id", "=", feed.id).executeTakeFirstOrThrow();
    expect(row.token_hash.equals(hashSecretToken(feed.secret))).toBe(true);
    expect(JSON.stringify(row)).not.toContain(feed.secret.slice(10));
    const listed = await api.current.request<CalendarFeeds>("GET", "/v1/users/me/calendar-feeds", { token: ada.accessToken });
    expect(listed.body.items.map((f) => f.id)).toEqual([feed.id]);
    expect(JSON.stringify(listed.body)).not.toContain(feed.secret);

    const res = await fetchFeed(feed.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = eventsOf(await res.text());
    // Every other day is ada's: 45 turns (the first and last cut at the window) in 90 days.
    expect(events.length).toBeGreaterThanOrEqual(45);
    expect(events.length).toBeLessThanOrEqual(46);
    expect(events.every((e) => e.summary === "On call: Payments primary")).toBe(true);
    // Each opens the person's shifts in the web app, in the feed's org (they may be in several).
    const myShifts = `http://localhost:${api.current.config.port}/my-shifts?org=${owner.org.id}`;
    expect(new Set(events.map((e) => e.url))).toEqual(new Set([myShifts]));
    // Calendar apps that show no URL property show the description: the link ends it.
    expect(events.every((e) => e.description === `You are on call for Payments primary.\n\n${myShifts}`)).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const now = Date.now();
    // Shifts not over yet, a turn under way with its start (a day ago at most), up to 90 days (and the rest of today) ahead.
    expect(events.every((e) => e.end > e.start && e.end > now - 60_000 && e.start >= now - DAY_MS && e.end <= now + 91 * DAY_MS)).toBe(true);
    // Stable ids and times: a calendar app updates the events it has (the range moves by whole days).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = eventsOf(await (await fetchFeed(feed.url)).text());
    expect(again.slice(0, 40)).toEqual(events.slice(0, 40));
    const used = await api.current.db.selectFrom("calendar_feeds").select("last_used_at").where("id", "=", feed.id).executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
  });

  it("a full-schedule feed names everyone's shifts", async () => {
    const feed = await aCalendarFeed(api.current, bob.accessToken, { name: "The whole rota", scheduleId, fullSchedule: true });
    const events = eventsOf(await (await fetchFeed(feed.url)).text());
    expect(events.length).toBeGreaterThanOrEqual(90);
    expect(new Set(events.map((e) => e.summary))).toEqual(new Set([`${ada.user.name} on call: Payments primary`, `${bob.user.name} on call: Payments primary`]));
    expect(new Set(events.map((e) => e.url))).toEqual(new Set([`http://localhost:${api.current.config.port}/schedules/${scheduleId}`]));
    // Someone is always on call: the first event is the turn under way, from its handoff at 09:00 in Berlin.
    const [current] = events;
    expect(current?.start).toBeLessThanOrEqual(Date.now());
    expect(new Date(current?.start ?? 0).toLocaleTimeString("en-GB", { timeZone: "Europe/Berlin" })).toBe("09:00:00");
  });

  it("writes the feed's name as iCalendar text: commas, semicolons, backslashes and line breaks escaped", async () => {
    const feed = await aCalendarFeed(api.current, ada.accessToken, { name: "Payments, EU; nights \\ weekends\nand holidays" });
    const ics = await (await fetchFeed(feed.url)).text();
    const lines = ics.split("\r\n");
    expect(lines.every((line) => !line.includes("\n"))).toBe(true);
    // ical.js reads both properties as they are written, so the escaped text is compared as written.
    const written = String.raw`Payments\, EU\; nights \\ weekends\nand holidays`;
    expect(lines).toContain(`NAME:${written}`);
    expect(lines).toContain(`X-WR-CALNAME:${written}`);
  });

  it("refuses a full-schedule feed without its schedule, and an unknown schedule (400 naming the field)", async () => {
    const noSchedule = await api.current.request("POST", "/v1/users/me/calendar-feeds", { token: ada.accessToken, body: { fullSchedule: true } });
    expect(expectValidationFailed(noSchedule)).toEqual(["fullSchedule"]);
    const foreign = await api.current.request("POST", "/v1/users/me/calendar-feeds", { token: ada.accessToken, body: { scheduleId: "7d3e9c12-4b5a-4e8f-a1c2-3b4d5e6f7a99" } });
    expect(expectValidationFailed(foreign)).toEqual(["scheduleId"]);
  });
});

describe("revocation and scope", () => {
  it("a revoked feed is 404 at once; revoking another person's feed is 404 and changes nothing", async () => {
    const feed = await aCalendarFeed(api.current, ada.accessToken);
    expectError(await api.current.request("DELETE", `/v1/users/me/calendar-feeds/${feed.id}`, { token: bob.accessToken }), 404, "NOT_FOUND");
    expect((await fetchFeed(feed.url)).status).toBe(200);
    expect((await api.current.request("DELETE", `/v1/users/me/calendar-feeds/${feed.id}`, { token: ada.accessToken })).status).toBe(200);
    const gone = await fetchFeed(feed.url);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { code: string }).code).toBe("NOT_FOUND");
  });

  it("stops working when its person leaves the org", async () => {
    const leaver = await aUserWithRole(api.current, owner.org.id, "member");
    const feed = await aCalendarFeed(api.current, leaver.accessToken);
    expect((await fetchFeed(feed.url)).status).toBe(200);
    expect((await api.current.request("DELETE", `/v1/org/members/${leaver.user.id}`, { token: owner.accessToken })).status).toBe(200);
    expect((await fetchFeed(feed.url)).status).toBe(404);
  });

  it("answers a malformed or unknown token like a revoked one, and an API key cannot make feeds", async () => {
    for (const token of ["nope", `iocal_${"A".repeat(43)}`, `iocal_${"A".repeat(44)}`]) {
      const res = await fetch(`${api.current.baseUrl}/calendar/${token}.ics`);
      expect(res.status, token).toBe(404);
    }
    const key = await api.current.request<{ secret: string }>("POST", "/v1/org/api-keys", { token: owner.accessToken, body: { name: "feeds", scope: "write" } });
    const res = await api.current.request("POST", "/v1/users/me/calendar-feeds", { headers: { "x-api-key": key.body.secret }, body: {} });
    expectError(res, 403, "FORBIDDEN");
  });
});

describe("the token never reaches a log line", () => {
  it("logs the feed's path redacted", async () => {
    const logs = captureLogger();
    const logged = await startTestApi({ logger: logs.logger });
    try {
      const someone = await anOrgOwner(logged);
      const feed = await aCalendarFeed(logged, someone.accessToken);
      expect((await fetch(`${logged.baseUrl}${new URL(feed.url).pathname}`)).status).toBe(200);
      const text = JSON.stringify(logs.lines);
      expect(text).toContain("/calendar/[redacted].ics");
      expect(text).not.toContain(feed.secret);
    } finally {
      await logged.close();
    }
  });
});
