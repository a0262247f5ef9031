import type { IncidentUpdates, StreamTicket } from "@incidentops/core";
import type { TRPCClientError } from "@trpc/client";
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import type { AppRouter } from "api";
import { EventSource } from "eventsource";
import { ok, waitFor, type TestApi } from "@incidentops/testkit";

/** A live incident stream opened as the web app opens it (SSE, a ticket in connectionParams), recording what arrives. */
export interface LiveStream {
  messages: IncidentUpdates[];
  /** The error the stream failed with, if it did (its error body is in `.data`). */
  error: TRPCClientError<AppRouter> | undefined;
  /** Whether the server ended the stream. */
  completed: boolean;
  /** Waits for a message that satisfies `check` (after the first, which only says the stream is in place). */
  next: (check: (message: IncidentUpdates) => boolean, timeoutMs?: number) => Promise<IncidentUpdates>;
  close: () => void;
}

/** A stream ticket, taken with `credential` (an access token or an API key). */
export function aStreamTicket(api: TestApi, credential: string): Promise<StreamTicket> {
  return ok(api.request<StreamTicket>("POST", "/v1/live/tickets", { token: credential }), 201, "stream ticket");
}

/** Opens the stream with a ticket taken with `credential`, and waits until it is in place (its first message, `reset`). */
export async function openLiveStream(api: TestApi, credential: string, options: { waitReady?: boolean } = {}): Promise<LiveStream> {
  return openLiveStreamWith(api, { ticket: (await aStreamTicket(api, credential)).ticket }, options);
}

/** Opens the stream with these connectionParams (a ticket, or what is refused), as openLiveStream does. */
export async function openLiveStreamWith(api: TestApi, connectionParams: Record<string, string>, options: { waitReady?: boolean } = {}): Promise<LiveStream> {
  const client = createTRPCClient<AppRouter>({
    links: [httpSubscriptionLink({ url: `${api.baseUrl}/trpc`, EventSource, connectionParams })],
  });
  const stream: LiveStream = {
    messages: [],
    error: undefined,
    completed: false,
    next: (check, timeoutMs = 10_000) => waitFor(() => stream.messages.slice(1).find(check), timeoutMs, "a live message"),
    close: () => subscription.unsubscribe(),
  };
  const subscription = client.live.incidents.subscribe(undefined, {
    onData: (message) => stream.messages.push(message),
    onError: (error) => (stream.error = error),
    onComplete: () => (stream.completed = true),
  });
  if (options.waitReady !== false) await waitFor(() => (stream.messages.length > 0 || stream.error !== undefined ? true : undefined), 10_000, "the stream to open");
  return stream;
}
