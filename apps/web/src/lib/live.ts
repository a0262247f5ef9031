import { useQueryClient, type Query, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { IncidentUpdates } from "./api-types";
import { useTRPC, useTRPCClient } from "./trpc";

export type LiveStatus = "connecting" | "live" | "reconnecting";

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
 * Keeps the incident screens live: one subscription per tab (server-sent events), reopened after
 * any drop with a fresh ticket, and after the server ends it (the access token behind it expired).
 */
export function useLiveIncidentUpdates(): LiveStatus {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let subscription: { unsubscribe: () => void } | undefined;
    // Callbacks of a subscription this effect has moved past (unsubscribing completes it) are ignored.
    let generation = 0;

    const reopen = (delayMs: number) => {
      generation += 1;
      subscription?.unsubscribe();
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
          setStatus("live");
          applyIncidentUpdates(queryClient, trpc, update);
        },
        onConnectionStateChange: (state) => {
          if (current() && state.state === "connecting" && state.error !== null) setStatus("reconnecting");
        },
        onError: () => {
          if (!current()) return;
          setStatus("reconnecting");
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
      generation += 1;
      clearTimeout(timer);
      subscription?.unsubscribe();
    };
  }, [client, trpc, queryClient]);

  return status;
}
