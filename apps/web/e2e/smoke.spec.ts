import { expect, signIn, test } from "./support/test";

test("a first look", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  await api.incident(owner, service.id, "Checkout returns 502");
  await signIn(page, owner);
  await expect(page.getByRole("link", { name: "Checkout returns 502" })).toBeVisible();
  await page.screenshot({ path: "/tmp/e2e-list.png", fullPage: true });
});
