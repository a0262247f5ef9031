import { ok } from "./fixtures.js";
import type { TestApi } from "./test-api.js";
import { waitFor } from "./waiting.js";

// An incident's notifications and timeline, read through the API.

export interface Attempt {
  id: string;
  eventId: string;
  channel: string;
  target: { id: string; name: string; type: string } | null;
  user: { id: string; email: string } | null;
  status: "pending" | "succeeded" | "failed";
  attemptCount: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** GET /v1/incidents/{id}/notifications (first 100). */
export async function listAttempts(api: TestApi, token: string, incidentId: string): Promise<Attempt[]> {
  const page = await ok(api.request<{ items: Attempt[] }>("GET", `/v1/incidents/${incidentId}/notifications?limit=100`, { token }), 200, "list notifications");
  return page.items;
}

/** Waits until the incident has `count` attempts and none is pending. */
export function waitForSettledAttempts(api: TestApi, token: string, incidentId: string, count: number, timeoutMs = 20_000) {
  return waitFor(
    async () => {
      const attempts = await listAttempts(api, token, incidentId);
      return attempts.length >= count && attempts.every((a) => a.status !== "pending") ? attempts : undefined;
    },
    timeoutMs,
    `${count} settled attempts`,
  );
}

export interface TimelineEvent {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/** GET /v1/incidents/{id}/events (first 100). */
export async function listEvents(api: TestApi, token: string, incidentId: string): Promise<TimelineEvent[]> {
  const page = await ok(api.request<{ items: TimelineEvent[] }>("GET", `/v1/incidents/${incidentId}/events?limit=100`, { token }), 200, "list events");
  return page.items;
}
