import type { Page } from "@playwright/test";
import { nextAccessTokenExpired } from "./support/tokens";
import { expect, expectAccessible, signIn, test } from "./support/test";

// The browser's session: the refresh token never within reach of scripts, the access token
// renewed without the person noticing, an ended session back to sign-in and to the page, and a
// session the API cannot check for now (an outage) waited for in sight, never as a blank page.

/**
 * The session check the app starts with (its first renewal) answered with a 503, as the API
 * answers while its database is out, for as long as `down` says so; `tries` counts them.
 */
async function sessionCheckDown(page: Page, retryAfterSeconds: number) {
  const check = { down: true, tries: 0 };
  await page.route("**/v1/auth/session/refresh", async (route) => {
    if (!check.down) return route.fallback();
    check.tries++;
    return route.fulfill({
      status: 503,
      headers: { "retry-after": String(retryAfterSeconds) },
      json: { code: "SERVICE_UNAVAILABLE", message: "The database is unavailable: retry after the Retry-After seconds", traceId: "e2e", details: { retryAfterSeconds } },
    });
  });
  return check;
}

test("the refresh token is unreadable from page scripts: an httpOnly, SameSite=Strict cookie scoped to the session routes", async ({ page, context, api }) => {
  const owner = await api.owner();
  await signIn(page, owner);
  const cookie = (await context.cookies()).find((c) => c.name === "incidentops_refresh");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/v1/auth/session" });
  const value = cookie?.value ?? "";
  expect(value.length).toBeGreaterThan(20);

  const seen = await page.evaluate(async () => {
    const res = await fetch("/v1/auth/session/refresh", { method: "POST", headers: { "x-incidentops-csrf": "1", "content-type": "application/json" }, body: "{}" });
    return {
      cookie: document.cookie,
      storage: [localStorage, sessionStorage].flatMap((store) => Object.keys(store).map((key) => `${key}=${store.getItem(key) ?? ""}`)).join("\n"),
      refreshAnswer: await res.text(),
    };
  });
  expect(seen.cookie).not.toContain("incidentops_refresh");
  expect(seen.storage).not.toContain(value);
  expect(seen.refreshAnswer).not.toContain("refreshToken");
  const rotated = (await context.cookies()).find((c) => c.name === "incidentops_refresh")?.value;
  expect(seen.refreshAnswer).not.toContain(rotated ?? "missing");
});

test("an expired access token is renewed silently: the page loads as if nothing happened", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  await api.incident(owner, service.id, "Renewal check");
  const refused: string[] = [];
  const renewals: number[] = [];
  page.on("response", (res) => {
    if (res.url().includes("/trpc/") && res.status() === 401) refused.push(res.url());
    if (res.url().endsWith("/v1/auth/session/refresh")) renewals.push(res.status());
  });
  await nextAccessTokenExpired(page);
  await signIn(page, owner);
  await expect(page.getByRole("link", { name: "Renewal check" })).toBeVisible();
  await expect(page).toHaveURL(/\/incidents$/);
  expect(refused.length).toBeGreaterThan(0);
  expect(renewals).toContain(200);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
});

test("an ended session goes back to sign-in, and back to the page after signing in", async ({ page, context, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Where was I?");
  await nextAccessTokenExpired(page);
  // Before the page's first call, the session is ended elsewhere (signed out on another device).
  // Every call waits for that: a second call sent beside the first must not meet a 401 and renew
  // the session while it is still being ended.
  let ended: Promise<unknown> | undefined;
  await page.route(`**/trpc/**`, async (route) => {
    ended ??= context.cookies().then((cookies) => {
      const refreshToken = cookies.find((c) => c.name === "incidentops_refresh")?.value;
      return refreshToken === undefined ? undefined : api.call("POST", "/v1/auth/logout", { body: { refreshToken } });
    });
    await ended;
    await route.fallback();
  });
  await page.goto(`/sign-in?redirect=${encodeURIComponent(`/incidents/${incident.id}`)}`);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  // The page's first call meets an expired token, and the renewal a session that has ended.
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await expect(page.getByText("Your session has ended")).toBeVisible();
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.id}$`));
  await expect(page.getByRole("heading", { name: "Where was I?" })).toBeVisible();
});

test("while the API cannot check the session, the app says it is connecting and when it tries next; once the API answers, the page opens without a reload", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Still there?");
  await signIn(page, owner);
  // Its Retry-After is longer than the longest pause: each try waits 15 s.
  const check = await sessionCheckDown(page, 60);
  await page.goto(`/incidents/${incident.id}`);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  const status = page.getByRole("status").filter({ hasText: "Connecting to IncidentOps…" });
  // Told as a person needs it, not the API's "retry after the Retry-After seconds".
  await expect(status).toContainText("The server is unavailable for a moment: try again in a few seconds.");
  await expect(status).toContainText(/Next try at \d{1,2}:\d{2}:\d{2}/);
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expectAccessible(page, "the app connecting");
  // "Try now" tries at once, not in 15 s.
  await page.getByRole("button", { name: "Try now" }).click();
  await expect.poll(() => check.tries).toBe(2);
  await expect(status).toContainText("Next try at");

  check.down = false;
  await page.getByRole("button", { name: "Try now" }).click();
  await expect(page.getByRole("heading", { name: "Still there?" })).toBeVisible({ timeout: 10_000 });
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.id}$`));
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
});

test("when the tries run out, the app says the server cannot be reached (not the sign-in form: the session may be valid) and tries again on demand", async ({ page, api }) => {
  const owner = await api.owner();
  await signIn(page, owner);
  // No pause between tries: they run out at once.
  const check = await sessionCheckDown(page, 0);
  await page.reload();

  await expect(page.getByRole("heading", { name: "IncidentOps cannot be reached" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Your session could not be checked" })).toContainText("The server is unavailable for a moment");
  expect(check.tries).toBe(6);
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expectAccessible(page, "the server out of reach");

  check.down = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
  await expect(page).toHaveURL(/\/incidents$/);
});
