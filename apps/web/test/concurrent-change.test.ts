import { describe, expect, it } from "vitest";
import { anOrgOwner, anOwnerWithAnIncident, beforeInserts, deadlocksFirst, RAISE_DEADLOCK, rejectionOf, useTestApi } from "@incidentops/testkit";
import { toApiError } from "../src/lib/api-error";
import { CONCURRENT_CHANGE_RETRIES } from "../src/lib/concurrent-change";
import { browserTab, cookieJar } from "./browser-like";

// A call the API answered 409 CONCURRENT_CHANGE applied nothing: the app's client and its session
// routes send it again after its Retry-After, and show a person what to do only when it still conflicts.

const api = useTestApi();

/** A signed-in tab of an owner, with an incident whose timeline's inserts run `conflicting` on each of the API's attempts. */
async function aTabWithConflictingComments(conflicting: string) {
  const { owner, incident } = await anOwnerWithAnIncident(api.current);
  const jar = cookieJar();
  const { session, client } = browserTab(api.current.baseUrl, jar);
  await session.signIn("login", { email: owner.email, password: owner.password });
  const conflicts = await beforeInserts(api.current.db, { table: "incident_events", column: "incident_id", id: incident.id }, conflicting);
  const comment = () => client.incidents.comment.mutate({ incidentId: incident.id, body: "Looking into it" });
  const requests = () => jar.sent.filter((path) => path.includes("incidents.comment")).length;
  return { client, incident, conflicts, comment, requests };
}

describe("a call answered CONCURRENT_CHANGE", () => {
  it("is sent again after its Retry-After and applied once", async () => {
    // Every attempt the API makes at the first request deadlocks; the app's second request goes through.
    const { client, incident, conflicts, comment, requests } = await aTabWithConflictingComments(deadlocksFirst(3));
    const started = Date.now();
    await comment();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(requests()).toBe(2);
    expect(await conflicts.attempts()).toBe(4);
    const events = await client.incidents.events.query({ incidentId: incident.id });
    expect(events.items.filter((event) => event.kind === "commented")).toHaveLength(1);
  });

  it("that still conflicts after the retries fails with a message that says what to do", async () => {
    const { comment, requests } = await aTabWithConflictingComments(RAISE_DEADLOCK);
    const error = toApiError(await rejectionOf(comment()));
    expect(error).toMatchObject({ code: "CONCURRENT_CHANGE", status: 409, message: "Someone changed this at the same moment: try again." });
    expect(requests()).toBe(1 + CONCURRENT_CHANGE_RETRIES);
  });
});

describe("a session call answered CONCURRENT_CHANGE", () => {
  /** An owner and a tab of theirs, not signed in; `conflicting` makes their refresh tokens' inserts (a sign-in's, a renewal's) run a statement on each of the API's attempts. */
  async function aTab() {
    const owner = await anOrgOwner(api.current);
    const jar = cookieJar();
    const { session, client } = browserTab(api.current.baseUrl, jar);
    const conflicting = (statement: string) => beforeInserts(api.current.db, { table: "refresh_tokens", column: "user_id", id: owner.user.id }, statement);
    const signIn = () => session.signIn("login", { email: owner.email, password: owner.password });
    const requests = (route: string) => jar.sent.filter((path) => path === `/v1/auth/session/${route}`).length;
    return { owner, session, client, conflicting, signIn, requests };
  }

  it("signs in once sent again after its Retry-After", async () => {
    // Every attempt the API makes at the first sign-in deadlocks; the app's second one goes through.
    const { owner, session, conflicting, signIn, requests } = await aTab();
    const conflicts = await conflicting(deadlocksFirst(3));
    const started = Date.now();
    expect((await signIn()).user.id).toBe(owner.user.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(requests("login")).toBe(2);
    expect(await conflicts.attempts()).toBe(4);
    expect(session.getState()).toMatchObject({ status: "signed-in" });
  });

  it("renews the access token once sent again, and the session goes on", async () => {
    // Every attempt the API makes at the first renewal deadlocks.
    const { session, client, conflicting, signIn, requests } = await aTab();
    const first = (await signIn()).accessToken;
    const conflicts = await conflicting(deadlocksFirst(3));
    const renewed = await session.renew(first);
    expect(renewed).not.toBe(first);
    expect(requests("refresh")).toBe(2);
    expect(await conflicts.attempts()).toBe(4);
    // The refresh token the retry presented was still the current one: nothing was taken for reuse.
    expect(await session.renew(renewed)).not.toBe(renewed);
    expect((await client.incidents.list.query({})).items).toEqual([]);
  });

  it("that still conflicts after the retries fails with a message that says what to do", async () => {
    const { conflicting, signIn, requests } = await aTab();
    await conflicting(RAISE_DEADLOCK);
    const error = toApiError(await rejectionOf(signIn()));
    expect(error).toMatchObject({ code: "CONCURRENT_CHANGE", status: 409, message: "Someone changed this at the same moment: try again." });
    expect(requests("login")).toBe(1 + CONCURRENT_CHANGE_RETRIES);
  });
});
