import { expect, signIn, test } from "./support/test";

// A routing key's ready configuration per source, and its settings changed from the keyboard.

interface IntegrationView {
  grouping: string;
  signingSecretSet: boolean;
  mapping: { title: string } | null;
}

test("an admin copies the Grafana and webhook configuration and sets grouping, signing secret and the Datadog mapping", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner, "checkout");
  const key = await api.ok<{ routingKey: string }>("POST", `/v1/org/services/${service.id}/integrations`, { token: owner.accessToken, body: { name: "Grafana prod" } });
  await signIn(page, owner, `/services/${service.id}`);

  await page.getByRole("tab", { name: "Grafana" }).click();
  await expect(page.getByText(`/v1/integrations/grafana/${key.routingKey}`)).toBeVisible();
  await page.getByRole("tab", { name: "Webhook" }).click();
  await expect(page.getByText(`/v1/integrations/webhook/${key.routingKey}`)).toBeVisible();
  await expect(page.getByText('"aggregateKey": "$AGGREG_KEY"')).toBeVisible();

  const settings = page.getByRole("form", { name: "Settings of Grafana prod" });
  await settings.getByRole("combobox", { name: "Alertmanager and Grafana grouping" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: "One incident per alert" }).press("Enter");
  await settings.getByLabel("Grafana signing secret").fill("a-grafana-hmac-secret");
  await settings.getByRole("combobox", { name: "Webhook mapping" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: "Datadog (Webhooks integration)" }).press("Enter");
  await settings.getByRole("button", { name: "Save settings" }).press("Enter");
  await expect(page.getByText("Saved the settings of Grafana prod")).toBeVisible();

  const { items } = await api.ok<{ items: IntegrationView[] }>("GET", `/v1/org/services/${service.id}/integrations`, { token: owner.accessToken });
  expect(items[0]).toMatchObject({ grouping: "alert", signingSecretSet: true, mapping: { title: "/title" } });
  await expect(settings.getByRole("button", { name: "Remove signing secret" })).toBeVisible();
});

test("an admin creates a heartbeat, copies its ping, sees it healthy once pinged, and deletes it", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner, "backups");
  await signIn(page, owner, `/services/${service.id}`);

  const heartbeats = page.getByRole("heading", { name: "Heartbeats" }).locator("xpath=ancestor::*[@data-slot='card'][1]");
  await heartbeats.getByLabel("Heartbeat name").fill("Nightly backup");
  await heartbeats.getByLabel("Interval (minutes)").fill("0");
  await heartbeats.getByRole("button", { name: "Create heartbeat" }).click();
  await expect(heartbeats.getByText("At least a minute").first()).toBeVisible();
  await heartbeats.getByLabel("Interval (minutes)").fill("1440");
  await heartbeats.getByLabel("Interval (minutes)").press("Enter");
  await expect(heartbeats.getByText("Waiting for a first ping")).toBeVisible();
  await expect(heartbeats.getByText("Every 1440 min")).toBeVisible();

  const { items } = await api.ok<{ items: { pingUrl: string }[] }>("GET", `/v1/org/services/${service.id}/heartbeats`, { token: owner.accessToken });
  const pingUrl = items[0]?.pingUrl ?? "";
  await expect(heartbeats.getByText(`curl -fsS -X POST ${pingUrl}`).first()).toBeVisible();
  expect((await fetch(pingUrl, { method: "POST" })).status).toBe(200);
  await page.reload();
  await expect(heartbeats.getByText("Healthy")).toBeVisible();

  await heartbeats.getByRole("button", { name: "Delete Nightly backup" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: /Delete/ }).click();
  await expect(heartbeats.getByText("No heartbeat yet.")).toBeVisible();
});

test("an admin creates a notification target for one team's incidents, and its list says so", async ({ page, api }) => {
  const owner = await api.owner();
  const team = await api.ok<{ id: string }>("POST", "/v1/org/teams", { token: owner.accessToken, body: { name: "Payments" } });
  await api.service(owner, "checkout", { teamId: team.id });
  await signIn(page, owner, "/notification-targets");

  await page.getByRole("button", { name: "New target" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("#payments");
  await dialog.getByLabel("URL").fill("https://hooks.example.com/payments");
  await dialog.getByRole("combobox", { name: "Incidents of" }).click();
  await page.getByRole("option", { name: "Payments" }).click();
  await dialog.getByRole("button", { name: "Create target" }).click();
  await expect(dialog.getByText("Signing secret")).toBeVisible();
  await page.keyboard.press("Escape");

  const { items } = await api.ok<{ items: { name: string; teamIds: string[] | null; serviceIds: string[] | null }[] }>("GET", "/v1/org/notification-targets", { token: owner.accessToken });
  expect(items).toMatchObject([{ name: "#payments", teamIds: [team.id], serviceIds: null }]);
  await expect(page.getByRole("list", { name: "Notification targets" })).toContainText("only the Payments team's services");
});
