import type { IncidentEvent, NotificationAttempt } from "@incidentops/core";
import { ok } from "./fixtures.js";
import type { TestApi } from "./test-api.js";
import { waitFor } from "./waiting.js";

// An incident's notifications and timeline, read through the API.

/** GET /v1/incidents/{id}/notifications (first 100). */
export async function listAttempts(api: TestApi, token: string, incidentId: string): Promise<NotificationAttempt[]> {
  const page = await ok(api.request<{ items: NotificationAttempt[] }>("GET", `/v1/incidents/${incidentId}/notifications?limit=100`, { token }), 200, "list notifications");
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

/** GET /v1/incidents/{id}/events (first 100). */
export async function listEvents(api: TestApi, token: string, incidentId: string): Promise<IncidentEvent[]> {
  const page = await ok(api.request<{ items: IncidentEvent[] }>("GET", `/v1/incidents/${incidentId}/events?limit=100`, { token }), 200, "list events");
  return page.items;
}
