import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { describe, expect, it } from "vitest";
import type { AppRouter, Incident, IncidentUpdates } from "../src/lib/api-types";
import { applyIncidentUpdates } from "../src/lib/live";

// How a message of the live stream changes what the screens show (the query cache): no request
// is made here, the cache is seeded as the screens would have filled it.

const ID = "c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01";
const OTHER = "c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e02";
const incident = { id: ID, status: "triggered", version: 1, title: "Checkout returns 502" } as Incident;

function setup() {
  const queryClient = new QueryClient();
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: createTRPCClient<AppRouter>({ links: [httpLink({ url: "http://127.0.0.1:9/trpc" })] }), queryClient });
  const seed = (key: readonly unknown[]) => queryClient.setQueryData(key, { seeded: true });
  seed(trpc.incidents.get.queryKey({ incidentId: ID }));
  seed(trpc.incidents.list.infiniteQueryKey({ limit: 50 }));
  seed(trpc.incidents.counts.queryKey({}));
  seed(trpc.incidents.events.infiniteQueryKey({ incidentId: ID, limit: 200 }));
  seed(trpc.incidents.events.infiniteQueryKey({ incidentId: OTHER, limit: 200 }));
  seed(trpc.incidents.notifications.infiniteQueryKey({ incidentId: ID, limit: 100 }));
  seed(trpc.org.services.list.queryKey({ limit: 200 }));
  seed(trpc.incidents.tasks.list.queryKey({ incidentId: ID, limit: 200 }));
  seed(trpc.incidents.statusUpdates.list.queryKey({ incidentId: ID, limit: 50 }));
  seed(trpc.incidents.attachments.list.queryKey({ incidentId: ID, limit: 200 }));
  seed(trpc.incidents.postmortem.get.queryKey({ incidentId: ID }));
  seed(trpc.incidents.tasks.list.queryKey({ incidentId: OTHER, limit: 200 }));
  const stale = () =>
    queryClient
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey));
  return { queryClient, trpc, stale };
}

const update = (over: Partial<IncidentUpdates>): IncidentUpdates => ({ reset: false, incidents: [], timelineChanged: [], notificationsChanged: [], ...over });

describe("applyIncidentUpdates", () => {
  it("puts the changed incident in place and refreshes the lists, the counts and its timeline, not another's", () => {
    const { queryClient, trpc, stale } = setup();
    const acknowledged = { ...incident, status: "acknowledged", version: 2 } as Incident;
    applyIncidentUpdates(queryClient, trpc, update({ incidents: [acknowledged], timelineChanged: [ID] }));
    expect(queryClient.getQueryData(trpc.incidents.get.queryKey({ incidentId: ID }))).toEqual(acknowledged);
    const invalidated = stale();
    expect(invalidated.some((k) => k.includes('"list"'))).toBe(true);
    expect(invalidated.some((k) => k.includes('"counts"'))).toBe(true);
    expect(invalidated.some((k) => k.includes('"events"') && k.includes(ID))).toBe(true);
    expect(invalidated.some((k) => k.includes('"events"') && k.includes(OTHER))).toBe(false);
    expect(invalidated.some((k) => k.includes('"notifications"'))).toBe(false);
    expect(invalidated.some((k) => k.includes('"services"'))).toBe(false);
  });

  it("refreshes the work around an incident whose timeline changed (a task ticked elsewhere), not another incident's", () => {
    const { queryClient, trpc, stale } = setup();
    applyIncidentUpdates(queryClient, trpc, update({ timelineChanged: [ID] }));
    const invalidated = stale();
    for (const part of ['"tasks"', '"statusUpdates"', '"attachments"', '"postmortem"']) expect(invalidated.filter((k) => k.includes(part) && k.includes(ID)), part).toHaveLength(1);
    expect(invalidated.some((k) => k.includes('"tasks"') && k.includes(OTHER))).toBe(false);
  });

  it("refreshes only the notification log for a delivery's progress", () => {
    const { queryClient, trpc, stale } = setup();
    applyIncidentUpdates(queryClient, trpc, update({ incidents: [incident], notificationsChanged: [ID] }));
    const invalidated = stale();
    expect(invalidated).toHaveLength(1);
    expect(invalidated[0]).toContain('"notifications"');
  });

  it("refreshes everything about incidents on a reset (a new or reopened stream), and nothing else", () => {
    const { queryClient, trpc, stale } = setup();
    applyIncidentUpdates(queryClient, trpc, update({ reset: true }));
    const invalidated = stale();
    expect(invalidated).toHaveLength(11);
    expect(invalidated.every((k) => k.includes('"incidents"'))).toBe(true);
  });
});
