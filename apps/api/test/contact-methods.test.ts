import { randomUUID } from "node:crypto";
import { runDelivery, type ContactMethod, type Incident, type NotificationAttempt, type NotificationRules, type Page, type TokenResponse } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import {
  aContactMethod,
  addMember,
  aMember,
  anApiKey,
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  contactMethodsOf,
  countRows,
  expectError,
  expectValidationFailed,
  ok,
  rowsOf,
  runQueuedJobs,
  setNotificationRules,
  startTestApi,
  startWebhookReceiver,
  useStarted,
  useTestApi,
} from "@incidentops/testkit";

// Contact methods and notification rules (GET|POST /users/me/contact-methods, DELETE .../{id},
// GET|PUT /users/me/notification-rules). This API has no Twilio configuration: SMS and voice are
// refused. Paging through them: apps/worker/test/paging.test.ts.

const api = useTestApi();
const receiver = useStarted("The receiver", () => startWebhookReceiver());

const METHODS = "/v1/users/me/contact-methods";
const RULES = "/v1/users/me/notification-rules";

const getRules = async (token: string) => (await api.current.request<NotificationRules>("GET", RULES, { token })).body.rules;
const stateOf = async (userId: string) => ({
  methods: await rowsOf(api.current.db, "contact_methods", { user_id: userId }),
  rules: await rowsOf(api.current.db, "notification_rules", { user_id: userId }),
});

describe("a new person", () => {
  it("has the account email as a contact method and one rule: that email, at once", async () => {
    const person = await anOrgOwner(api.current);
    const methods = await contactMethodsOf(api.current, person.accessToken);
    expect(methods).toEqual([
      { id: expect.any(String), type: "email", name: "Account email", address: person.email.toLowerCase(), isAccountEmail: true, createdAt: expect.any(String) },
    ]);
    expect(await getRules(person.accessToken)).toEqual([{ contactMethodId: methods[0]?.id, delayMinutes: 0 }]);
  });

  it("however they came (a person made straight in the database too)", async () => {
    const owner = await anOrgOwner(api.current);
    const userId = await aMember(api.current, owner.org.id, "member");
    const methods = await api.current.db.selectFrom("contact_methods").selectAll().where("user_id", "=", userId).execute();
    expect(methods).toMatchObject([{ type: "email", is_account_email: true }]);
    expect(await countRows(api.current.db, "notification_rules", { user_id: userId, delay_minutes: 0 })).toBe(1);
  });
});

