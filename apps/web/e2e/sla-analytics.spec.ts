import { readFile } from "node:fs/promises";
import { formatDuration } from "../src/lib/format";
import { expect, signIn, test, type Account, type Api } from "./support/test";

// SLA targets and warnings set on screen and the deadlines they give incidents; the Analytics dashboard and the
// Overview showing the API's figures for a seeded set of incidents.

interface Due {
  id: string;
  acknowledgeDueAt: string | null;
  resolveDueAt: string | null;
}

test("an admin sets the SLA policy and a service's own targets; incidents show their deadlines counting down", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner, "payments");
  await signIn(page, owner, "/sla-policy");
  await expect(page.getByRole("heading", { level: 1, name: "SLA policy" })).toBeVisible();
  await page.getByLabel("SEV1: acknowledge within (minutes)").fill("15");
  await page.getByLabel("SEV1: resolve within (minutes)").fill("240");
  await page.getByRole("button", { name: "Save SLA policy" }).click();
  await expect(page.getByText("SLA policy saved")).toBeVisible();
  const policy = await api.ok<{ sev1: { acknowledgeWithinMinutes: number; resolveWithinMinutes: number } }>("GET", "/v1/org/sla-policy", { token: owner.accessToken });
  expect(policy.sev1).toEqual({ acknowledgeWithinMinutes: 15, resolveWithinMinutes: 240 });

  // An incident opened now is due for acknowledgement in 15 minutes.
  const incident = await api.incident(owner, service.id, "Card payments failing", "sev1");
  const due = await api.ok<Due>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken });
  expect(due.acknowledgeDueAt).not.toBeNull();
  await page.goto(`/incidents/${incident.id}`);
  const ack = page.locator('[data-sla-kind="acknowledge"]');
  await expect(ack).toHaveAttribute("data-sla-state", "running");
  await expect(ack).toContainText(/1[45]m \d\ds left/);
  await expect(ack.locator("time")).toHaveAttribute("datetime", due.acknowledgeDueAt ?? "");
  await expect(page.locator('[data-sla-kind="resolve"]')).toContainText(/[34]h \d\dm left/);
  await page.goto("/incidents");
  await expect(page.locator("tr", { hasText: "Card payments failing" }).locator('[data-sla="running"]').filter({ visible: true })).toContainText(/Ack in 1[45]m/);

  // The service gets targets of its own: its next incident is due sooner.
  await page.goto(`/services/${service.id}`);
  await page.getByRole("button", { name: "Set targets for this service" }).click();
  await page.getByLabel("SEV1: acknowledge within (minutes)").fill("5");
  await page.getByRole("button", { name: "Save service targets" }).click();
  await expect(page.getByText("This service has targets of its own")).toBeVisible();
  const next = await api.incident(owner, service.id, "Refunds failing", "sev1");
  const nextDue = await api.ok<Due & { triggeredAt: string }>("GET", `/v1/incidents/${next.id}`, { token: owner.accessToken });
  expect(Date.parse(nextDue.acknowledgeDueAt ?? "") - Date.parse(nextDue.triggeredAt)).toBe(5 * 60_000);
  await page.goto(`/incidents/${next.id}`);
  await expect(page.locator('[data-sla-kind="acknowledge"]')).toContainText(/[45]m \d\ds left/);
});

