import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { observable } from "@trpc/server/observable";
import type { AppRouter } from "./api-types";
import { concurrentChangeWait } from "./concurrent-change";
import { IDEMPOTENCY_KEY_HEADER, isKeyedWrite } from "./idempotency-keys";
import { answerBreaches, contractMismatch } from "./response-contract";
import type { SessionManager } from "./session";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

const isUnauthorized = (error: unknown) =>
  error instanceof TRPCClientError && typeof error.data === "object" && error.data !== null && (error.data as { code?: unknown }).code === "UNAUTHORIZED";

/**
 * Decides, when a call failed with `error` after being sent again `replays` times, what to wait
 * for before sending it again, or undefined to fail it with that error (as when what it waits for
 * rejects). `sent` is what the link noted when the failed request went (sendingNotes); `signal`
 * aborts once the caller gave up on the call.
 */
type Replay<Sent> = (error: unknown, sent: Sent, replays: number, signal: AbortSignal) => Promise<unknown> | undefined;

/** A link that sends a query or mutation again as `replay` decides; subscriptions pass through. */
function replayingLink<Sent>(sendingNotes: () => Sent, replay: Replay<Sent>): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) => {
      if (op.type === "subscription") return next(op);
      return observable((observer) => {
        const abandoned = new AbortController();
        let replays = 0;
        let current: { unsubscribe: () => void } | undefined;
        const run = () => {
          if (abandoned.signal.aborted) return;
          const sent = sendingNotes();
          current = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              const waiting = replay(error, sent, replays, abandoned.signal);
              if (waiting === undefined) {
                observer.error(error);
                return;
              }
              replays += 1;
              waiting.then(run, () => observer.error(error));
            },
          });
        };
        run();
        return () => {
          abandoned.abort();
          current?.unsubscribe();
        };
      });
    };
}

/**
 * Renews an expired access token and replays the call once, so an expiry never shows. When the
 * renewal is refused, the session has ended: the session manager says so (back to sign-in) and
 * the call fails with its own error.
 */
const renewOnUnauthorized = (session: SessionManager) =>
  replayingLink(
    () => session.accessToken(),
    (error, used, replays) => (replays > 0 || used === undefined || !isUnauthorized(error) ? undefined : session.renew(used)),
  );

/** Sends a query or mutation answered 409 CONCURRENT_CHANGE again, as concurrent-change.ts says. */
const retryConcurrentChange = () => replayingLink(() => undefined, (error, _sent, replays, signal) => concurrentChangeWait(error, replays, signal));

/**
 * Checks each answer and each live event against the contract the app was built with
 * (response-contract.ts): one that does not fit fails the call, or ends the stream, with
 * CONTRACT_MISMATCH instead of reaching the screen (live.ts does not reopen such a stream).
 */
const checkAnswers = (): TRPCLink<AppRouter> => () => ({ op, next }) =>
  observable((observer) =>
    next(op).subscribe({
      next: (value) => {
        const { result } = value;
        // A stream's connection states carry no data.
        const breaches = "data" in result ? answerBreaches(op.type, op.path, result.data) : undefined;
        if (breaches === undefined) observer.next(value);
        else observer.error(TRPCClientError.from(contractMismatch(op.path, breaches)));
      },
      error: (error) => observer.error(error),
      complete: () => observer.complete(),
    }),
  );

/**
 * The typed API client: queries and mutations batched over HTTP with the access token, live
 * updates over server-sent events. EventSource sends no headers, so what opens a stream goes in
 * its URL (tRPC's connectionParams), which proxies log: a single-use stream ticket, asked for at
 * every (re)connection, never the access token.
 */
export function createApiClient(session: SessionManager, options: { baseUrl?: string; fetch?: typeof fetch; EventSource?: typeof EventSource } = {}): ApiClient {
  const url = `${options.baseUrl ?? ""}/trpc`;
  const authorization = (): Record<string, string> => {
    const token = session.accessToken();
    return token === undefined ? {} : { authorization: `Bearer ${token}` };
  };
  const client: ApiClient = createTRPCClient<AppRouter>({
    links: [
      renewOnUnauthorized(session),
      retryConcurrentChange(),
      checkAnswers(),
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url,
          ...(options.EventSource === undefined ? {} : { EventSource: options.EventSource }),
          connectionParams: async () => {
            // The stream ends when the access token the ticket is asked with expires: one with time left.
            await session.freshAccessToken();
            return { ticket: (await client.live.tickets.create.mutate()).ticket };
          },
        }),
        // A write sent with an idempotency key goes alone, the key as its header (one per request).
        false: splitLink({
          condition: (op) => isKeyedWrite(op.context),
          true: httpLink({
            url,
            ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
            headers: ({ op }) => ({ ...authorization(), ...(isKeyedWrite(op.context) ? { [IDEMPOTENCY_KEY_HEADER]: op.context.idempotencyKey } : {}) }),
          }),
          false: httpBatchLink({ url, maxURLLength: 4000, ...(options.fetch === undefined ? {} : { fetch: options.fetch }), headers: authorization }),
        }),
      }),
    ],
  });
  return client;
}
