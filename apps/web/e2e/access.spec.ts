import { expect, signIn, test } from "./support/test";

// Roles and tenancy as the browser sees them; the API enforces both whatever the page shows.

test("a viewer sees no action buttons, and the API refuses the actions anyway", async ({ page, api }) => {
  const owner = await api.owner();
  const viewer = await api.memberOf(owner, "viewer", "Vera Viewer");
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Disk full on db-1");

  await signIn(page, viewer, `/incidents/${incident.id}`);
  await expect(page.getByRole("heading", { name: "Disk full on db-1" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" })).toBeVisible();
  for (const name of ["Acknowledge", "Mitigate", "Resolve", "Assign", "Snooze", "Escalate", "Comment"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByLabel("Comment")).toHaveCount(0);

  await page.goto("/incidents");
  await expect(page.getByRole("link", { name: "Disk full on db-1" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New incident" })).toHaveCount(0);
  // No selection for bulk actions (the "Assigned to me" filter is anyone's).
  await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Selected incidents" })).toHaveCount(0);
  // Admin areas are not offered.
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);

  // The API refuses the viewer whatever a client shows.
  const token = viewer.accessToken;
  for (const [path, body] of [
    [`/v1/incidents/${incident.id}/transition`, { toStatus: "acknowledged", version: incident.version }],
    [`/v1/incidents/${incident.id}/comment`, { body: "I should not be able to" }],
    [`/v1/incidents/${incident.id}/escalate`, {}],
    [`/v1/incidents/${incident.id}/assign`, { userIds: [viewer.userId], version: incident.version }],
  ] as const) {
    const res = await api.call("POST", path, { token, body });
    expect(res.status, path).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN");
  }
  const still = await api.ok<{ status: string; version: number }>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken });
  expect(still).toMatchObject({ status: "triggered", version: 1 });
});

test("another organisation's incident URL shows not found", async ({ page, api }) => {
  const other = await api.owner("Other Owner");
  const otherService = await api.service(other);
  const foreign = await api.incident(other, otherService.id, "Someone else's secret incident");
  const me = await api.owner();

  await signIn(page, me, `/incidents/${foreign.id}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("Someone else's secret incident")).toHaveCount(0);
  await page.goto("/incidents/not-even-an-id");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto("/no/such/screen");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a link to an incident of another of my organisations: the not-found page offers to look there, and switching shows it", async ({ page, api }) => {
  const ada = await api.owner();
  const night = await api.ok<{ id: string; name: string }>("POST", "/v1/orgs", { token: ada.accessToken, body: { name: "Night shift" } });
  const there = await api.ok<{ accessToken: string }>("POST", "/v1/auth/login", { body: { email: ada.email, password: ada.password, orgId: night.id } });
  const inNight = { ...ada, accessToken: there.accessToken };
  const service = await api.service(inNight);
  const incident = await api.incident(inNight, service.id, "Payments fail at night");

  await signIn(page, ada, `/incidents/${incident.id}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.getByRole("button", { name: "Switch to Night shift" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payments fail at night");
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.id}$`));
});
