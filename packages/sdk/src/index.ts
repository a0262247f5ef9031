import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import type { AppRouter } from "api";

export type { AppRouter };

export interface IncidentOpsClientOptions {
  /** The API's origin, e.g. http://localhost:3000 */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <accessToken>`. */
  accessToken?: string;
  fetch?: typeof fetch;
}

/**
 * A typed client for the IncidentOps API: every procedure of the router, with inferred inputs
 * and outputs (`client.incidents.get.query({ incidentId })`). Token refresh, typed errors and
 * pagination helpers are not here yet.
 */
export type IncidentOpsClient = TRPCClient<AppRouter>;

export function createIncidentOpsClient(options: IncidentOpsClientOptions): IncidentOpsClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${options.baseUrl.replace(/\/$/, "")}/trpc`,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        headers: () => (options.accessToken === undefined ? {} : { authorization: `Bearer ${options.accessToken}` }),
      }),
    ],
  });
}