test("a policy that warns is kept; a SEV1 incident's acknowledge deadline turns urgent when the worker records it at risk", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner, "payments");
  await signIn(page, owner, "/sla-policy");
  const acknowledgeWithin = page.getByLabel("SEV1: acknowledge within (minutes)");
  const warnAt = page.getByLabel("Warn when this much of the time has passed");
  await acknowledgeWithin.fill("1");
  await warnAt.fill("0");
  await page.getByRole("button", { name: "Save SLA policy" }).click();
  await expect(page.getByText("A whole percentage from 1 to 99, or empty for no warning")).toBeVisible();
  // 20% of a minute: the warning is due 12 s after the trigger (without it, a 1-minute deadline is urgent throughout).
  await warnAt.fill("20");
  await expect(page.getByText("20%: 48m before a 1h target")).toBeVisible();
  await page.getByRole("button", { name: "Save SLA policy" }).click();
  await expect(page.getByText("SLA policy saved")).toBeVisible();
  await page.reload();
  await expect(warnAt).toHaveValue("20");
  await expect(acknowledgeWithin).toHaveValue("1");
  const policy = await api.ok<{ warnAtPercent: number | null }>("GET", "/v1/org/sla-policy", { token: owner.accessToken });
  expect(policy.warnAtPercent).toBe(20);
  await page.goto(`/services/${service.id}`);
  await expect(page.getByRole("list", { name: "SLA targets in force" })).toContainText("Warns at 20% of each deadline's time");

  const incident = await api.incident(owner, service.id, "Card payments failing", "sev1");
  await page.goto(`/incidents/${incident.id}`);
  const ack = page.locator('[data-sla-kind="acknowledge"]');
  await expect(ack).toHaveAttribute("data-sla-state", "running");
  await expect(ack).toHaveAttribute("data-sla-urgent", "false");
  await expect(page.getByText(/The acknowledge SLA is at risk: due/)).toBeVisible({ timeout: 25_000 });
  await expect(ack).toHaveAttribute("data-sla-urgent", "true");

  // The list narrowed to the incidents at risk.
  await api.incident(owner, service.id, "Disk filling slowly", "sev4");
  await page.goto("/incidents");
  await expect(page.getByRole("link", { name: "Disk filling slowly" })).toBeVisible();
  await page.getByRole("combobox", { name: "SLA" }).click();
  await page.getByRole("option", { name: "SLA at risk" }).click();
  await expect(page).toHaveURL(/sla=at_risk/);
  await expect(page.getByRole("link", { name: "Card payments failing" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Disk filling slowly" })).toHaveCount(0);

  // The Overview counts it, and leads to the same list.
  await page.goto("/overview");
  await page.getByRole("link", { name: "1 open incidents with an SLA at risk" }).click();
  await expect(page).toHaveURL(/\/incidents\?sla=at_risk/);
});

interface Totals {
  count: number;
  acknowledged: number;
  resolved: number;
  mtta: { mean: number | null };
  mttr: { mean: number | null };
}

/** Sets the person's time zone (days are read in it), returning it. */
async function livesIn(api: Api, account: Account, timeZone: string): Promise<string> {
  await api.ok("PATCH", "/v1/users/me", { token: account.accessToken, body: { timeZone } });
  return timeZone;
}

/** Four incidents: one acknowledged then resolved, one acknowledged, one untouched, one SEV1 on another service (of the team Discovery). */
async function seedIncidents(api: Api, owner: Account) {
  const checkout = await api.service(owner, "checkout");
  const discovery = await api.ok<{ id: string }>("POST", "/v1/org/teams", { token: owner.accessToken, body: { name: "Discovery" } });
  const search = await api.service(owner, "search", { teamId: discovery.id });
  const fixed = await api.incident(owner, checkout.id, "Checkout returns 502");
  await api.move(owner, fixed.id, "acknowledged");
  await api.move(owner, fixed.id, "resolved");
  const seen = await api.incident(owner, checkout.id, "Slow cart page");
  await api.move(owner, seen.id, "acknowledged");
  await api.incident(owner, checkout.id, "Flaky health check", "sev3");
  await api.incident(owner, search.id, "Search index stale", "sev1");
}

test("Analytics shows the API's figures for the seeded incidents, by severity and responder, and exports them as CSV", async ({ page, api }) => {
  const owner = await api.owner();
  await seedIncidents(api, owner);
  const timeZone = await livesIn(api, owner, "Asia/Tokyo");
  const { totals } = await api.ok<{ totals: Totals }>("GET", `/v1/analytics/incidents?groupBy=severity&timeZone=${encodeURIComponent(timeZone)}`, { token: owner.accessToken });
  expect(totals).toMatchObject({ count: 4, acknowledged: 2, resolved: 1 });
  expect(totals.mtta.mean).not.toBeNull();

  await signIn(page, owner, "/analytics");
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  const kpi = (name: string) => page.locator(`[data-kpi="${name}"]`);
  await expect(kpi("incidents").locator("[data-kpi-value]")).toHaveText("4");
  await expect(kpi("incidents")).toContainText("2 acknowledged · 1 resolved");
  await expect(kpi("mtta").locator("[data-kpi-value]")).toHaveText(formatDuration((totals.mtta.mean ?? 0) * 1000));
  await expect(kpi("mttr").locator("[data-kpi-value]")).toHaveText(formatDuration((totals.mttr.mean ?? 0) * 1000));
  await expect(kpi("mtta")).toContainText(/p50 .* · p90 .* · p95 /);
  await expect(page.locator('tr[data-severity="sev1"] td').nth(1)).toHaveText("1");
  await expect(page.locator('tr[data-severity="sev2"] td').nth(1)).toHaveText("2");
  await expect(page.getByRole("table", { name: "Incidents by service" })).toContainText("checkout");
  const byTeam = page.getByRole("table", { name: "Incidents by team" });
  await expect(byTeam.getByRole("row", { name: /Discovery/ })).toContainText("1");
  await expect(byTeam.getByRole("row", { name: /No team/ })).toContainText("3");
  const responder = page.locator(`tr[data-responder="${owner.userId}"]`);
  await expect(responder).toContainText("Ada Lovelace");
  await expect(responder.locator("td").nth(2)).toHaveText("2");

  const saved = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = await readFile(await (await saved).path(), "utf8");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toContain("mtta_mean_seconds");
  expect(rows).toHaveLength(30);

  // One team's incidents, then all again.
  await page.getByRole("combobox", { name: "Team" }).click();
  await page.getByRole("option", { name: "Discovery" }).click();
  await expect(page).toHaveURL(/teamId=/);
  await expect(kpi("incidents").locator("[data-kpi-value]")).toHaveText("1");
  await page.getByRole("combobox", { name: "Team" }).click();
  await page.getByRole("option", { name: "All teams" }).click();
  await expect(kpi("incidents").locator("[data-kpi-value]")).toHaveText("4");

  // Per week, then a custom range the API would refuse.
  await page.getByRole("combobox", { name: "Group by" }).click();
  await page.getByRole("option", { name: "Per week" }).click();
  await expect(page).toHaveURL(/groupBy=week/);
  await expect(page.getByText("p50 and p90 per week").first()).toBeVisible();
  await expect(kpi("incidents").locator("[data-kpi-value]")).toHaveText("4");
  await page.getByRole("combobox", { name: "Period" }).click();
  await page.getByRole("option", { name: "Custom range" }).click();
  await expect(page.getByLabel("From", { exact: true })).toBeVisible();
  await expect(kpi("incidents").locator("[data-kpi-value]")).toHaveText("4");
  await page.getByLabel("To", { exact: true }).fill("2020-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "The end date is before the start date" })).toBeVisible();
  await expect(page.locator("[data-kpi]")).toHaveCount(0);
});

test("the Overview shows the last 30 days from the analytics API: mean times and incidents per day", async ({ page, api }) => {
  const owner = await api.owner();
  await seedIncidents(api, owner);
  const timeZone = await livesIn(api, owner, "Asia/Tokyo");
  const answer = await api.ok<{ totals: Totals; groups: { key: string; count: number }[] }>("GET", `/v1/analytics/incidents?groupBy=day&timeZone=${encodeURIComponent(timeZone)}`, {
    token: owner.accessToken,
  });
  const today = answer.groups.at(-1);
  expect(today?.count).toBe(4);

  await signIn(page, owner, "/overview");
  const mtta = page.locator("[data-slot=card]", { hasText: "Mean time to acknowledge" });
  await expect(mtta).toContainText(formatDuration((answer.totals.mtta.mean ?? 0) * 1000));
  const perDay = page.getByRole("table", { name: "Incidents opened per day" });
  await expect(perDay.locator("tbody tr")).toHaveCount(answer.groups.length);
  await expect(perDay.locator("tr", { hasText: today?.key ?? "" })).toContainText("4");
});
