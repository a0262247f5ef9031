import type { Logger } from "@incidentops/core";
import pg from "pg";
import { z } from "zod";

/** The channel migration 0040's triggers announce incident changes on. */
export const INCIDENT_CHANGES_CHANNEL = "incident_changes";

const announcementSchema = z.object({
  o: z.uuid(),
  k: z.enum(["timeline", "notifications"]),
  /** null: too many incidents for one payload. */
  i: z.array(z.uuid()).nullable(),
});

/** What changed in one org since a subscriber last read: coalesced, so a slow reader gets one batch. */
export interface OrgChanges {
  /** Changes may have been missed (the feed reconnected, or a batch was too large to name): refetch. */
  reset: boolean;
  /** Incidents whose timeline changed (status, comment, escalation, alert ...). */
  timeline: Set<string>;
  /** Incidents whose notification deliveries changed. */
  notifications: Set<string>;
}

const emptyChanges = (): OrgChanges => ({ reset: false, timeline: new Set(), notifications: new Set() });

/** One subscriber's pending changes and the wake-up of its reader. */
class Mailbox {
  private pending = emptyChanges();
  private hasPending = false;
  private ended = false;
  private wake: (() => void) | undefined;

  /** No more changes: the reader's next take (or the one waiting) gets undefined, ending its stream. */
  end(): void {
    this.ended = true;
    this.wake?.();
  }

  post(change: { kind: "timeline" | "notifications" | "reset"; incidentIds: readonly string[] }): void {
    if (change.kind === "reset") this.pending.reset = true;
    else for (const id of change.incidentIds) this.pending[change.kind].add(id);
    this.hasPending = true;
    this.wake?.();
  }

  /** The changes posted since the last take, waiting for one; undefined once `signal` aborts. */
  async take(signal: AbortSignal): Promise<OrgChanges | undefined> {
    if (!this.hasPending && !signal.aborted && !this.ended) {
      await new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener("abort", done);
          this.wake = undefined;
          resolve();
        };
        this.wake = done;
        signal.addEventListener("abort", done);
      });
    }
    if (signal.aborted || this.ended || !this.hasPending) return undefined;
    const changes = this.pending;
    this.pending = emptyChanges();
    this.hasPending = false;
    return changes;
  }
}

/**
 * The API process's one LISTEN connection on `incident_changes`, fanned out in memory to its
 * subscribers by org. It reconnects on its own after losing the database; since announcements
 * made meanwhile are lost, every subscriber then gets a reset (as at its first LISTEN, for those
 * that came before it).
 */
export interface ChangeFeed {
  /**
   * The org's changes from now on (the subscription is made before this returns), batched while
   * the reader is busy, until `signal` aborts.
   */
  changes(orgId: string, signal: AbortSignal): AsyncGenerator<OrgChanges>;
  /** Resolves once the connection listens (tests wait on it). */
  ready(): Promise<void>;
  /** Stops listening and ends every subscriber's stream (the process is shutting down: clients subscribe again elsewhere). */
  close(): Promise<void>;
}

const RECONNECT_DELAYS_MS = [250, 1_000, 2_000, 5_000];

export function startChangeFeed(options: { connectionString: string; logger: Logger }): ChangeFeed {
  const { logger } = options;
  const mailboxes = new Map<string, Set<Mailbox>>();
  let client: pg.Client | undefined;
  let closing = false;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let markListening: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (markListening = resolve));

  const broadcast = (orgId: string | null, change: Parameters<Mailbox["post"]>[0]) => {
    const targets = orgId === null ? [...mailboxes.values()].flatMap((set) => [...set]) : [...(mailboxes.get(orgId) ?? [])];
    for (const mailbox of targets) mailbox.post(change);
  };

  const onNotification = (message: pg.Notification) => {
    let parsed: z.infer<typeof announcementSchema>;
    try {
      parsed = announcementSchema.parse(JSON.parse(message.payload ?? ""));
    } catch {
      logger.warn({ channel: message.channel }, "ignoring a malformed incident change announcement");
      return;
    }
    broadcast(parsed.o, parsed.i === null ? { kind: "reset", incidentIds: [] } : { kind: parsed.k, incidentIds: parsed.i });
  };

  const scheduleReconnect = () => {
    if (closing || reconnectTimer !== undefined) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000;
    failures += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connect();
    }, delay);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.connectionString, application_name: "incidentops-api-live" });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners();
      void next.end().catch(() => undefined);
      if (closing) return;
      logger.warn({ err: error }, "the live update connection was lost: reconnecting");
      scheduleReconnect();
    };
    client = next;
    next.on("error", lost);
    next.on("end", () => lost());
    next.on("notification", onNotification);
    try {
      await next.connect();
      await next.query(`LISTEN ${INCIDENT_CHANGES_CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (closing) {
      await next.end().catch(() => undefined);
      return;
    }
    // Whatever was announced while no connection listened is lost: every subscriber refetches
    // (one that subscribed before the first LISTEN too, whose first reset came before it).
    broadcast(null, { kind: "reset", incidentIds: [] });
    failures = 0;
    markListening();
  };

  void connect();

  return {
    changes(orgId, signal) {
      const mailbox = new Mailbox();
      let set = mailboxes.get(orgId);
      if (set === undefined) mailboxes.set(orgId, (set = new Set()));
      const subscribers = set;
      subscribers.add(mailbox);
      const unsubscribe = () => {
        subscribers.delete(mailbox);
        if (subscribers.size === 0 && mailboxes.get(orgId) === subscribers) mailboxes.delete(orgId);
      };
      signal.addEventListener("abort", unsubscribe, { once: true });
      return (async function* () {
        try {
          for (;;) {
            const changes = await mailbox.take(signal);
            if (changes === undefined) return;
            yield changes;
          }
        } finally {
          signal.removeEventListener("abort", unsubscribe);
          unsubscribe();
        }
      })();
    },
    ready: () => listening,
    async close() {
      closing = true;
      clearTimeout(reconnectTimer);
      for (const subscribers of mailboxes.values()) for (const mailbox of subscribers) mailbox.end();
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