describe("POST /v1/users/me/contact-methods", () => {
  it("adds email, Slack and webhook methods; a webhook's signing secret comes this once; a Slack URL is masked", async () => {
    const person = await anOrgOwner(api.current);
    const email = await aContactMethod(api.current, person.accessToken, { type: "email", name: "Personal", address: "Ada@Example.COM" });
    expect(email).toMatchObject({ type: "email", name: "Personal", address: "ada@example.com", isAccountEmail: false });
    expect(email).not.toHaveProperty("secret");
    const hook = await aContactMethod(api.current, person.accessToken, { type: "webhook", address: `${receiver.current.url}/me` });
    expect(hook.secret).toMatch(/^whsec_/);
    const slack = await aContactMethod(api.current, person.accessToken, { type: "slack", address: `${receiver.current.url}/services/T0/B0/secret-path` });
    expect(slack.address).toBe(`${receiver.current.url}/****`);

    const listed = await contactMethodsOf(api.current, person.accessToken);
    expect(listed.map((m) => m.type)).toEqual(["email", "email", "webhook", "slack"]);
    expect(listed.every((m) => !("secret" in m))).toBe(true);
    expect(JSON.stringify(listed)).not.toContain("secret-path");
    // Adding a method adds no rule: the person decides when it pages them.
    expect(await getRules(person.accessToken)).toHaveLength(1);
  });

  it("refuses SMS and voice with 400 CHANNEL_NOT_CONFIGURED on a deployment without Twilio, storing nothing", async () => {
    const person = await anOrgOwner(api.current);
    const before = await stateOf(person.user.id);
    for (const type of ["sms", "voice"] as const) {
      const res = await api.current.request("POST", METHODS, { token: person.accessToken, body: { type, name: "Phone", address: "+14155550100" } });
      const body = expectError(res, 400, "CHANNEL_NOT_CONFIGURED");
      expect(body.details).toEqual({ type, variables: ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"] });
    }
    expect(await stateOf(person.user.id)).toEqual(before);
  });

  it("checks the address against the type (400 VALIDATION_FAILED on `address`), storing nothing", async () => {
    const person = await anOrgOwner(api.current);
    const before = await stateOf(person.user.id);
    const cases = [
      { type: "email", address: "not-an-email" },
      { type: "sms", address: "004915112345678" },
      { type: "voice", address: "+1 415 555 0100" },
      { type: "webhook", address: "ftp://example.com/hook" },
      { type: "slack", address: "hooks.slack.com/services/x" },
    ];
    for (const body of cases) {
      expect(expectValidationFailed(await api.current.request("POST", METHODS, { token: person.accessToken, body: { ...body, name: "x" } }))).toEqual(["address"]);
    }
    expect(expectValidationFailed(await api.current.request("POST", METHODS, { token: person.accessToken, body: { type: "fax", name: "x", address: "1" } }))).toContain("type");
    expect(expectValidationFailed(await api.current.request("POST", METHODS, { token: person.accessToken, body: { type: "email", name: " ", address: "a@b.co" } }))).toEqual(["name"]);
    expect(await stateOf(person.user.id)).toEqual(before);
  });

  it("refuses a webhook to a private address when the deployment does not allow them", async () => {
    const strict = await startTestApi({ env: { WEBHOOK_ALLOW_PRIVATE: "false" } });
    try {
      const person = await anOrgOwner(strict);
      const res = await strict.request("POST", METHODS, { token: person.accessToken, body: { type: "webhook", name: "x", address: "http://169.254.169.254/latest" } });
      expect(expectValidationFailed(res)).toEqual(["address"]);
      expect(await countRows(strict.db, "contact_methods", { user_id: person.user.id })).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it("refuses the same address twice (409 CONFLICT) and a 21st method", async () => {
    const person = await anOrgOwner(api.current);
    await aContactMethod(api.current, person.accessToken, { type: "email", address: "twice@example.com" });
    const again = await api.current.request("POST", METHODS, { token: person.accessToken, body: { type: "email", name: "again", address: "TWICE@example.com" } });
    expect(expectError(again, 409, "CONFLICT").details).toEqual({ fields: { address: ["already one of your contact methods"] } });
    // The account email is one of the person's emails already.
    expectError(await api.current.request("POST", METHODS, { token: person.accessToken, body: { type: "email", name: "me", address: person.email } }), 409, "CONFLICT");
    for (let i = (await contactMethodsOf(api.current, person.accessToken)).length; i < 20; i++) {
      await aContactMethod(api.current, person.accessToken, { type: "email", address: `many-${i}@example.com` });
    }
    const before = await stateOf(person.user.id);
    expectError(await api.current.request("POST", METHODS, { token: person.accessToken, body: { type: "email", name: "21st", address: "21@example.com" } }), 409, "CONFLICT");
    expect(await stateOf(person.user.id)).toEqual(before);
  });
});

describe("DELETE /v1/users/me/contact-methods/{contactMethodId}", () => {
  it("deletes a method and the rules using it", async () => {
    const person = await anOrgOwner(api.current);
    const [account] = await contactMethodsOf(api.current, person.accessToken);
    const extra = await aContactMethod(api.current, person.accessToken, { type: "email", address: "extra@example.com" });
    await setNotificationRules(api.current, person.accessToken, [
      { contactMethodId: account?.id ?? "", delayMinutes: 0 },
      { contactMethodId: extra.id, delayMinutes: 5 },
    ]);
    const res = await api.current.request("DELETE", `${METHODS}/${extra.id}`, { token: person.accessToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect((await contactMethodsOf(api.current, person.accessToken)).map((m) => m.id)).toEqual([account?.id]);
    expect(await getRules(person.accessToken)).toEqual([{ contactMethodId: account?.id, delayMinutes: 0 }]);
  });

  it("keeps the account email, and the method every rule uses (409 CONFLICT), changing nothing", async () => {
    const person = await anOrgOwner(api.current);
    const [account] = await contactMethodsOf(api.current, person.accessToken);
    const only = await aContactMethod(api.current, person.accessToken, { type: "email", address: "only@example.com" });
    await setNotificationRules(api.current, person.accessToken, [
      { contactMethodId: only.id, delayMinutes: 0 },
      { contactMethodId: only.id, delayMinutes: 10 },
    ]);
    const before = await stateOf(person.user.id);
    expectError(await api.current.request("DELETE", `${METHODS}/${account?.id ?? ""}`, { token: person.accessToken }), 409, "CONFLICT");
    const lastRules = expectError(await api.current.request("DELETE", `${METHODS}/${only.id}`, { token: person.accessToken }), 409, "CONFLICT");
    expect(lastRules.details).toEqual({ fields: { contactMethodId: ["used by all of your notification rules"] } });
    expect(await stateOf(person.user.id)).toEqual(before);
  });

  describe("the paging history of a deleted method", () => {
    /**
     * A person, owner of org A and a member of org B, paged through their webhook method "Pager
     * hook" (with their account email, at once): in A, the page of `sent` went out, that of
     * `pendingInA` is still pending; in B, that of `pendingInB` is.
     */
    async function aMethodWithPages() {
      const person = await anOrgOwner(api.current);
      const other = await anOrgOwner(api.current);
      await addMember(api.current.db, other.org.id, person.user.id, "member");
      const [account] = await contactMethodsOf(api.current, person.accessToken);
      const path = `/pager/${randomUUID()}`;
      const hook = await aContactMethod(api.current, person.accessToken, { type: "webhook", name: "Pager hook", address: `${receiver.current.url}${path}` });
      await setNotificationRules(api.current, person.accessToken, [
        { contactMethodId: account?.id ?? "", delayMinutes: 0 },
        { contactMethodId: hook.id, delayMinutes: 0 },
      ]);
      const assigned = async (admin: typeof person) => {
        const incident = await anIncident(api.current, admin.accessToken, (await aService(api.current, admin.accessToken)).id);
        await ok(api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/assign`, { token: admin.accessToken, body: { userIds: [person.user.id], version: incident.version } }), 200, "assign");
        await runQueuedJobs(api.current, ["incident_event"]);
        return incident;
      };
      const deps = { db: api.current.db, config: api.current.config, mailer: api.current.mailer };
      const sendLane = (orgId: string) => runDelivery(deps, { orgId, recipientId: hook.id, requestId: "deleted-method-history" }, "webhook");
      const sent = await assigned(person);
      expect((await sendLane(person.org.id)).tried.map((t) => t.result)).toEqual(["succeeded"]);
      const pendingInA = await assigned(person);
      const pendingInB = await assigned(other);
      /** The incident's pages through the hook, as its org's admin reads them. */
      const pagesThroughHook = async (incidentId: string, admin = person) =>
        (await ok(api.current.request<Page<NotificationAttempt>>("GET", `/v1/incidents/${incidentId}/notifications`, { token: admin.accessToken }), 200, "notifications")).items.filter(
          (a) => a.channel === "webhook",
        );
      const sentToIt = () => receiver.current.requests.filter((r) => r.path === path).length;
      return { person, other, account, hook, sent, pendingInA, pendingInB, sendLane, pagesThroughHook, sentToIt };
    }

    it("keeps its pages under the method as it was, its address masked; those pending end cancelled in each of the person's orgs, never sent", async () => {
      const { person, other, hook, sent, pendingInA, pendingInB, sendLane, pagesThroughHook, sentToIt } = await aMethodWithPages();
      const method = { id: hook.id, name: "Pager hook", type: "webhook", address: `${receiver.current.url}/****` };
      expect(await pagesThroughHook(sent.id)).toMatchObject([{ contactMethod: { ...method, deleted: false }, user: { id: person.user.id }, status: "succeeded" }]);
      expect((await pagesThroughHook(pendingInB.id, other)).map((a) => a.status)).toEqual(["pending"]);
      const lanesBefore = await rowsOf(api.current.db, "notification_attempts", { contact_method_id: hook.id });
      const hour = 3_600_000;
      const window = `since=${new Date(Date.now() - hour).toISOString()}&until=${new Date(Date.now() + hour).toISOString()}`;
      const responders = async () => (await ok(api.current.request<{ items: unknown[] }>("GET", `/v1/analytics/responders?${window}`, { token: person.accessToken }), 200, "responders")).items;
      const respondersBefore = await responders();
      // Two incidents of A paged the person through the account email and the hook: the one page sent (through the hook) reached them.
      expect(respondersBefore).toMatchObject([{ user: { id: person.user.id }, pagesReceived: 1 }]);

      const res = await api.current.request("DELETE", `${METHODS}/${hook.id}`, { token: person.accessToken });
      expect(res.status, JSON.stringify(res.body)).toBe(200);

      const deletedMethod = { ...method, deleted: true };
      expect(await pagesThroughHook(sent.id)).toMatchObject([{ contactMethod: deletedMethod, user: { id: person.user.id }, status: "succeeded", attemptCount: 1, lastHttpStatus: 200 }]);
      const cancelled = { contactMethod: deletedMethod, status: "cancelled", attemptCount: 0, note: "not sent: the contact method was deleted", nextAttemptAt: null, completedAt: expect.any(String) };
      expect(await pagesThroughHook(pendingInA.id)).toMatchObject([cancelled]);
      expect(await pagesThroughHook(pendingInB.id, other)).toMatchObject([cancelled]);
      // Each page keeps its lane and its key: the method's id.
      const lanesAfter = (await rowsOf(api.current.db, "notification_attempts", { contact_method_id: hook.id })) as { recipient_id: string }[];
      expect(lanesAfter).toHaveLength(lanesBefore.length);
      expect(lanesAfter.every((row) => row.recipient_id === hook.id)).toBe(true);
      // The page the person received is counted as before, the cancelled ones never were.
      expect(await responders()).toEqual(respondersBefore);

      expect((await sendLane(person.org.id)).tried).toEqual([]);
      expect((await sendLane(other.org.id)).tried).toEqual([]);
      expect(sentToIt()).toBe(1);
      // Kept for that history only: its address masked, its signing secret erased.
      const [row] = await api.current.db.selectFrom("contact_methods").selectAll().where("id", "=", hook.id).execute();
      expect(row).toMatchObject({ address: `${receiver.current.url}/****`, secret: "", deleted_at: expect.any(Date) });
    });

    it("is gone from the person's list, rules and deletes, and its address may be added again, as a new method", async () => {
      const { person, account, hook } = await aMethodWithPages();
      expect((await api.current.request("DELETE", `${METHODS}/${hook.id}`, { token: person.accessToken })).status).toBe(200);
      expect((await contactMethodsOf(api.current, person.accessToken)).map((m) => m.id)).toEqual([account?.id]);
      expect(await getRules(person.accessToken)).toEqual([{ contactMethodId: account?.id, delayMinutes: 0 }]);
      const before = await stateOf(person.user.id);
      expectError(await api.current.request("DELETE", `${METHODS}/${hook.id}`, { token: person.accessToken }), 404, "NOT_FOUND");
      const put = await api.current.request("PUT", RULES, { token: person.accessToken, body: { rules: [{ contactMethodId: hook.id, delayMinutes: 0 }] } });
      expect(expectValidationFailed(put)).toEqual(["rules.0.contactMethodId"]);
      expect(await stateOf(person.user.id)).toEqual(before);

      const again = await aContactMethod(api.current, person.accessToken, { type: "webhook", name: "Pager hook", address: hook.address });
      expect(again.id).not.toBe(hook.id);
      // Deleted twice, the same address leaves two methods with the same masked one.
      const sameAddress = await aContactMethod(api.current, person.accessToken, { type: "email", address: "twice-deleted@example.com" });
      expect((await api.current.request("DELETE", `${METHODS}/${sameAddress.id}`, { token: person.accessToken })).status).toBe(200);
      const readded = await aContactMethod(api.current, person.accessToken, { type: "email", address: "twice-deleted@example.com" });
      expect(readded.id).not.toBe(sameAddress.id);
      expect((await api.current.request("DELETE", `${METHODS}/${readded.id}`, { token: person.accessToken })).status).toBe(200);
      expect((await contactMethodsOf(api.current, person.accessToken)).map((m) => m.id)).toEqual([account?.id, again.id]);
      expect(await countRows(api.current.db, "contact_methods", { user_id: person.user.id, address: "t****@example.com" })).toBe(2);
    });

    it("a page made after the delete, by a fan-out that read the rules before it, is cancelled when claimed, never sent", async () => {
      const { person, hook, pendingInA, sendLane, pagesThroughHook, sentToIt } = await aMethodWithPages();
      expect((await api.current.request("DELETE", `${METHODS}/${hook.id}`, { token: person.accessToken })).status).toBe(200);
      const [late] = await pagesThroughHook(pendingInA.id);
      await api.current.db.updateTable("notification_attempts").set({ status: "pending", note: null, completed_at: null }).where("id", "=", late?.id ?? "").execute();

      expect((await sendLane(person.org.id)).tried.map((t) => t.result)).toEqual(["cancelled"]);
      expect(sentToIt()).toBe(1);
      expect((await pagesThroughHook(pendingInA.id)).map((a) => [a.status, a.note])).toEqual([["cancelled", "not sent: the contact method was deleted"]]);
    });
  });

  it("answers another person's method exactly as a missing one (404), whatever the org, and a non-uuid with 400", async () => {
    const owner = await anOrgOwner(api.current);
    const colleague = await aUserWithRole(api.current, owner.org.id, "admin");
    const mine = await aContactMethod(api.current, owner.accessToken, { type: "email", address: "mine@example.com" });
    const before = await stateOf(owner.user.id);
    const foreign = expectError(await api.current.request("DELETE", `${METHODS}/${mine.id}`, { token: colleague.accessToken }), 404, "NOT_FOUND");
    const missing = expectError(await api.current.request("DELETE", `${METHODS}/${randomUUID()}`, { token: colleague.accessToken }), 404, "NOT_FOUND");
    expect(foreign.message).toBe("Contact method not found");
    expect({ ...foreign, traceId: "" }).toEqual({ ...missing, traceId: "" });
    expectValidationFailed(await api.current.request("DELETE", `${METHODS}/not-a-uuid`, { token: colleague.accessToken }));
    expect(await stateOf(owner.user.id)).toEqual(before);
  });
});

describe("PUT /v1/users/me/notification-rules", () => {
  it("stores the rules in the order they fire (by delay, equal delays as given) and GET returns them", async () => {
    const person = await anOrgOwner(api.current);
    const [account] = await contactMethodsOf(api.current, person.accessToken);
    const hook = await aContactMethod(api.current, person.accessToken, { type: "webhook", address: `${receiver.current.url}/rules` });
    const accountId = account?.id ?? "";
    const rules = await setNotificationRules(api.current, person.accessToken, [
      { contactMethodId: hook.id, delayMinutes: 15 },
      { contactMethodId: accountId, delayMinutes: 0 },
      { contactMethodId: hook.id, delayMinutes: 0 },
      { contactMethodId: accountId, delayMinutes: 30 },
    ]);
    const expected = [
      { contactMethodId: accountId, delayMinutes: 0 },
      { contactMethodId: hook.id, delayMinutes: 0 },
      { contactMethodId: hook.id, delayMinutes: 15 },
      { contactMethodId: accountId, delayMinutes: 30 },
    ];
    expect(rules).toEqual(expected);
    expect(await getRules(person.accessToken)).toEqual(expected);
  });

  it("takes replacements sent at once in turn: each answers 200, and the rules left are one of them, whole", async () => {
    const person = await anOrgOwner(api.current);
    const [account] = await contactMethodsOf(api.current, person.accessToken);
    const replacements = Array.from({ length: 8 }, (_, i) => [{ contactMethodId: account?.id ?? "", delayMinutes: i }]);
    const answers = await Promise.all(replacements.map((rules) => api.current.request("PUT", RULES, { token: person.accessToken, body: { rules } })));
    expect(answers.map((answer) => answer.status)).toEqual(replacements.map(() => 200));
    expect(replacements).toContainEqual(await getRules(person.accessToken));
  });

  it("refuses an empty list, a delay out of range, the same method at the same delay twice and a method that is not yours, changing nothing", async () => {
    const person = await anOrgOwner(api.current);
    const other = await anOrgOwner(api.current);
    const [mine] = await contactMethodsOf(api.current, person.accessToken);
    const [theirs] = await contactMethodsOf(api.current, other.accessToken);
    const id = mine?.id ?? "";
    const before = await stateOf(person.user.id);
    const put = (rules: unknown) => api.current.request("PUT", RULES, { token: person.accessToken, body: { rules } });
    expect(expectValidationFailed(await put([]))).toEqual(["rules"]);
    expect(expectValidationFailed(await put([{ contactMethodId: id, delayMinutes: -1 }]))).toEqual(["rules.0.delayMinutes"]);
    expect(expectValidationFailed(await put([{ contactMethodId: id, delayMinutes: 1441 }]))).toEqual(["rules.0.delayMinutes"]);
    expect(expectValidationFailed(await put([{ contactMethodId: id, delayMinutes: 2.5 }]))).toEqual(["rules.0.delayMinutes"]);
    expect(expectValidationFailed(await put([{ contactMethodId: id, delayMinutes: 5 }, { contactMethodId: id, delayMinutes: 5 }]))).toEqual(["rules.1.delayMinutes"]);
    expect(expectValidationFailed(await put(Array.from({ length: 21 }, (_, i) => ({ contactMethodId: id, delayMinutes: i }))))).toEqual(["rules"]);
    expect(expectValidationFailed(await put([{ contactMethodId: id, delayMinutes: 0 }, { contactMethodId: theirs?.id, delayMinutes: 1 }]))).toEqual([
      "rules.1.contactMethodId",
    ]);
    expect(expectValidationFailed(await put([{ contactMethodId: randomUUID(), delayMinutes: 0 }]))).toEqual(["rules.0.contactMethodId"]);
    expect(await stateOf(person.user.id)).toEqual(before);
  });
});

describe("a person's own, whatever the org", () => {
  it("a member of two orgs has the same methods and rules with either org's token", async () => {
    const person = await anOrgOwner(api.current);
    const other = await anOrgOwner(api.current);
    await addMember(api.current.db, other.org.id, person.user.id, "viewer");
    const inOther = await ok(
      api.current.request<TokenResponse>("POST", "/v1/auth/login", { body: { email: person.email, password: person.password, orgId: other.org.id } }),
      200,
      "login to the other org",
    );
    await aContactMethod(api.current, inOther.accessToken, { type: "email", address: "from-the-other-org@example.com" });
    const mine: ContactMethod[] = await contactMethodsOf(api.current, person.accessToken);
    expect(mine.map((m) => m.address)).toEqual([person.email.toLowerCase(), "from-the-other-org@example.com"]);
    expect(await contactMethodsOf(api.current, inOther.accessToken)).toEqual(mine);
    expect(await getRules(inOther.accessToken)).toEqual(await getRules(person.accessToken));
  });

  it("API keys are refused (403): contact methods belong to people", async () => {
    const owner = await anOrgOwner(api.current);
    const key = await anApiKey(api.current, owner.accessToken, { scope: "write" });
    const before = await stateOf(owner.user.id);
    expectError(await api.current.request("GET", METHODS, { token: key.secret }), 403, "FORBIDDEN");
    expectError(await api.current.request("POST", METHODS, { token: key.secret, body: { type: "email", name: "k", address: "k@example.com" } }), 403, "FORBIDDEN");
    expectError(await api.current.request("GET", RULES, { token: key.secret }), 403, "FORBIDDEN");
    expectError(await api.current.request("PUT", RULES, { token: key.secret, body: { rules: [] } }), 403, "FORBIDDEN");
    expect(await stateOf(owner.user.id)).toEqual(before);
  });
});
