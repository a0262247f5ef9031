import { describe, expect, it } from "vitest";
import { anOrgOwner, never, startWebhookReceiver, useTestApi, waitFor } from "@incidentops/testkit";
import { ApiError } from "../src/lib/api-error";
import { SessionManager, type SessionState } from "../src/lib/session";
import { fetchSessionTransport } from "../src/lib/session-transport";
import { browserTab, cookieJar, sharedLock } from "./browser-like";

// The browser's session manager against the real API (cookie sessions): the access token renewed
// through the httpOnly cookie, one renewal at a time however many calls need it, tab after tab.

const api = useTestApi();

async function signedInTab(jar = cookieJar(), lock = sharedLock()) {
  const owner = await anOrgOwner(api.current);
  const tab = browserTab(api.current.baseUrl, jar, lock);
  await tab.session.signIn("login", { email: owner.email, password: owner.password });
  return { owner, jar, lock, ...tab };
}

const refreshes = (sent: string[]) => sent.filter((path) => path === "/v1/auth/session/refresh").length;

describe("SessionManager", () => {
  it("restores nothing without a cookie, and a session from the cookie (a reload)", async () => {
    const empty = browserTab(api.current.baseUrl, cookieJar());
    await empty.session.restore();
    expect(empty.session.getState()).toEqual({ status: "signed-out", reason: "signed-out" });

    const { jar, session, owner } = await signedInTab();
    expect(jar.cookies.get("incidentops_refresh")?.path).toBe("/v1/auth/session");
    const reloaded = browserTab(api.current.baseUrl, jar);
    await reloaded.session.restore();
    const state = reloaded.session.getState();
    expect(state.status).toBe("signed-in");
    if (state.status !== "signed-in") return;
    expect(state.session.user.email).toBe(owner.email);
    expect(state.session.accessToken).not.toBe(session.accessToken());
    expect(JSON.stringify(state.session)).not.toContain(jar.cookies.get("incidentops_refresh")?.value ?? "missing");
  });

  it("restores through a passing failure (the API unreachable, then a 503), and only a 401 means signed out", async () => {
    const { jar } = await signedInTab();
    const failures = [
      () => Promise.reject(new TypeError("fetch failed")),
      () => Promise.resolve(Response.json({ code: "SERVICE_UNAVAILABLE", message: "retry", details: { retryAfterSeconds: 2 } }, { status: 503 })),
      // A proxy's own page, not the API's: its Retry-After counts as much.
      () => Promise.resolve(new Response("<html>502 Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html", "retry-after": "3" } })),
    ];
    const pauses: number[] = [];
    const pauseFor = (ms: number) => {
      pauses.push(ms);
      return Promise.resolve();
    };
    const flaky: typeof fetch = (input, init) => failures.shift()?.() ?? jar.fetch(input, init);
    const reloaded = new SessionManager(fetchSessionTransport({ baseUrl: api.current.baseUrl, fetch: flaky }), { sleep: pauseFor });
    await reloaded.restore();
    expect(reloaded.getState().status).toBe("signed-in");
    // The first pause, then the 503's Retry-After, then the proxy's.
    expect(pauses).toEqual([1_000, 2_000, 3_000]);

    const signedOut = new SessionManager(fetchSessionTransport({ baseUrl: api.current.baseUrl, fetch: cookieJar().fetch }), { sleep: pauseFor });
    await signedOut.restore();
    expect(signedOut.getState()).toEqual({ status: "signed-out", reason: "signed-out" });
    expect(pauses).toHaveLength(3);
  });

  it("says why and when it tries again, tries at once when asked, and when the tries run out is unavailable (never signed out) until one succeeds", async () => {
    const { jar } = await signedInTab();
    let down = true;
    const unavailable = () => Response.json({ code: "SERVICE_UNAVAILABLE", message: "The database is unavailable", details: {} }, { status: 503 });
    const flaky: typeof fetch = (input, init) => (down ? Promise.resolve(unavailable()) : jar.fetch(input, init));
    const pauses: number[] = [];
    // The first pause never ends by itself: only tryNow ends it.
    const pauseFor = (ms: number) => {
      pauses.push(ms);
      return pauses.length === 1 ? new Promise<void>(() => undefined) : Promise.resolve();
    };
    const now = Date.parse("2026-12-05T03:00:00Z");
    const reloaded = new SessionManager(fetchSessionTransport({ baseUrl: api.current.baseUrl, fetch: flaky }), { sleep: pauseFor, now: () => now });
    const states: SessionState[] = [];
    reloaded.subscribe(() => states.push(reloaded.getState()));
    const restoring = reloaded.restore();
    await waitFor(() => (pauses.length === 1 ? true : undefined), 5_000, "the first pause");
    expect(reloaded.getState()).toMatchObject({ status: "unknown", failure: { code: "SERVICE_UNAVAILABLE", status: 503 }, nextTryAt: now + 1_000 });

    reloaded.tryNow();
    await restoring;
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 15_000]);
    expect(reloaded.getState()).toMatchObject({ status: "unavailable", error: { code: "SERVICE_UNAVAILABLE" } });
    // Each try under way is told apart from a wait for the next; none signed out.
    expect(states.filter((state) => state.status === "unknown" && state.nextTryAt === undefined)).toHaveLength(5);
    expect(states.some((state) => state.status === "signed-out")).toBe(false);

    down = false;
    reloaded.tryNow();
    expect(reloaded.getState()).toMatchObject({ status: "unknown", failure: { code: "SERVICE_UNAVAILABLE" } });
    await waitFor(() => (reloaded.getState().status === "signed-in" ? true : undefined), 5_000, "the session restored");
  });

  it("counts a session check with no answer within its bound as the API out of reach: connecting, saying why, then unavailable, never signed out", async () => {
    // A server that takes the request and never answers, as the API does while its database stalls with no deadline.
    const silent = await startWebhookReceiver(() => never());
    try {
      const pauses: number[] = [];
      const pauseFor = (ms: number) => {
        pauses.push(ms);
        return Promise.resolve();
      };
      const reloaded = new SessionManager(fetchSessionTransport({ baseUrl: silent.url, timeoutMs: 1_000 }), { sleep: pauseFor });
      const states: SessionState[] = [];
      reloaded.subscribe(() => states.push(reloaded.getState()));
      await reloaded.restore();
      const noAnswer = { code: "NETWORK_ERROR", status: 0, message: "The server did not answer within 1 s: check your connection and retry" };
      expect(states[0]).toMatchObject({ status: "unknown", failure: noAnswer, nextTryAt: expect.any(Number) });
      expect(reloaded.getState()).toMatchObject({ status: "unavailable", error: noAnswer });
      expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 15_000]);
      expect(silent.requests.map((request) => request.path)).toEqual(Array.from({ length: 6 }, () => "/v1/auth/session/refresh"));
      expect(states.some((state) => state.status === "signed-out")).toBe(false);
    } finally {
      await silent.close();
    }
  });

  it("renews once for any number of calls that found the token expired, and the session lives on", async () => {
    const { jar, session } = await signedInTab();
    const expired = session.accessToken();
    const before = refreshes(jar.sent);
    const tokens = await Promise.all(Array.from({ length: 6 }, () => session.renew(expired)));
    expect(refreshes(jar.sent) - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(expired);
    // A call that meets the old token after the renewal gets the new one, without renewing again.
    expect(await session.renew(expired)).toBe(tokens[0]);
    expect(refreshes(jar.sent) - before).toBe(1);
    // Had two renewals presented the same cookie, the API would have revoked one's token (or, past the grace, the session): it did not.
    await session.renew(undefined);
    expect(session.getState().status).toBe("signed-in");
  });

  it("takes turns with other tabs of the browser, so their renewals never present a rotated cookie", async () => {
    const { jar, lock, session } = await signedInTab();
    const other = browserTab(api.current.baseUrl, jar, lock);
    await other.session.restore();
    await Promise.all([session.renew(undefined), other.session.renew(undefined), session.renew(session.accessToken()), other.session.renew(undefined)]);
    expect(session.getState().status).toBe("signed-in");
    expect(other.session.getState().status).toBe("signed-in");
    const third = browserTab(api.current.baseUrl, jar, lock);
    await third.session.restore();
    expect(third.session.getState().status).toBe("signed-in");
  });

  it("renews ahead of expiry: a token about to expire is renewed before it is sent", async () => {
    const owner = await anOrgOwner(api.current);
    const jar = cookieJar();
    let now = Date.now();
    const session = new SessionManager(fetchSessionTransport({ baseUrl: api.current.baseUrl, fetch: jar.fetch }), { now: () => now });
    await session.signIn("login", { email: owner.email, password: owner.password });
    const first = await session.freshAccessToken();
    expect(await session.freshAccessToken()).toBe(first);
    now += 15 * 60_000 - 10_000;
    const renewed = await session.freshAccessToken();
    expect(renewed).not.toBe(first);
  });

  it("ends the session (expired) when the renewal is refused, e.g. after signing out elsewhere", async () => {
    const { jar, session } = await signedInTab();
    const refreshToken = jar.cookies.get("incidentops_refresh")?.value ?? "";
    await api.current.request("POST", "/v1/auth/logout", { body: { refreshToken } });
    const refusal = await session.renew(session.accessToken()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    expect(session.getState()).toEqual({ status: "signed-out", reason: "expired" });
  });

  it("signs out: the cookie is cleared and the session revoked", async () => {
    const { jar, session } = await signedInTab();
    const refreshToken = jar.cookies.get("incidentops_refresh")?.value ?? "";
    await session.signOut();
    expect(session.getState()).toEqual({ status: "signed-out", reason: "signed-out" });
    expect(jar.cookies.has("incidentops_refresh")).toBe(false);
    expect((await api.current.request("POST", "/v1/auth/refresh", { body: { refreshToken } })).status).toBe(401);
  });

  it("signs out the browser's other tabs too: each drops the access token it holds", async () => {
    const { owner } = await signedInTab();
    const jar = cookieJar();
    const channelName = `session-tabs-${owner.user.id}`;
    const [here, there] = [new BroadcastChannel(channelName), new BroadcastChannel(channelName)];
    try {
      const transport = fetchSessionTransport({ baseUrl: api.current.baseUrl, fetch: jar.fetch });
      const tab = new SessionManager(transport, { tabs: here });
      const other = new SessionManager(transport, { tabs: there });
      await tab.signIn("login", { email: owner.email, password: owner.password });
      await other.restore();
      expect(other.getState().status).toBe("signed-in");
      await tab.signOut();
      await waitFor(() => (other.getState().status === "signed-out" ? true : undefined), 5_000, "the other tab to sign out");
      expect(other.getState()).toEqual({ status: "signed-out", reason: "signed-out" });
      expect(other.accessToken()).toBeUndefined();
    } finally {
      here.close();
      there.close();
    }
  });
});

describe("the API client", () => {
  it("replays a call refused for an expired token once the token is renewed, unseen by the caller", async () => {
    const { jar, session, client } = await signedInTab();
    // The access token in memory is refused (as an expired one is): the API answers 401 to it.
    const signedIn = session.getState();
    if (signedIn.status !== "signed-in") throw new Error("not signed in");
    Object.assign(signedIn.session, { accessToken: "expired.token.value" });
    const before = refreshes(jar.sent);
    const me = await client.auth.me.query();
    expect(me.user.email).toBe(signedIn.session.user.email);
    expect(refreshes(jar.sent) - before).toBe(1);
    expect(session.accessToken()).not.toBe("expired.token.value");
  });

  it("fails with the API's own error when the session cannot be renewed", async () => {
    const { jar, session, client } = await signedInTab();
    await api.current.request("POST", "/v1/auth/logout", { body: { refreshToken: jar.cookies.get("incidentops_refresh")?.value ?? "" } });
    const signedIn = session.getState();
    if (signedIn.status === "signed-in") Object.assign(signedIn.session, { accessToken: "expired.token.value" });
    await expect(client.auth.me.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect(session.getState()).toEqual({ status: "signed-out", reason: "expired" });
  });
});
