import { expect, PASSWORD, signIn, test, unique, waitForMail } from "./support/test";

// The links IncidentOps emails open the app: a password reset and an invitation, end to end
// through the worker and a loopback SMTP server.

const linkIn = (text: string, page: string) => {
  const match = new RegExp(`https?://[^\\s]+/${page}\\?token=[^\\s]+`).exec(text);
  if (match === null) throw new Error(`no ${page} link in:\n${text}`);
  return match[0];
};

test("forgot password: the emailed link opens the app, sets a new password, and it signs in", async ({ page, api }) => {
  const owner = await api.owner();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The screen is its own chunk: until it has loaded, the sign-in form (with its own Email field) is still shown.
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(owner.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("is on its way");

  const mail = await waitForMail(owner.email, /reset-password\?token=/);
  const link = linkIn(mail.text, "reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("At least 8 characters")).toBeVisible();
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your new password is set")).toBeVisible();

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password").fill("yet another passphrase");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("alert")).toContainText(/invalid|expired|used/i);

  await signIn(page, { email: owner.email, password: "a brand new passphrase" });
  await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
});

test("an invitation: the emailed link opens the app, the invitee joins with the invited role", async ({ page, browser, api }) => {
  const owner = await api.owner();
  await signIn(page, owner, "/members");
  const email = `${unique("invitee")}@example.com`;
  await page.getByRole("button", { name: "Invite" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent" })).toBeVisible();

  const mail = await waitForMail(email, /accept-invitation\?token=/);
  const invitee = await browser.newContext();
  try {
    const join = await invitee.newPage();
    await join.goto(linkIn(mail.text, "accept-invitation"));
    await join.getByLabel("Name").fill("Katherine Johnson");
    await join.getByLabel("Password").fill(PASSWORD);
    await join.getByRole("button", { name: "Accept invitation" }).click();
    await expect(join.getByRole("heading", { name: "Incidents" })).toBeVisible();
    await expect(join.getByRole("button", { name: "New incident" })).toBeVisible();
    await join.getByRole("button", { name: "Account: Katherine Johnson" }).click();
    await expect(join.getByRole("menu")).toContainText(email);
  } finally {
    await invitee.close();
  }
  await page.reload();
  await expect(page.getByRole("list", { name: "Members" })).toContainText("Katherine Johnson");
});
