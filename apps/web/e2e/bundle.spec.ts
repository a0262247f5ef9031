import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./support/test";

// The bundle budget: the JavaScript a first page load fetches, gzipped, stays under 300 KB, for
// the sign-in screen and for the incident list of a signed-in person (each screen is its own chunk).

const BUDGET_BYTES = 300 * 1024;

/** Records every script the page fetches from now on; `total()` is their gzipped size once all are read. */
function recordScripts(page: Page) {
  const sizes: Promise<number>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") sizes.push(res.body().then((body) => gzipSync(body, { level: 9 }).length));
  });
  return {
    count: () => sizes.length,
    total: async () => (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0),
  };
}

test("the first load of the sign-in screen and of the incident list each fetch under 300 KB of gzipped JavaScript", async ({ page, api }) => {
  const signInScripts = recordScripts(page);
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const signInBytes = await signInScripts.total();
  console.log(`first load of /sign-in: ${signInScripts.count()} scripts, ${(signInBytes / 1024).toFixed(1)} KB gzipped`);
  expect(signInBytes).toBeGreaterThan(0);
  expect(signInBytes).toBeLessThan(BUDGET_BYTES);

  // A signed-in person opening the list afresh (a new page of the same browser: the session cookie).
  const owner = await api.owner();
  await signIn(page, owner);
  const fresh = await page.context().newPage();
  const listScripts = recordScripts(fresh);
  await fresh.goto("/incidents");
  await expect(fresh.getByRole("heading", { name: "Incidents" })).toBeVisible();
  await expect(fresh.getByText("Nothing is burning")).toBeVisible();
  const listBytes = await listScripts.total();
  console.log(`first load of /incidents: ${listScripts.count()} scripts, ${(listBytes / 1024).toFixed(1)} KB gzipped`);
  expect(listBytes).toBeLessThan(BUDGET_BYTES);
});
