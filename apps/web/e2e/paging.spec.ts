import { expect, signIn, test } from "./support/test";

// Who owns an incident and how people are paged: assigning and snoozing from the incident page,
// the "Assigned to me" filter, and a person's contact methods and notification rules.

test("a member assigns an incident to themselves, snoozes it once acknowledged, and finds it under Assigned to me", async ({ page, api }) => {
  const owner = await api.owner();
  const grace = await api.memberOf(owner, "member", "Grace Hopper");
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Disk almost full on db-1", "sev2");
  await api.incident(owner, service.id, "Someone else's problem", "sev3");
  await signIn(page, grace, `/incidents/${incident.id}`);
  const actions = page.getByRole("group", { name: "Incident actions" });
  await expect(actions.getByRole("button", { name: "Snooze" })).toHaveCount(0);

  await actions.getByRole("button", { name: "Assign" }).click();
  const assign = page.getByRole("dialog", { name: "Assign the incident" });
  for (const box of await assign.getByRole("checkbox", { checked: true }).all()) await box.click();
  await assign.getByRole("checkbox", { name: "Grace Hopper" }).click();
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("assignees")).toHaveText("Assigned to Grace Hopper");

  await actions.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.locator("main header")).toContainText("Acknowledged");
  await actions.getByRole("button", { name: "Snooze" }).click();
  const snooze = page.getByRole("dialog", { name: "Snooze the incident" });
  await snooze.getByLabel("Minutes").fill("0");
  await snooze.getByRole("button", { name: "Snooze" }).click();
  await expect(snooze.getByRole("alert")).toHaveText("Give whole minutes from 1 to 1440");
  await snooze.getByLabel("Minutes").fill("30");
  await snooze.getByRole("button", { name: "Snooze" }).click();
  await expect(page.locator("main header")).toContainText("snoozed until");
  const saved = await api.ok<{ status: string; snoozedUntil: string | null; assignees: { id: string }[] }>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken });
  expect(saved.status).toBe("acknowledged");
  expect(saved.assignees.map((a) => a.id)).toEqual([grace.userId]);
  expect(Date.parse(saved.snoozedUntil ?? "") - Date.now()).toBeGreaterThan(25 * 60_000);

  await page.goto("/incidents");
  await expect(page.getByRole("link", { name: "Someone else's problem" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Assigned to me" }).click();
  await expect(page).toHaveURL(/assignedTo=me/);
  await expect(page.getByRole("link", { name: "Disk almost full on db-1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Someone else's problem" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Assigned to me" })).toBeChecked();
  await expect(page.getByRole("link", { name: "Someone else's problem" })).toHaveCount(0);
});

test("a person adds contact methods, is told when SMS is not available, pages themselves through a rule, and deletes a method", async ({ page, api }) => {
  const owner = await api.owner();
  await signIn(page, owner, "/profile");
  const methods = page.getByRole("list", { name: "Contact methods" });
  await expect(methods).toContainText(owner.email);

  await page.getByRole("button", { name: "Add contact method" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a contact method" });
  await dialog.getByRole("combobox", { name: "Type" }).click();
  await page.getByRole("option", { name: "SMS" }).click();
  await dialog.getByLabel("Name").fill("Work phone");
  await dialog.getByLabel("Phone number").fill("+14155550100");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  const refused = await api.call("POST", "/v1/users/me/contact-methods", { token: owner.accessToken, body: { type: "sms", name: "Work phone", address: "+14155550100" } });
  expect(refused.status).toBe(400);
  await expect(dialog.getByRole("alert")).toContainText((refused.body as { message: string }).message);

  await dialog.getByRole("combobox", { name: "Type" }).click();
  await page.getByRole("option", { name: "Email" }).click();
  await dialog.getByLabel("Name").fill("Pager inbox");
  await dialog.getByLabel("Email address").fill("pager@example.com");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(methods).toContainText("pager@example.com");

  const rules = page.getByRole("list", { name: "Notification rules" });
  await page.getByRole("button", { name: "Add rule" }).click();
  const last = rules.getByRole("listitem").last();
  await last.getByRole("combobox").click();
  await page.getByRole("option", { name: /Pager inbox/ }).click();
  await last.getByLabel("After (minutes)").fill("10");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Notification rules saved")).toBeVisible();
  const listed = await api.ok<{ items: { id: string; name: string }[] }>("GET", "/v1/users/me/contact-methods", { token: owner.accessToken });
  const inbox = listed.items.find((m) => m.name === "Pager inbox");
  const stored = await api.ok<{ rules: { contactMethodId: string; delayMinutes: number }[] }>("GET", "/v1/users/me/notification-rules", { token: owner.accessToken });
  expect(stored.rules).toContainEqual({ contactMethodId: inbox?.id, delayMinutes: 10 });

  await page.getByLabel("Minutes before a shift").fill("30");
  await page.getByRole("button", { name: "Save reminder" }).click();
  await expect(page.getByText("You will be reminded 30 minutes before each shift")).toBeVisible();

  await methods.getByRole("button", { name: "Delete Pager inbox" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(methods).not.toContainText("pager@example.com");
  const after = await api.ok<{ rules: { contactMethodId: string }[] }>("GET", "/v1/users/me/notification-rules", { token: owner.accessToken });
  expect(after.rules.map((r) => r.contactMethodId)).not.toContain(inbox?.id);
});

test("an escalation level pages whoever is on call on a schedule and a team's managers", async ({ page, api }) => {
  const owner = await api.owner();
  const team = await api.ok<{ id: string }>("POST", "/v1/org/teams", { token: owner.accessToken, body: { name: "Payments" } });
  const schedule = await api.ok<{ id: string }>("POST", "/v1/org/schedules", {
    token: owner.accessToken,
    body: {
      name: "Support",
      timeZone: "UTC",
      layers: [{ name: "Days", start: "2026-01-01T00:00:00Z", rotationStart: "2026-01-01T09:00:00Z", rotation: { unit: "week", length: 1 }, participants: [owner.userId] }],
    },
  });
  await signIn(page, owner, "/escalation-policies/new");
  await page.getByLabel("Name").first().fill("payments paging");
  const add = page.getByRole("combobox", { name: "Add someone to level 1" });
  await add.click();
  await page.getByRole("option", { name: "On call: Support" }).click();
  await add.click();
  await page.getByRole("option", { name: "Payments: managers" }).click();
  await expect(page.getByRole("button", { name: "Remove Payments: managers" })).toBeVisible();
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Saved payments paging")).toBeVisible();
  const policies = await api.ok<{ items: { name: string; levels: { targets: unknown[] }[] }[] }>("GET", "/v1/org/escalation-policies", { token: owner.accessToken });
  expect(policies.items.find((p) => p.name === "payments paging")?.levels[0]?.targets).toEqual([
    { type: "schedule", scheduleId: schedule.id },
    { type: "team", teamId: team.id, role: "manager" },
  ]);
});

test("an admin sets a service's acknowledgement timeout and the severities it pages for, and turns both off again", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  await signIn(page, owner, `/services/${service.id}`);
  const timeout = page.getByLabel("Acknowledgement timeout (minutes)");
  const pagesFor = page.getByRole("combobox", { name: "Pages for" });
  await timeout.fill("2000");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("From 1 to 1440 minutes")).toBeVisible();
  await timeout.fill("15");
  await pagesFor.click();
  await page.getByRole("option", { name: "SEV2 and more severe" }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Service saved")).toBeVisible();
  const read = () => api.ok<{ ackTimeoutMinutes: number | null; pageMinSeverity: string | null }>("GET", `/v1/org/services/${service.id}`, { token: owner.accessToken });
  expect(await read()).toMatchObject({ ackTimeoutMinutes: 15, pageMinSeverity: "sev2" });
  await timeout.fill("");
  await pagesFor.click();
  await page.getByRole("option", { name: "Every severity" }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(read).toMatchObject({ ackTimeoutMinutes: null, pageMinSeverity: null });
});

test("a contact method deleted after it paged: the incident's deliveries still show the page through it, masked and marked deleted, and the pending one cancelled", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const [account] = (await api.ok<{ items: { id: string }[] }>("GET", "/v1/users/me/contact-methods", { token: owner.accessToken })).items;
  // Nothing listens there: the page through it is pending a retry when it is deleted.
  const hook = await api.ok<{ id: string }>("POST", "/v1/users/me/contact-methods", {
    token: owner.accessToken,
    body: { type: "webhook", name: "Pager hook", address: "http://127.0.0.1:9/hook" },
  });
  await api.ok("PUT", "/v1/users/me/notification-rules", {
    token: owner.accessToken,
    body: { rules: [{ contactMethodId: account?.id, delayMinutes: 0 }, { contactMethodId: hook.id, delayMinutes: 0 }] },
  });
  const incident = await api.incident(owner, service.id, "Queue backs up");
  await api.ok("POST", `/v1/incidents/${incident.id}/assign`, { token: owner.accessToken, body: { userIds: [owner.userId], version: incident.version } });
  await signIn(page, owner, `/incidents/${incident.id}`);
  const deliveries = page.getByRole("list", { name: "Notification deliveries" });
  const throughHook = deliveries.getByRole("listitem").filter({ hasText: "via Pager hook" });
  await expect(throughHook).toContainText("via Pager hook (http://127.0.0.1:9/****)");
  await expect(throughHook).toContainText("pending");

  await api.ok("DELETE", `/v1/users/me/contact-methods/${hook.id}`, { token: owner.accessToken });
  await expect(throughHook).toContainText("via Pager hook (http://127.0.0.1:9/****) (deleted)");
  await expect(throughHook).toContainText("cancelled");
  await expect(throughHook).toContainText("not sent: the contact method was deleted");
  await expect(throughHook).toHaveCount(1);
});
