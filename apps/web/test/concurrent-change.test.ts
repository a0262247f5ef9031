import { describe, expect, it } from "vitest";
import { anOwnerWithAnIncident, beforeInserts, deadlocksFirst, RAISE_DEADLOCK, rejectionOf, useTestApi } from "@incidentops/testkit";
import { toApiError } from "../src/lib/api-error";
import { CONCURRENT_CHANGE_RETRIES } from "../src/lib/trpc";
import { browserTab, cookieJar } from "./browser-like";

// A call the API answered 409 CONCURRENT_CHANGE applied nothing: the app's client sends it again
// after its Retry-After, and shows a person what to do only when it still conflicts.

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
