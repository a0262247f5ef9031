import type { Page } from "@playwright/test";
import { expectAccessible, expectScreensAccessible, onPhone, signIn, test, expect, type Account, type Api } from "./support/test";

// Automated accessibility checks (axe, WCAG 2.1 A and AA) on every screen: no serious or critical
// violation. Once at a desktop width, once at 390 px (a phone).

async function seed(api: Api): Promise<{ owner: Account; serviceId: string; incidentId: string; resolvedId: string; policyId: string }> {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Checkout returns 502", "sev1");
  await api.ok("POST", `/v1/incidents/${incident.id}/comment`, { token: owner.accessToken, body: { body: "Looking into it" } });
  // The work around an incident: a task, a status update, an SLA deadline; a resolved one for its postmortem.
  await api.ok("PUT", "/v1/org/sla-policy", { token: owner.accessToken, body: SLA_POLICY });
  const resolved = await api.incident(owner, service.id, "Search index stale", "sev1");
  await api.move(owner, resolved.id, "resolved");
  await api.ok("POST", `/v1/incidents/${incident.id}/tasks`, { token: owner.accessToken, body: { title: "Roll back release 1.42", assigneeId: owner.userId } });
  await api.ok("POST", `/v1/incidents/${incident.id}/status-updates`, { token: owner.accessToken, body: { body: "Checkout is failing for some customers." } });
  const target = await api.ok<{ id: string }>("POST", "/v1/org/notification-targets", {
    token: owner.accessToken,
    body: { name: "ops webhook", type: "webhook", config: { url: "http://127.0.0.1:9/hook" } },
  });
  const policy = await api.ok<{ id: string }>("POST", "/v1/org/escalation-policies", {
    token: owner.accessToken,
    body: { name: "checkout on-call", levels: [{ delaySeconds: 300, targets: [{ type: "user", userId: owner.userId }, { type: "notification_target", targetId: target.id }] }] },
  });
  await api.ok("POST", `/v1/org/services/${service.id}/integrations`, { token: owner.accessToken, body: { name: "Prometheus" } });
  await api.ok("POST", "/v1/org/api-keys", { token: owner.accessToken, body: { name: "grafana", scope: "read" } });
  await api.ok("POST", "/v1/org/invitations", { token: owner.accessToken, body: { email: "new-person@example.com", role: "member" } });
  return { owner, serviceId: service.id, incidentId: incident.id, resolvedId: resolved.id, policyId: policy.id };
}

const SLA_POLICY = {
  sev1: { acknowledgeWithinMinutes: 15, resolveWithinMinutes: 240 },
  sev2: { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 480 },
  sev3: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
  sev4: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
};

const SIGNED_OUT = ["/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=x", "/accept-invitation?token=x"];

async function checkEveryScreen(page: Page, api: Api) {
  for (const path of SIGNED_OUT) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await expectAccessible(page, path);
  }
  const { owner, serviceId, incidentId, resolvedId, policyId } = await seed(api);
  await signIn(page, owner);
  const screens: [string, string][] = [
    ["/incidents", "Incidents"],
    [`/incidents/${incidentId}`, "Checkout returns 502"],
    [`/incidents/${resolvedId}`, "Search index stale"],
    [`/incidents/${resolvedId}/postmortem`, "Search index stale"],
    ["/overview", "Overview"],
    ["/analytics", "Analytics"],
    ["/sla-policy", "SLA policy"],
    ["/services", "Services"],
    [`/services/${serviceId}`, ""],
    ["/escalation-policies", "Escalation policies"],
    ["/escalation-policies/new", "New escalation policy"],
    [`/escalation-policies/${policyId}`, "checkout on-call"],
    ["/notification-targets", "Notification targets"],
    ["/members", "Members"],
    ["/api-keys", "API keys"],
    ["/audit-log", "Audit log"],
    ["/usage", "Usage"],
    ["/profile", "My profile"],
    ["/organisations", "Organisations"],
  ];
  await expectScreensAccessible(page, screens);
  // Dialogs too: the new incident form.
  await page.goto("/incidents");
  await page.getByRole("button", { name: "New incident" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the new incident dialog");
  // Assigning and snoozing an incident, and adding a contact method.
  await page.keyboard.press("Escape");
  await api.move(owner, incidentId, "acknowledged");
  await page.goto(`/incidents/${incidentId}`);
  for (const [button, dialog] of [
    ["Assign", "Assign the incident"],
    ["Snooze", "Snooze the incident"],
  ] as const) {
    await page.getByRole("group", { name: "Incident actions" }).getByRole("button", { name: button }).click();
    await expect(page.getByRole("dialog", { name: dialog })).toBeVisible();
    await expectAccessible(page, `the ${button.toLowerCase()} dialog`);
    await page.keyboard.press("Escape");
  }
  await page.goto("/profile");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("list", { name: "Notification rules" }).getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page, "the notification rules being edited");
  await page.getByRole("button", { name: "Add contact method" }).click();
  await expect(page.getByRole("dialog", { name: "Add a contact method" })).toBeVisible();
  await expectAccessible(page, "the add contact method dialog");
}

