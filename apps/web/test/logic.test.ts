import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { apiErrorFromBody } from "../src/lib/api-error";
import type { Incident } from "../src/lib/api-types";
import { periodWindow } from "../src/lib/analytics-window";
import { formatDuration, timeAgo } from "../src/lib/format";
import { newerIncident } from "../src/lib/incident-query";
import { safeRedirect } from "../src/lib/redirect";
import { canMove, describeChanges } from "../src/lib/transitions";

const incident: Incident = {
  id: "c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01",
  serviceId: "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01",
  title: "Checkout returns 502",
  description: null,
  type: null,
  status: "triggered",
  severity: "sev2",
  version: 1,
  dedupKey: null,
  alertCount: 1,
  createdBy: null,
  createdAt: "2025-03-14T09:02:00.000Z",
  updatedAt: "2025-03-14T09:02:00.000Z",
  triggeredAt: "2025-03-14T09:02:00.000Z",
  acknowledgedAt: null,
  firstAcknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  assignees: [],
  snoozedUntil: null,
  ackTimeoutAt: null,
  acknowledgeDueAt: null,
  resolveDueAt: null,
  acknowledgeBreachedAt: null,
  resolveBreachedAt: null,
  acknowledgeWarnAt: null,
  resolveWarnAt: null,
  acknowledgeWarnedAt: null,
  resolveWarnedAt: null,
};

