import { ApiError, apiErrorFromBody } from "./api-error";

/** The web app's cookie session routes (the API's /v1/auth/session/*). */
export type SessionRoute = "login" | "register" | "accept-invitation" | "refresh" | "switch-org" | "password" | "logout";

/** Calls a session route; throws an ApiError for any refusal. */
export type SessionTransport = (route: SessionRoute, body: unknown, accessToken?: string) => Promise<unknown>;

/**
 * The transport a browser uses: same-origin requests (the refresh cookie goes along and comes
 * back rotated) with the CSRF header the API requires.
 */
export function fetchSessionTransport(options: { baseUrl?: string; fetch?: typeof fetch } = {}): SessionTransport {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  return async (route, body, accessToken) => {
    const headers: Record<string, string> = { "content-type": "application/json", "x-incidentops-csrf": "1" };
    if (accessToken !== undefined) headers.authorization = `Bearer ${accessToken}`;
    let res: Response;
    try {
      res = await send(`${options.baseUrl ?? ""}/v1/auth/session/${route}`, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin" });
    } catch {
      throw new ApiError("NETWORK_ERROR", "The server could not be reached: check your connection and retry", 0);
    }
    const payload: unknown = await res.json().catch(() => null);
    if (!res.ok) throw apiErrorFromBody(payload, res.status) ?? answerOfAnotherServer(res);
    return payload;
  };
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
