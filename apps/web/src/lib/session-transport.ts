import { ApiError, apiErrorFromBody, serverUnreachable } from "./api-error";
import { resendingConcurrentChange } from "./concurrent-change";

/** The web app's cookie session routes (the API's /v1/auth/session/*). */
export type SessionRoute = "login" | "register" | "accept-invitation" | "refresh" | "switch-org" | "password" | "logout";

/** Calls a session route; throws an ApiError for any refusal. */
export type SessionTransport = (route: SessionRoute, body: unknown, accessToken?: string) => Promise<unknown>;

/**
 * How long a session request may go unanswered before it counts as the API out of reach. Longer
 * than the API's own deadline for its database (DB_REQUEST_TIMEOUT_MS, 10 s), whose 503 says more.
 */
export const SESSION_REQUEST_TIMEOUT_MS = 15_000;

/**
 * The transport a browser uses: same-origin requests (the refresh cookie goes along and comes
 * back rotated) with the CSRF header the API requires. A request with no answer (its body
 * included) within `timeoutMs` is abandoned, as one that could not be sent: a stalled server
 * must not leave the app waiting for ever (the API covers a renewal that committed meanwhile).
 * One answered 409 CONCURRENT_CHANGE is sent again, as tRPC calls are (concurrent-change.ts):
 * nothing of it was applied, a renewal's refresh token included, which is still the current one.
 */
export function fetchSessionTransport(options: { baseUrl?: string; fetch?: typeof fetch; timeoutMs?: number } = {}): SessionTransport {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? SESSION_REQUEST_TIMEOUT_MS;
  const sendOnce: SessionTransport = async (route, body, accessToken) => {
    const headers: Record<string, string> = { "content-type": "application/json", "x-incidentops-csrf": "1" };
    if (accessToken !== undefined) headers.authorization = `Bearer ${accessToken}`;
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    let payload: unknown;
    try {
      res = await send(`${options.baseUrl ?? ""}/v1/auth/session/${route}`, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin", signal });
      // A body that is not JSON (a proxy's page) is no payload; one the deadline cut short is no answer.
      payload = await res.json().catch((error: unknown) => {
        if (signal.aborted) throw error;
        return null;
      });
    } catch {
      throw signal.aborted
        ? new ApiError("NETWORK_ERROR", `The server did not answer within ${Math.round(timeoutMs / 1000)} s: check your connection and retry`, 0)
        : serverUnreachable();
    }
    if (!res.ok) throw apiErrorFromBody(payload, res.status) ?? answerOfAnotherServer(res);
    return payload;
  };
  return (route, body, accessToken) => resendingConcurrentChange(() => sendOnce(route, body, accessToken));
}

/**
 * A failure answered by something other than the API (a proxy's 502 page, a load balancer's 503):
 * its Retry-After, in seconds, is what restoring waits for, as the API's own.
 */
function answerOfAnotherServer(res: Response): ApiError {
  const retryAfter = res.headers.get("retry-after")?.trim() ?? "";
  const details = /^\d{1,6}$/.test(retryAfter) ? { retryAfterSeconds: Number(retryAfter) } : {};
  return new ApiError("INTERNAL_ERROR", `The server answered ${res.status}`, res.status, details);
}