describe("describeChanges (what a person is told after a version conflict)", () => {
  it("names each change between what they saw and what is", () => {
    const now = { ...incident, status: "acknowledged" as const, severity: "sev1" as const, alertCount: 3, version: 3 };
    expect(describeChanges(incident, now)).toEqual([
      "its status changed from triggered to acknowledged",
      "its severity changed from sev2 to sev1",
      "2 more alert(s) arrived",
    ]);
  });

  it("names a reassignment and a snooze", () => {
    const grace = { id: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d01", name: "Grace Hopper" };
    const now = { ...incident, assignees: [grace], snoozedUntil: "2025-03-14T10:00:00.000Z", version: 2 };
    expect(describeChanges(incident, now)).toEqual(["it is now assigned to Grace Hopper", "it was snoozed"]);
    expect(describeChanges(now, { ...now, assignees: [], snoozedUntil: null, version: 3 })).toEqual(["it has no assignee now", "its snooze ended"]);
  });

  it("says it was updated when nothing it shows changed, and nothing when nothing did", () => {
    expect(describeChanges(incident, { ...incident, version: 2 })).toEqual(["it was updated"]);
    expect(describeChanges(incident, incident)).toEqual([]);
  });
});

it("offers the moves of the design's state machine", () => {
  expect(canMove("triggered", "acknowledged")).toBe(true);
  expect(canMove("triggered", "resolved")).toBe(true);
  expect(canMove("triggered", "mitigated")).toBe(false);
  expect(canMove("acknowledged", "mitigated")).toBe(true);
  expect(canMove("mitigated", "acknowledged")).toBe(false);
  expect(canMove("resolved", "triggered")).toBe(false);
});

describe("newerIncident (the cache of one incident)", () => {
  it("keeps a newer version when a read that left before the change comes back after it; takes the same or a newer one", async () => {
    const client = new QueryClient();
    const key = ["incident"];
    const acknowledged = { ...incident, status: "acknowledged" as const, version: 2 };
    client.setQueryData(key, acknowledged);
    // The stale read lands through the query's own fetch, as a refetch does.
    await client.query({ queryKey: key, queryFn: () => incident, structuralSharing: newerIncident, staleTime: 0 });
    expect(client.getQueryData(key)).toEqual(acknowledged);
    const repeated = { ...acknowledged, alertCount: 3 };
    await client.query({ queryKey: key, queryFn: () => repeated, structuralSharing: newerIncident, staleTime: 0 });
    expect(client.getQueryData(key)).toEqual(repeated);
    const resolved = { ...repeated, status: "resolved" as const, version: 3 };
    client.setQueryData(key, resolved);
    expect(client.getQueryData(key)).toEqual(resolved);
    expect(newerIncident(undefined, incident)).toEqual(incident);
  });
});

describe("apiErrorFromBody (what a person is told of an API error)", () => {
  /** The message shown for the API's answer `{ code, message, traceId, details }` with `status`. */
  const shown = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
    apiErrorFromBody({ code, message, traceId: "4bf92f3577b34da6a3ce929d0e0e4736", details }, status)?.message;

  it("tells people what to do where the API's message speaks to programs", () => {
    expect(shown(503, "SERVICE_UNAVAILABLE", "The database is unavailable: retry after the Retry-After seconds", { retryAfterSeconds: 5 })).toBe(
      "The server is unavailable for a moment: try again in a few seconds.",
    );
    expect(shown(503, "SERVICE_UNAVAILABLE", "The attachment store is unavailable: retry after the Retry-After seconds", { retryAfterSeconds: 5 })).toBe(
      "The server is unavailable for a moment: try again in a few seconds.",
    );
    expect(shown(409, "CONCURRENT_CHANGE", "A concurrent change conflicted with this one: retry after the Retry-After seconds", { retryAfterSeconds: 1 })).toBe(
      "Someone changed this at the same moment: try again.",
    );
    expect(shown(429, "RATE_LIMITED", "Too many requests to the auth routes from this address: retry in 37 seconds", { retryAfterSeconds: 37, limit: 20, windowSeconds: 60 })).toBe(
      "Too many attempts from this network: try again in 37 seconds.",
    );
    expect(shown(429, "RATE_LIMITED", "Too many requests", {})).toBe("Too many attempts from this network: try again in a minute.");
    expect(shown(429, "QUOTA_EXCEEDED", "This organisation has used its daily quota of 1000 write calls: writes resume at 00:00 UTC", { quota: 1000, retryAfterSeconds: 3600 })).toBe(
      "Your organisation has used today's limit of 1000 changes: changes can be made again from 00:00 UTC.",
    );
    expect(shown(500, "INTERNAL_ERROR", "Something went wrong on our side: retry, and quote the traceId if it persists")).toBe(
      "Something went wrong on our side: try again. If it keeps happening, give your administrator this reference: 4bf92f3577b34da6a3ce929d0e0e4736.",
    );
  });

  it("keeps the API's message where it is written for people, and the code, status and details", () => {
    const locked = apiErrorFromBody(
      { code: "LOGIN_LOCKED", message: "Too many failed logins for this account: try again in 60 seconds, or reset the password", details: { retryAfterSeconds: 60 } },
      429,
    );
    expect(locked).toMatchObject({ code: "LOGIN_LOCKED", status: 429, message: "Too many failed logins for this account: try again in 60 seconds, or reset the password", details: { retryAfterSeconds: 60 } });
    expect(shown(404, "NOT_FOUND", "Incident not found")).toBe("Incident not found");
    expect(apiErrorFromBody({ code: "SERVICE_UNAVAILABLE", message: "x", details: { retryAfterSeconds: 5 } }, 503)).toMatchObject({ code: "SERVICE_UNAVAILABLE", status: 503, details: { retryAfterSeconds: 5 } });
  });
});

describe("formatting", () => {
  const now = Date.parse("2025-03-14T12:00:00.000Z");
  it("says how long ago, compactly", () => {
    expect(timeAgo("2025-03-14T12:00:00.000Z", now)).toBe("now");
    expect(timeAgo("2025-03-14T11:55:00.000Z", now)).toBe("5 min. ago");
    expect(timeAgo("2025-03-14T09:00:00.000Z", now)).toBe("3 hr. ago");
    expect(timeAgo("2025-03-12T12:00:00.000Z", now)).toBe("2 days ago");
    expect(timeAgo("2025-03-14T13:00:00.000Z", now)).toBe("in 1 hr.");
  });
  it("writes durations", () => {
    expect(formatDuration(45_000)).toBe("45s");
    expect(formatDuration(200_000)).toBe("3m 20s");
    expect(formatDuration(7_500_000)).toBe("2h 05m");
    expect(formatDuration(90_000_000)).toBe("1d 1h");
  });
});

it("returns after sign-in only to a path of the app, never to another site", () => {
  expect(safeRedirect("/incidents/abc?x=1")).toBe("/incidents/abc?x=1");
  for (const hostile of ["//evil.example.com/x", "/\\evil.example.com", "https://evil.example.com", "javascript:alert(1)", undefined, ""]) {
    expect(safeRedirect(hostile)).toBe("/incidents");
  }
});

describe("periodWindow (the Analytics period, in whole days of the viewer's zone)", () => {
  const now = Date.parse("2025-03-14T09:02:00.000Z");

  it("runs the last N days from the start of the day N - 1 days ago, in the zone, to now", () => {
    expect(periodWindow({ days: 7 }, "Europe/Berlin", now)).toEqual({ since: "2025-03-07T23:00:00.000Z", until: "2025-03-14T09:02:00.000Z", days: 7 });
    expect(periodWindow({ days: 1 }, "America/New_York", now)).toEqual({ since: "2025-03-14T04:00:00.000Z", until: "2025-03-14T09:02:00.000Z", days: 1 });
  });

  it("covers a range of days from the start of the first to the end of the last, across a daylight-saving change", () => {
    // Berlin moves to summer time on 30 March 2025: the last day ends at 22:00 UTC, not 23:00.
    expect(periodWindow({ from: "2025-03-29", to: "2025-03-31" }, "Europe/Berlin", now)).toEqual({ since: "2025-03-28T23:00:00.000Z", until: "2025-03-31T22:00:00.000Z", days: 3 });
    expect(periodWindow({ from: "2025-03-14", to: "2025-03-14" }, "UTC", now)).toEqual({ since: "2025-03-14T00:00:00.000Z", until: "2025-03-15T00:00:00.000Z", days: 1 });
  });

  it("refuses a range the API would refuse, saying why", () => {
    expect(periodWindow({ from: "2025-03-14", to: "2025-03-13" }, "UTC", now)).toEqual({ error: "The end date is before the start date" });
    expect(periodWindow({ from: "2024-01-01", to: "2025-01-01" }, "UTC", now)).toEqual({ error: "A range covers at most 365 days" });
    expect(periodWindow({ from: "", to: "2025-01-01" }, "UTC", now)).toEqual({ error: "Choose a start and an end date" });
  });
});
