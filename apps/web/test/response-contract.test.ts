import { afterEach, describe, expect, it, vi } from "vitest";
import { anOwnerWithAnIncident, rejectionOf, sleep, useTestApi, waitFor } from "@incidentops/testkit";
import { toApiError } from "../src/lib/api-error";
import type { IncidentUpdates } from "../src/lib/api-types";
import contractText from "../src/generated/response-contract.json?raw";
import { keepLive, type LiveStatus } from "../src/lib/live";
import { answerBreaches } from "../src/lib/response-contract";
import { createApiClient } from "../src/lib/trpc";
import { browserTab, cookieJar, editingEventSource, type CookieJar } from "./browser-like";

// The app checks every answer against the contract it was built with: an API of another version
// that answers in a shape the app does not know fails the call with CONTRACT_MISMATCH, a field the
// app does not know passes. The answers are the real API's, edited on their way back.

const api = useTestApi();
const MISMATCH_MESSAGE = "This page and the server are of different versions: reload the page. If it keeps happening, tell your administrator.";

const consoleErrors = vi.spyOn(console, "error").mockImplementation(() => undefined);
afterEach(() => consoleErrors.mockClear());

/** `jar`, with the JSON answers of requests whose path includes `path` passed through `edit` first. */
function editingAnswers(jar: CookieJar, path: string, edit: (body: unknown) => unknown): CookieJar {
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await jar.fetch(input, init);
    const url = typeof input === "string" || input instanceof URL ? String(input) : input.url;
    if (!url.includes(path) || !res.ok) return res;
    return new Response(JSON.stringify(edit(await res.json())), { status: res.status, headers: res.headers });
  };
  return { ...jar, fetch };
}

/** Edits the data of a tRPC batch's first answer. */
const firstAnswer = (edit: (data: Record<string, unknown>) => void) => (body: unknown) => {
  const [first] = body as { result: { data: Record<string, unknown> } }[];
  if (first !== undefined) edit(first.result.data);
  return body;
};

/** A live stream of an API of another version: an acknowledged incident's status is one this build does not know. */
const unknownStatusOnAcknowledge = (chunk: string) => chunk.replaceAll('"status":"acknowledged"', '"status":"on-fire"');

async function aSignedInTab(jar: CookieJar) {
  const { owner, incident } = await anOwnerWithAnIncident(api.current);
  const { session, client } = browserTab(api.current.baseUrl, jar);
  await session.signIn("login", { email: owner.email, password: owner.password });
  return { owner, incident, session, client };
}

