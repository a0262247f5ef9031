// @vitest-environment happy-dom
import { QueryClient } from "@tanstack/react-query";
import { createMemoryHistory } from "@tanstack/react-router";
import { describe, expect, it } from "vitest";
import { SessionManager } from "../src/lib/session";
import { fetchSessionTransport } from "../src/lib/session-transport";
import { createAppRouter } from "../src/routes";

// The server builds links into the app (emails, chat messages, calendar events, shift notices):
// each must open one of its pages, not its "page not found".
const id = "c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01";
const LINKED_PAGES = [
  "/incidents/" + id, // notifications (packages/core/src/delivery/summary.ts)
  "/schedules/" + id, // a schedule's calendar feed (calendar-feeds/service.ts)
  "/my-shifts", // a person's calendar feed, shift notices, with ?org= (config.ts myShiftsLink)
  "/reset-password", // tokenLink (auth/password-service.ts)
  "/accept-invitation", // tokenLink (invitations/service.ts)
];

describe("the pages the server links to", () => {
  // Matching a path runs no guard: the session is never asked.
  const session = new SessionManager(fetchSessionTransport({ baseUrl: "http://127.0.0.1:9" }));
  const router = createAppRouter({ session, queryClient: new QueryClient() }, createMemoryHistory());
  /** The route a path opens: the root's alone when no page matches it. */
  const pageOf = (path: string) => router.matchRoutes(path, {}).at(-1)?.routeId;

  it.each(LINKED_PAGES)("%s is a page of the app", (path) => {
    expect(pageOf(path)).not.toBe("__root__");
  });

  it("an unknown path is not (the check can fail)", () => {
    expect(pageOf("/on-call")).toBe("__root__");
  });
});
