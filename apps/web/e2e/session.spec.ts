import { nextAccessTokenExpired } from "./support/tokens";
import { expect, signIn, test } from "./support/test";

// The browser's session: the refresh token never within reach of scripts, the access token
// renewed without the person noticing, and an ended session back to sign-in and to the page.

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
  await page.route(`**/trpc/**`, async (route) => {
    // Before the page's first call, the session is ended elsewhere (signed out on another device).
    const refreshToken = (await context.cookies()).find((c) => c.name === "incidentops_refresh")?.value;
    if (refreshToken !== undefined) await api.call("POST", "/v1/auth/logout", { body: { refreshToken } });
    await route.fallback();
  }, { times: 1 });
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
