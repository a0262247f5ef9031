import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { observable } from "@trpc/server/observable";
import type { AppRouter } from "./api-types";
import type { SessionManager } from "./session";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

const isUnauthorized = (error: unknown) =>
  error instanceof TRPCClientError && typeof error.data === "object" && error.data !== null && (error.data as { code?: unknown }).code === "UNAUTHORIZED";

/**
 * Renews an expired access token and replays the call once, so an expiry never shows. When the
 * renewal is refused, the session has ended: the session manager says so (back to sign-in) and
 * the call fails with its own error.
 */
function renewOnUnauthorized(session: SessionManager): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let replayed = false;
        let current: { unsubscribe: () => void } | undefined;
        const run = () => {
          const used = session.accessToken();
          current = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              if (replayed || op.type === "subscription" || used === undefined || !isUnauthorized(error)) {
                observer.error(error);
                return;
              }
              replayed = true;
              session.renew(used).then(run, () => observer.error(error));
            },
          });
        };
        run();
        return () => current?.unsubscribe();
      });
}

/**
 * The typed API client: queries and mutations batched over HTTP with the access token, live
 * updates over server-sent events. EventSource sends no headers, so what opens a stream goes in
 * its URL (tRPC's connectionParams), which proxies log: a single-use stream ticket, asked for at
 * every (re)connection, never the access token.
 */
export function createApiClient(session: SessionManager, options: { baseUrl?: string; fetch?: typeof fetch; EventSource?: typeof EventSource } = {}): ApiClient {
  const url = `${options.baseUrl ?? ""}/trpc`;
  const client: ApiClient = createTRPCClient<AppRouter>({
    links: [
      renewOnUnauthorized(session),
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
        false: httpBatchLink({
          url,
          maxURLLength: 4000,
          ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
          headers: () => {
            const token = session.accessToken();
            return token === undefined ? {} : { authorization: `Bearer ${token}` };
          },
        }),
      }),
    ],
  });
  return client;
}
