import { authorize, incidentService, streamTicketService, transact, type Actor, type IncidentUpdates, type StreamHolder } from "@incidentops/core";
import type { AppDeps } from "../context.js";
import type { CallSource } from "../procedure/credential.js";

/** Who subscribed, as the subscription procedure identified them from their ticket. */
export interface Subscriber {
  actor: Actor;
  holder: StreamHolder;
  source: CallSource;
}

/**
 * The live incident stream of one subscriber: a first message with `reset` (the subscription is
 * in place: refetch whatever was read before it), then, for every batch of changes announced in
 * the subscriber's org, the changed incidents re-read under the subscriber's own scope, with the
 * holder checked again (expired token, removed member, changed role, revoked key: the stream
 * fails with 401/403 and the client subscribes afresh). A person's stream ends when the access
 * token they took its ticket with expires, so the client comes back with a renewed one.
 */
export async function* incidentUpdates(
  deps: Pick<AppDeps, "db" | "changeFeed">,
  subscriber: Subscriber,
  signal: AbortSignal | undefined,
): AsyncGenerator<IncidentUpdates> {
  const { holder } = subscriber;
  const expiresAt = holder.kind === "user" ? holder.accessTokenExpiresAt.getTime() : undefined;
  const stops = [signal, expiresAt === undefined ? undefined : AbortSignal.timeout(Math.max(0, expiresAt - Date.now()))].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  const stop = stops.length === 0 ? new AbortController().signal : AbortSignal.any(stops);
  const changes = deps.changeFeed.changes(subscriber.actor.orgId, stop);
  yield { reset: true, incidents: [], timelineChanged: [], notificationsChanged: [] };
  for await (const batch of changes) {
    const ids = [...new Set([...batch.timeline, ...batch.notifications])];
    const incidents = await transact(deps.db, async (tx) => {
      const current = await streamTicketService.recheckStreamHolder(tx, holder, subscriber.source);
      authorize("incident:read", current);
      return incidentService.getIncidentsByIds(tx, current, ids);
    });
    const visible = new Set(incidents.map((incident) => incident.id));
    if (!batch.reset && visible.size === 0) continue;
    yield {
      reset: batch.reset,
      incidents,
      timelineChanged: [...batch.timeline].filter((id) => visible.has(id)),
      notificationsChanged: [...batch.notifications].filter((id) => visible.has(id)),
    };
  }
}