describe("the app's response contract", () => {
  it("lets the API's answers through, and fields the app does not know", async () => {
    const jar = editingAnswers(cookieJar(), "incidents.get", firstAnswer((data) => Object.assign(data, { addedLater: { by: "a newer API" } })));
    const { incident, client } = await aSignedInTab(jar);
    expect(await client.incidents.get.query({ incidentId: incident.id })).toMatchObject({ id: incident.id, addedLater: { by: "a newer API" } });
    expect((await client.incidents.list.query({})).items.map((i) => i.id)).toEqual([incident.id]);
    expect((await client.incidents.events.query({ incidentId: incident.id })).items.length).toBeGreaterThan(0);
    expect(await client.incidents.counts.query({})).toBeDefined();
    await client.incidents.transition.mutate({ incidentId: incident.id, toStatus: "acknowledged", version: incident.version });
    expect(consoleErrors).not.toHaveBeenCalled();
  });

  it("fails a call whose answer does not fit with CONTRACT_MISMATCH, naming the procedure and where, never a value", async () => {
    const jar = editingAnswers(
      cookieJar(),
      "incidents.get",
      firstAnswer((data) => Object.assign(data, { status: "on-fire", version: "7" })),
    );
    const { incident, client } = await aSignedInTab(jar);
    const error = toApiError(await rejectionOf(client.incidents.get.query({ incidentId: incident.id })));
    expect(error).toMatchObject({ code: "CONTRACT_MISMATCH", message: MISMATCH_MESSAGE, details: { answered: "incidents.get" } });
    const breaches = error.details.breaches as string[];
    expect(breaches.map((b) => b.slice(0, b.indexOf(":")))).toEqual(expect.arrayContaining(["status", "version"]));
    expect(JSON.stringify(breaches)).not.toContain("on-fire");
    expect(consoleErrors).toHaveBeenCalledWith("The answer to incidents.get does not fit this app's contract:", breaches);
    // Other calls go on.
    expect((await client.incidents.list.query({})).items).toHaveLength(1);
  });

  it("refuses a session answer that does not fit: not signed in", async () => {
    const { owner } = await anOwnerWithAnIncident(api.current);
    const jar = editingAnswers(cookieJar(), "/v1/auth/session/login", (body) => ({ ...(body as object), accessToken: undefined, expiresIn: "soon" }));
    const { session } = browserTab(api.current.baseUrl, jar);
    const error = toApiError(await rejectionOf(session.signIn("login", { email: owner.email, password: owner.password })));
    expect(error).toMatchObject({ code: "CONTRACT_MISMATCH", message: MISMATCH_MESSAGE, details: { answered: "/v1/auth/session/login" } });
    expect(session.getState().status).not.toBe("signed-in");
  });

  it("gives up restoring a session at once when the renewal's answer does not fit: no tries that would end the same way", async () => {
    const { owner } = await anOwnerWithAnIncident(api.current);
    const jar = cookieJar();
    await browserTab(api.current.baseUrl, jar).session.signIn("login", { email: owner.email, password: owner.password });
    // A new tab of the same browser, whose API answers the renewal in a shape this build does not know.
    const { session } = browserTab(api.current.baseUrl, editingAnswers(jar, "/v1/auth/session/refresh", (body) => ({ ...(body as object), user: null })));
    await session.restore();
    const state = session.getState();
    expect(state).toMatchObject({ status: "unavailable", error: { code: "CONTRACT_MISMATCH", details: { answered: "/v1/auth/session/refresh" } } });
    expect(jar.sent.filter((path) => path === "/v1/auth/session/refresh")).toHaveLength(1);
  });

  it("ends a live stream whose event does not fit, before the event reaches the page", async () => {
    const jar = cookieJar();
    const { incident, session } = await aSignedInTab(jar);
    const { EventSource } = editingEventSource(jar.fetch, unknownStatusOnAcknowledge);
    const client = createApiClient(session, { baseUrl: api.current.baseUrl, fetch: jar.fetch, EventSource });
    const received: IncidentUpdates[] = [];
    const failures: unknown[] = [];
    const subscription = client.live.incidents.subscribe(undefined, { onData: (update) => received.push(update), onError: (error) => failures.push(error) });
    try {
      await waitFor(() => received[0], 10_000, "the stream's reset");
      await client.incidents.transition.mutate({ incidentId: incident.id, toStatus: "acknowledged", version: incident.version });
      const failure = await waitFor(() => failures[0], 10_000, "the stream to end");
      expect(toApiError(failure)).toMatchObject({ code: "CONTRACT_MISMATCH", details: { answered: "live.incidents" } });
      expect(received.flatMap((update) => update.incidents)).toEqual([]);
    } finally {
      subscription.unsubscribe();
    }
  });

  it("stops the app's live stream at the first update that does not fit, says it is not live, and does not reopen it", async () => {
    const jar = cookieJar();
    const { incident, session, client } = await aSignedInTab(jar);
    const { EventSource, opened } = editingEventSource(jar.fetch, unknownStatusOnAcknowledge);
    const statuses: LiveStatus[] = [];
    const updates: IncidentUpdates[] = [];
    const stop = keepLive(createApiClient(session, { baseUrl: api.current.baseUrl, fetch: jar.fetch, EventSource }), {
      onUpdate: (update) => updates.push(update),
      onStatus: (status) => statuses.push(status),
    });
    try {
      await waitFor(() => (statuses.includes("live") ? true : undefined), 10_000, "the stream to open");
      const acknowledged = await client.incidents.transition.mutate({ incidentId: incident.id, toStatus: "acknowledged", version: incident.version });
      await waitFor(() => (statuses.at(-1) === "outdated" ? true : undefined), 10_000, "the stream to stop");
      // Another change, then longer than the first reopening's wait (500 ms): nothing reopened.
      await client.incidents.comment.mutate({ incidentId: acknowledged.id, body: "Still here" });
      await sleep(1_500);
      expect(opened.count).toBe(1);
      expect(statuses.at(-1)).toBe("outdated");
      expect(updates.flatMap((update) => update.incidents)).toEqual([]);
    } finally {
      stop();
    }
  });

  it("compiles every schema", () => {
    const { procedures, events } = JSON.parse(contractText) as { procedures: Record<string, unknown>; events: Record<string, unknown> };
    expect(Object.keys(procedures).length).toBeGreaterThan(100);
    for (const path of Object.keys(procedures)) expect(() => answerBreaches("query", path, Symbol("no answer")), path).not.toThrow();
    expect(Object.keys(events)).toEqual(["live.incidents"]);
    expect(answerBreaches("subscription", "live.incidents", { reset: true, incidents: [], timelineChanged: [], notificationsChanged: [] })).toBeUndefined();
  });
});
