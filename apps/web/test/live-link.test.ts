import { EventSource } from "eventsource";
import { describe, expect, it } from "vitest";
import { anOrgOwner, useTestApi, waitFor } from "@incidentops/testkit";
import { SessionManager } from "../src/lib/session";
import { fetchSessionTransport } from "../src/lib/session-transport";
import { createApiClient } from "../src/lib/trpc";
import { cookieJar } from "./browser-like";

// The URL the app's live stream opens: proxies log it and browsers keep it, so it carries a
// single-use ticket, never the access token.

const api = useTestApi();

/** An EventSource that records the URLs it opens. */
function recordingEventSource(opened: URL[]) {
  return class extends EventSource {
    constructor(url: string | URL, init?: ConstructorParameters<typeof EventSource>[1]) {
      super(url, init);
      opened.push(new URL(url));
    }
  };
}

describe("the live stream's URL", () => {
  it("carries a fresh ticket at every opening, never the access token", async () => {
    const owner = await anOrgOwner(api.current);
    const jar = cookieJar();
    const session = new SessionManager(fetchSessionTransport({ baseUrl: api.current.baseUrl, fetch: jar.fetch }));
    await session.signIn("login", { email: owner.email, password: owner.password });
    const opened: URL[] = [];
    const client = createApiClient(session, {
      baseUrl: api.current.baseUrl,
      fetch: jar.fetch,
      EventSource: recordingEventSource(opened) as unknown as typeof globalThis.EventSource,
    });
    const openOnce = async () => {
      let started = false;
      const subscription = client.live.incidents.subscribe(undefined, { onData: () => (started = true) });
      await waitFor(() => (started ? true : undefined), 10_000, "the stream to open");
      subscription.unsubscribe();
    };
    await openOnce();
    await openOnce();

    const accessToken = session.accessToken() ?? "missing";
    const tickets = opened.map((url) => {
      expect(url.pathname).toBe("/trpc/live.incidents");
      expect(url.href).not.toContain(accessToken);
      expect(url.href.toLowerCase()).not.toContain("bearer");
      const params = JSON.parse(url.searchParams.get("connectionParams") ?? "{}") as Record<string, unknown>;
      expect(Object.keys(params)).toEqual(["ticket"]);
      return params.ticket;
    });
    expect(tickets).toHaveLength(2);
    expect(new Set(tickets).size).toBe(2);
  });
});
