import { useQueryClient, type Query, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { isApiError } from "./api-error";
import type { IncidentUpdates } from "./api-types";
import { useTRPC, useTRPCClient, type ApiClient } from "./trpc";

/** `outdated`: the stream sent an update this build of the app does not know (CONTRACT_MISMATCH); it is not reopened, a reload mends it. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "outdated";

/** Waits between attempts to reopen a failed stream. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000];

type Trpc = ReturnType<typeof useTRPC>;

const inputOf = (query: Query): Record<string, unknown> => {
  const meta = query.queryKey[1];
  return typeof meta === "object" && meta !== null && "input" in meta && typeof meta.input === "object" && meta.input !== null ? (meta.input as Record<string, unknown>) : {};
};

/**
 * Applies one message of the live stream to the cache: each changed incident as it is now, and
 * whatever shows it (lists, counts, its timeline and the work around it, its notification log) refetched. A reset (the
 * stream just opened or reopened, or a batch too large to name) refetches everything shown.
 */
export function applyIncidentUpdates(queryClient: QueryClient, trpc: Trpc, update: IncidentUpdates): void {
  if (update.reset) {
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
    return;
  }
  for (const incident of update.incidents) queryClient.setQueryData(trpc.incidents.get.queryKey({ incidentId: incident.id }), incident);
  if (update.timelineChanged.length > 0) {
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.counts.pathKey() });
  }
  const timeline = new Set(update.timelineChanged);
  const deliveries = new Set(update.notificationsChanged);
  // The work around an incident (tasks, status updates, attachments, a published postmortem) writes its timeline too.
  for (const queryKey of [
    trpc.incidents.events.pathKey(),
    trpc.incidents.tasks.pathKey(),
    trpc.incidents.statusUpdates.pathKey(),
    trpc.incidents.attachments.pathKey(),
    trpc.incidents.postmortem.pathKey(),
  ]) {
    void queryClient.invalidateQueries({ queryKey, predicate: (q) => timeline.has(String(inputOf(q).incidentId)) });
  }
  void queryClient.invalidateQueries({ queryKey: trpc.incidents.notifications.pathKey(), predicate: (q) => deliveries.has(String(inputOf(q).incidentId)) });
}

/**
 * Keeps a live incident stream open on `client`: `onUpdate` gets each message and `onStatus` each
 * change of status. Reopened after any drop with a fresh ticket, and after the server ends it
 * (the access token behind it expired); not after an update this build of the app does not know
 * (`outdated`). Returns what stops it.
 */
export function keepLive(client: ApiClient, handlers: { onUpdate: (update: IncidentUpdates) => void; onStatus: (status: LiveStatus) => void }): () => void {
  const { onUpdate, onStatus } = handlers;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let subscription: { unsubscribe: () => void } | undefined;
  // Callbacks of a subscription moved past (unsubscribing completes it) are ignored.
  let generation = 0;

  const close = () => {
    generation += 1;
    subscription?.unsubscribe();
  };
  const reopen = (delayMs: number) => {
    close();
    if (stopped) return;
    timer = setTimeout(open, delayMs);
  };
  function open() {
    const mine = ++generation;
    const current = () => mine === generation && !stopped;
    subscription = client.live.incidents.subscribe(undefined, {
      onData: (update) => {
        if (!current()) return;
        failures = 0;
        onStatus("live");
        onUpdate(update);
      },
      onConnectionStateChange: (state) => {
        if (current() && state.state === "connecting" && state.error !== null) onStatus("reconnecting");
      },
      onError: (error) => {
        if (!current()) return;
        // Reopening would end the same way at the next change, refetching everything shown each time.
        if (isApiError(error, "CONTRACT_MISMATCH")) {
          close();
          onStatus("outdated");
          return;
        }
        onStatus("reconnecting");
        reopen(RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)] ?? 10_000);
      },
      onComplete: () => {
        if (current()) reopen(0);
      },
    });
  }
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    close();
  };
}

/** Keeps the incident screens live (keepLive), one stream per tab; its status for the app shell. */
export function useLiveIncidentUpdates(): LiveStatus {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  useEffect(() => keepLive(client, { onUpdate: (update) => applyIncidentUpdates(queryClient, trpc, update), onStatus: setStatus }), [client, trpc, queryClient]);
  return status;
}
