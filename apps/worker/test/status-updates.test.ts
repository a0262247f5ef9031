import { beforeAll, describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, aWebhookTarget, bodyOf, ok, sleep, startWebhookReceiver, useStarted, useTestStack, waitFor } from "@incidentops/testkit";

// Who hears of a status update, and of an edit: the targets subscribed to its kind, and those
// taking every kind; a stakeholder target (status_update only) never gets internal comments.

const stack = useTestStack();
const stakeholders = useStarted("The stakeholders' receiver", () => startWebhookReceiver());
const responders = useStarted("The responders' receiver", () => startWebhookReceiver());
const everything = useStarted("The receiver of every kind", () => startWebhookReceiver());

beforeAll(async () => {
  await stack.current.startWorker();
});

describe("status update notifications", () => {
  it("go to targets subscribed to status_update and to those taking every kind, not to the others", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const owner = await anOrgOwner(api);
    const token = owner.accessToken;
    await aWebhookTarget(api, token, stakeholders.current.url, { eventKinds: ["status_update"] });
    await aWebhookTarget(api, token, responders.current.url, { eventKinds: ["commented", "severity_changed", "updated"] });
    await aWebhookTarget(api, token, everything.current.url);
    const incident = await anIncident(api, token, (await aService(api, token)).id, { severity: "sev3" });
    await ok(api.request("POST", `/v1/incidents/${incident.id}/comment`, { token, body: { body: "internal: suspect the pool" } }), 201, "comment");
    await ok(api.request("POST", `/v1/incidents/${incident.id}/status-updates`, { token, body: { body: "Payments are slow; we are on it." } }), 201, "update");
    await ok(api.request("PATCH", `/v1/incidents/${incident.id}`, { token, body: { severity: "sev1", title: "Payments down", version: 1 } }), 200, "edit");

    const typesAt = (receiver: typeof everything) => receiver.current.requests.map((r) => bodyOf(r)).filter((b) => b.incident.id === incident.id).map((b) => b.type);
    await waitFor(() => (typesAt(everything).length === 5 ? true : undefined), 15_000, "every kind at the catch-all target");
    expect(typesAt(everything).sort()).toEqual(["incident.commented", "incident.severity_changed", "incident.status_update", "incident.triggered", "incident.updated"]);
    await waitFor(() => (typesAt(responders).length === 3 ? true : undefined), 15_000, "the responders' kinds");
    // Whatever else was to come has come by now.
    await sleep(500);
    expect(typesAt(stakeholders)).toEqual(["incident.status_update"]);
    expect(typesAt(responders).sort()).toEqual(["incident.commented", "incident.severity_changed", "incident.updated"]);

    const update = stakeholders.current.requests.map((r) => bodyOf(r)).find((b) => b.incident.id === incident.id);
    expect(update?.event).toMatchObject({ kind: "status_update_posted", data: { status: "investigating", body: "Payments are slow; we are on it." } });
    const severity = everything.current.requests.map((r) => bodyOf(r)).find((b) => b.type === "incident.severity_changed");
    expect(severity?.event.data).toMatchObject({ from: "sev3", to: "sev1" });
  });
});