// Every screen in one test: three times the usual time on a small, busy machine.
test("every screen at a desktop width", async ({ page, api }) => {
  test.slow();
  await checkEveryScreen(page, api);
});

test("every screen at 390 px", async ({ browser, api }) => {
  test.slow();
  await onPhone(browser, async (page) => {
    await checkEveryScreen(page, api);
    // The navigation lives in a sheet at this width.
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Open navigation" }).click();
    await expect(page.getByRole("dialog").getByRole("link", { name: "Services" })).toBeVisible();
    await expectAccessible(page, "the navigation sheet");
  });
});

test("at 390 px, text without a place to break (a URL, a file name, a long name) never makes a screen wider than the phone", async ({ browser, api }) => {
  const owner = await api.owner("Maximilian-Alexander-Bartholomew-Fitzgerald-Montgomery-Smythe");
  const team = await api.ok<{ id: string }>("POST", "/v1/org/teams", { token: owner.accessToken, body: { name: "payments-platform-reliability-engineering-europe-west" } });
  const service = await api.service(owner, undefined, { teamId: team.id });
  const url = "https://grafana.example.com/d/abcdef123456/checkout-api-latency?orgId=1&var-cluster=prod-eu-west-1&from=now-6h";
  const incident = await api.incident(owner, service.id, `Latency alert ${url}`);
  await api.ok("POST", `/v1/incidents/${incident.id}/comment`, { token: owner.accessToken, body: { body: url } });
  const fileName = "heap-dump-checkout-api-prod-eu-west-1-pod-7c9f8d6b5-x2k4q-2026-12-05T03-14-15Z.hprof.txt";
  const form = new FormData();
  form.append("file", new Blob(["dump"], { type: "text/plain" }), fileName);
  const uploaded = await fetch(`${api.baseUrl}/v1/incidents/${incident.id}/attachments`, { method: "POST", headers: { authorization: `Bearer ${owner.accessToken}` }, body: form });
  expect(uploaded.status).toBe(201);

  await onPhone(browser, async (page) => {
    const widthOf = () => page.evaluate(() => document.documentElement.scrollWidth);
    await signIn(page, owner, "/incidents");
    await expect(page.getByRole("link", { name: /Latency alert/ })).toBeVisible();
    expect(await widthOf(), "the incident list").toBeLessThanOrEqual(390);
    // The list's box clips what is wider than it: the row's last cell (its age) must still be in view.
    const age = await page.locator(`tr[data-incident-id="${incident.id}"] td`).last().boundingBox();
    expect((age?.x ?? Infinity) + (age?.width ?? 0), "the age of the incident in the list").toBeLessThanOrEqual(390);
    await page.goto(`/incidents/${incident.id}`);
    await expect(page.getByRole("list", { name: "Attachments" })).toContainText("heap-dump");
    await expect(page.getByRole("list", { name: "Timeline" })).toContainText("grafana.example.com");
    expect(await widthOf(), "the incident page").toBeLessThanOrEqual(390);
    await page.goto("/analytics");
    await expect(page.getByRole("table", { name: "Incidents by team" })).toContainText("payments-platform");
    expect(await widthOf(), "analytics").toBeLessThanOrEqual(390);
  });
});

test("with the keyboard, an incident's action leaves the focus on its next action, not at the top of the page", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Queue is backing up");
  await signIn(page, owner, `/incidents/${incident.id}`);
  const actions = page.getByRole("group", { name: "Incident actions" });
  await actions.getByRole("button", { name: "Acknowledge" }).focus();
  await page.keyboard.press("Enter");
  await expect(actions.getByRole("button", { name: "Mitigate" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(actions.getByRole("button", { name: "Resolve" })).toBeFocused();
});
