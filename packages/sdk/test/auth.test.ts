import { describe, expect, test } from "vitest";
import { PASSWORD, rejectionOf, useTestApi } from "@incidentops/testkit";
import { createIncidentOpsClient, IncidentOpsClient, isUnauthorized, type IncidentOpsError, type TokenResponse } from "../src/index.js";
import { expiredAccessToken, recordingFetch, refreshTokenRows, registerThroughSdk } from "./helpers.js";

const api = useTestApi();

const password = PASSWORD;

const register = () => registerThroughSdk(api.current, { name: "Grace", orgName: "Navy" });

describe("token refresh", () => {
  test("an expired access token is refreshed once, the call replayed, and the new pair handed to onTokens", async () => {
    const registered = await register();
    const recorder = recordingFetch();
    const handed: TokenResponse[] = [];
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: expiredAccessToken(api.current, registered), refreshToken: registered.refreshToken },
      fetch: recorder.fetch,
      onTokens: (tokens) => {
        handed.push(tokens);
      },
    });

    const org = await client.org.get();
    expect(org.id).toBe(registered.org.id);
    expect(recorder.requests.map((r) => r.procedure)).toEqual(["org.get", "auth.refresh", "org.get"]);
    expect(handed).toHaveLength(1);
    expect(handed[0]?.refreshToken).not.toBe(registered.refreshToken);
    expect(client.getTokens()).toEqual({ accessToken: handed[0]?.accessToken, refreshToken: handed[0]?.refreshToken });
    // The replay carried the new token.
    expect(recorder.requests[2]?.headers.get("authorization")).toBe(`Bearer ${handed[0]?.accessToken}`);

    // The new token works without another refresh.
    await client.auth.me();
    expect(recorder.count("auth.refresh")).toBe(1);
    expect(await refreshTokenRows(api.current, registered.user.id)).toMatchObject({ total: 2, rotated: 1, revoked: 0 });
  });

  test("a mutation is replayed after the refresh too (the API refused it before running it)", async () => {
    const registered = await register();
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: expiredAccessToken(api.current, registered), refreshToken: registered.refreshToken },
    });
    const service = await client.org.services.create({ name: "replayed" });
    const services = await client.org.services.list({});
    expect(services.items.map((s) => s.id)).toEqual([service.id]);
  });

  test("10 concurrent calls with an expired token share a single refresh", async () => {
    const registered = await register();
    const recorder = recordingFetch();
    let handed = 0;
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: expiredAccessToken(api.current, registered), refreshToken: registered.refreshToken },
      fetch: recorder.fetch,
      onTokens: async () => {
        handed += 1;
        await new Promise((resolve) => setTimeout(resolve, 20)); // a slow store: callers wait for it
      },
    });

    const results = await Promise.all(Array.from({ length: 10 }, () => client.auth.me()));
    expect(results.every((me) => me.user.id === registered.user.id)).toBe(true);
    expect(recorder.count("auth.refresh")).toBe(1);
    expect(recorder.count("auth.me")).toBe(20); // each call: refused once, replayed once
    expect(handed).toBe(1);
    // The server saw one rotation: the registration's token rotated once, nothing revoked.
    expect(await refreshTokenRows(api.current, registered.user.id)).toEqual({ total: 2, rotated: 1, revoked: 0 });
  });

  test("a refresh token that was already used fails cleanly: a typed error, no loop, the session revoked", async () => {
    const registered = await register();
    // Someone else (e.g. a copy of the stored tokens) rotates the refresh token first.
    const thief = createIncidentOpsClient({ baseUrl: api.current.baseUrl });
    const first = await thief.auth.refresh({ refreshToken: registered.refreshToken });
    // And uses what it got: the legitimate client's refresh is no answer lost (the reuse grace).
    const stolen = await thief.auth.refresh({ refreshToken: first.refreshToken });

    const recorder = recordingFetch();
    const expired: IncidentOpsError[] = [];
    let handed = 0;
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: expiredAccessToken(api.current, registered), refreshToken: registered.refreshToken },
      fetch: recorder.fetch,
      onTokens: () => {
        handed += 1;
      },
      onSessionExpired: (error) => expired.push(error),
    });

    const error = await rejectionOf(client.incidents.list({}));
    expect(isUnauthorized(error)).toBe(true);
    expect(error).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401, procedure: "auth.refresh", details: { reason: "refresh_token_reused" } });
    expect(recorder.requests.map((r) => r.procedure)).toEqual(["incidents.list", "auth.refresh"]);
    expect(handed).toBe(0);
    expect(expired).toHaveLength(1);

    // Later calls fail the same way without presenting the dead refresh token again.
    const again = await rejectionOf(client.incidents.list({}));
    expect(again).toMatchObject({ code: "UNAUTHORIZED", procedure: "auth.refresh" });
    expect(recorder.count("auth.refresh")).toBe(1);
    expect(expired).toHaveLength(1);

    // Reuse detection revoked the whole family, the thief's pair included.
    const revoked = await rejectionOf(thief.auth.refresh({ refreshToken: stolen.refreshToken }));
    expect(revoked).toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("without a refresh token, an UNAUTHORIZED answer surfaces as is", async () => {
    const registered = await register();
    const recorder = recordingFetch();
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: expiredAccessToken(api.current, registered) },
      fetch: recorder.fetch,
    });
    const error = await rejectionOf(client.auth.me());
    expect(error).toMatchObject({ code: "UNAUTHORIZED", procedure: "auth.me" });
    expect(recorder.requests.map((r) => r.procedure)).toEqual(["auth.me"]);
  });

  test("a call still refused after the refresh is not retried again", async () => {
    const registered = await register();
    // Whatever token the client holds, the API gets a bad one: refreshing cannot help.
    const recorder = recordingFetch((input, init) => {
      const headers = new Headers(init?.headers);
      const url = input instanceof Request ? input.url : input.toString();
      if (!url.includes("auth.refresh")) headers.set("authorization", "Bearer garbage");
      return globalThis.fetch(input, { ...init, headers });
    });
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: expiredAccessToken(api.current, registered), refreshToken: registered.refreshToken },
      fetch: recorder.fetch,
    });
    const error = await rejectionOf(client.org.get());
    expect(error).toMatchObject({ code: "UNAUTHORIZED", procedure: "org.get" });
    expect(recorder.requests.map((r) => r.procedure)).toEqual(["org.get", "auth.refresh", "org.get"]);
  });

  test("the client's own refresh, switch of org and logout go through the session", async () => {
    const registered = await register();
    const handed: TokenResponse[] = [];
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: registered.accessToken, refreshToken: registered.refreshToken },
      onTokens: (tokens) => {
        handed.push(tokens);
      },
    });
    // Refreshing by hand with the client's own token updates the client (and joins any refresh under way).
    const [a, b] = await Promise.all([client.auth.refresh({ refreshToken: registered.refreshToken }), client.refreshTokens()]);
    expect(a.refreshToken).toBe(b.refreshToken);
    expect(client.getTokens()?.refreshToken).toBe(a.refreshToken);
    expect(handed).toHaveLength(1);

    const switched = await client.switchOrg(registered.org.id);
    expect(switched.org.id).toBe(registered.org.id);
    expect(client.getTokens()?.accessToken).toBe(switched.accessToken);
    expect(handed).toHaveLength(2);

    await client.logout();
    expect(client.getTokens()).toBeUndefined();
    expect(await refreshTokenRows(api.current, registered.user.id)).toMatchObject({ revoked: 3 });
    const after = await rejectionOf(client.auth.me());
    expect(after).toMatchObject({ code: "UNAUTHORIZED" });
  });

  test("IncidentOpsClient.login refuses bad credentials with INVALID_CREDENTIALS", async () => {
    const registered = await register();
    const error = await rejectionOf(IncidentOpsClient.login({ baseUrl: api.current.baseUrl, email: registered.email, password: "wrong password" }));
    expect(error).toMatchObject({ code: "INVALID_CREDENTIALS", httpStatus: 401, procedure: "auth.login" });
  });

  test("with email and password, the client logs in on first use and again when the session cannot be renewed", async () => {
    const registered = await register();
    const recorder = recordingFetch();
    const handed: TokenResponse[] = [];
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { email: registered.email, password },
      fetch: recorder.fetch,
      onTokens: (tokens) => {
        handed.push(tokens);
      },
    });
    await Promise.all([client.auth.me(), client.org.get()]);
    expect(recorder.count("auth.login")).toBe(1);
    expect(handed).toHaveLength(1);

    // The session is revoked behind the client's back (and its access token has expired).
    const first = handed[0];
    if (first === undefined) throw new Error("no tokens");
    await createIncidentOpsClient({ baseUrl: api.current.baseUrl }).auth.logout({ refreshToken: first.refreshToken });
    client.setTokens({ accessToken: expiredAccessToken(api.current, first), refreshToken: first.refreshToken });

    const me = await client.auth.me();
    expect(me.user.id).toBe(registered.user.id);
    expect(recorder.count("auth.refresh")).toBe(1);
    expect(recorder.count("auth.login")).toBe(2);
    expect(handed).toHaveLength(2);
  });
});
