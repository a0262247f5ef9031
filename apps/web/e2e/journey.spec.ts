import { expect, losingFirstAnswer, signIn, test, unique } from "./support/test";

// The responder's path, from nothing: sign up, create a service, open an incident, acknowledge it
// from the list, then comment and resolve from its page; and what a stale page does.

test("sign up, create a service, open an incident, acknowledge it from the list, comment and resolve it from its page", async ({ page }) => {
  const email = `${unique("ada")}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByLabel("Organisation").fill("Analytical Engines");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/services$/);
  await page.getByRole("button", { name: "New service" }).click();
  await page.getByLabel("Name").fill("checkout-api");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByRole("heading", { name: "checkout-api" })).toBeVisible();

  await page.getByRole("button", { name: "New incident" }).click();
  await page.getByLabel("Title").fill("Checkout returns 502");
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page.getByRole("heading", { name: "Checkout returns 502" })).toBeVisible();
  await expect(page.getByText("Triggered").first()).toBeVisible();

  await page.getByRole("link", { name: "Incidents" }).first().click();
  await page.getByRole("checkbox", { name: "Select Checkout returns 502" }).check();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  const row = page.locator("tr", { has: page.getByRole("link", { name: "Checkout returns 502" }) });
  await expect(row.getByText("Acknowledged").filter({ visible: true })).toBeVisible();
  await expect(page.getByRole("tab", { name: /Acknowledged/ })).toContainText("1");

  await page.getByRole("link", { name: "Checkout returns 502" }).click();
  await page.getByLabel("Comment").fill("Rolling back release 1.42");
  await page.getByRole("button", { name: "Comment" }).click();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("Ada Lovelace commented");
  await expect(timeline).toContainText("Rolling back release 1.42");

  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("group", { name: "Incident actions" })).toBeHidden();
  await expect(timeline.locator("li").last()).toContainText("Ada Lovelace changed the status");
  await expect(timeline.locator("li").last()).toContainText("Resolved");
  // Newest last: opened, acknowledged, commented, resolved.
  await expect(timeline.locator("li")).toHaveCount(4);
});

test("an action on a stale incident shows its latest state and what changed, never a raw conflict", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Queue is backing up");
  // This page hears nothing live, so it still shows version 1 when the person acts.
  await page.route("**/trpc/live.incidents**", (route) => route.abort());
  await signIn(page, owner, `/incidents/${incident.id}`);
  await expect(page.getByRole("button", { name: "Acknowledge" })).toBeVisible();

  await api.ok("POST", `/v1/incidents/${incident.id}/transition`, { token: owner.accessToken, body: { toStatus: "acknowledged", version: incident.version } });

  await page.getByRole("button", { name: "Resolve" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "changed while you were looking" });
  await expect(alert).toContainText("its status changed from triggered to acknowledged");
  await expect(alert).toContainText("Your Resolve was not applied");
  // The status code as a word of its own: the fixtures' names carry Date.now(), whose digits may hold "409".
  await expect(page.getByText(/\b409\b/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Acknowledge" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Mitigate" })).toBeVisible();
});

test("the list shows 50 incidents, newest first, and the next ones by cursor with Load more; filters and tabs narrow it", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner, "payments");
  for (let n = 1; n <= 53; n++) await api.incident(owner, service.id, `Incident ${String(n).padStart(2, "0")}`, n % 2 === 0 ? "sev1" : "sev3");
  await signIn(page, owner);
  const titles = page.locator("tbody tr a");
  await expect(titles).toHaveCount(50);
  await expect(titles.first()).toHaveText("Incident 53");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(titles).toHaveCount(53);
  await expect(titles.last()).toHaveText("Incident 01");
  await expect(page.getByRole("button", { name: "Load more" })).toBeHidden();

  await page.getByRole("combobox", { name: "Severity" }).click();
  await page.getByRole("option", { name: "SEV1" }).click();
  await expect(titles).toHaveCount(26);
  await expect(page).toHaveURL(/severity=sev1/);
  await expect(page.getByRole("tab", { name: /Triggered/ })).toContainText("26");
  await page.getByRole("tab", { name: /Resolved/ }).click();
  await expect(page.getByText("None with this status and these filters.")).toBeVisible();
});

test("an answer this build of the app does not know says to reload, and the reload shows the page", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Answered by another version");
  // An API of another version: the incident's status is one this build does not know.
  let anotherVersion = true;
  await page.route(/\/trpc\/[^?]*incidents\.get/, async (route) => {
    const response = await route.fetch();
    const paths = new URL(route.request().url()).pathname.replace("/trpc/", "").split(",");
    const answers = (await response.json()) as { result?: { data?: Record<string, unknown> } }[];
    const answer = answers[paths.indexOf("incidents.get")]?.result?.data;
    if (anotherVersion && answer !== undefined) answer.status = "on-fire";
    await route.fulfill({ response, json: answers });
  });
  await signIn(page, owner);
  await page.goto(`/incidents/${incident.id}`);

  const alert = page.getByRole("alert").filter({ hasText: "The incident could not be loaded" });
  await expect(alert).toContainText("This page and the server are of different versions: reload the page.");
  await expect(page.getByText("on-fire")).toHaveCount(0);
  anotherVersion = false;
  await alert.getByRole("button", { name: "Reload the page" }).click();
  await expect(page.getByRole("heading", { name: "Answered by another version" })).toBeVisible();
  await expect(page.getByText("Triggered").first()).toBeVisible();
  // A read still in the route when the test ends must not fail the next one (its response is gone).
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("opening an incident again after its answer was lost opens no second one: the same key answers the first", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner, unique("search"));
  const keys = await losingFirstAnswer(page, /\/trpc\/incidents\.create/);
  await signIn(page, owner, `/services/${service.id}`);
  await page.getByRole("button", { name: "New incident" }).click();
  await page.getByLabel("Title").fill("Search is timing out");
  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page.getByRole("dialog")).toContainText("could not be reached");

  await page.getByRole("button", { name: "Open incident" }).click();
  await expect(page.getByRole("heading", { name: "Search is timing out" })).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);
  const opened = await api.ok<{ items: { id: string }[] }>("GET", `/v1/incidents?serviceId=${service.id}`, { token: owner.accessToken });
  expect(opened.items).toHaveLength(1);
  expect(page.url()).toContain(opened.items[0]?.id);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});
