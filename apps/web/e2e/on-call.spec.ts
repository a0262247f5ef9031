import type { Page } from "@playwright/test";
import { expect, expectAccessible, expectScreensAccessible, onPhone, signIn, test, unique, type Account, type Api } from "./support/test";

// The on-call screens: a schedule built in the browser and its two-week calendar with a handoff,
// an override from a shift, who is on call, my shifts with a calendar feed, a team's people; and
// axe on each of these screens at a desktop width and at 390 px.

const BERLIN = "Europe/Berlin";

/** An owner reading times in Berlin, and a member of their org. */
async function people(api: Api): Promise<{ owner: Account; grace: Account }> {
  const owner = await api.owner("Ada Lovelace");
  await api.ok("PATCH", "/v1/users/me", { token: owner.accessToken, body: { timeZone: BERLIN } });
  const grace = await api.memberOf(owner, "member", "Grace Hopper");
  return { owner, grace };
}

/** Picks `option` in the select labelled `label` (Radix: a combobox and a listbox). */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: typeof option === "string" }).click();
}

test("build a schedule, see its handoff on the calendar, override a shift from it, and see who is on call", async ({ page, api }) => {
  const { owner, grace } = await people(api);
  const name = unique("Payments primary");
  await signIn(page, owner, "/schedules");
  await expect(page.getByRole("heading", { name: "Schedules" })).toBeVisible();

  await page.getByRole("button", { name: "New schedule" }).click();
  await page.getByLabel("Name").fill(name);
  await expect(page.getByRole("combobox", { name: "Time zone" })).toHaveText(BERLIN);
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Nobody is on call in these two weeks")).toBeVisible();

  // One layer: daily turns at 09:00 Berlin, Ada then Grace.
  await page.getByRole("button", { name: "Add a layer" }).click();
  await page.getByLabel("Turns of").fill("1");
  await choose(page, "Layer 1 turn unit", "days");
  await choose(page, "Person to add to layer 1", "Ada Lovelace");
  await page.getByRole("button", { name: "Add to rotation" }).click();
  await choose(page, "Person to add to layer 1", "Grace Hopper");
  await page.getByRole("button", { name: "Add to rotation" }).click();
  const order = page.getByRole("list", { name: "Layer 1 rotation order" });
  await expect(order.getByRole("listitem")).toHaveText([/Ada Lovelace/, /Grace Hopper/]);
  await page.getByRole("button", { name: "Move Grace Hopper earlier in layer 1" }).click();
  await expect(order.getByRole("listitem")).toHaveText([/Grace Hopper/, /Ada Lovelace/]);
  await page.getByRole("button", { name: "Save layers" }).click();
  await expect(page.getByText("Layers saved")).toBeVisible();

  // The calendar: both people, handing off at 09:00 on the viewer's (Berlin) clock; nobody before the first turn today.
  const calendar = page.getByTestId("schedule-calendar");
  await expect(calendar.locator("[data-shift='Grace Hopper']").first()).toBeVisible();
  await expect(calendar.locator("[data-shift='Ada Lovelace']").first()).toBeVisible();
  await expect(page.getByTestId("coverage")).toContainText("1 gap with nobody on call");
  const shifts = page.getByRole("table", { name: "Shifts" });
  await expect(shifts.getByRole("row").nth(1)).toContainText("Grace Hopper");
  await expect(shifts.getByRole("row").nth(1).getByRole("cell").nth(1)).toContainText("09:00");
  await expect(shifts.getByRole("row").nth(2)).toContainText("Ada Lovelace");
  await expect(shifts).toContainText("Layer 1");

  // Click Grace's second shift in the picture (the day after tomorrow, from 09:00): the dialog
  // proposes Ada (the viewer) for its window.
  const graceRow = shifts.getByRole("row").filter({ hasText: "Grace Hopper" }).nth(1);
  const graceWindow = await graceRow.getByRole("cell").nth(1).innerText();
  await calendar.locator("[data-shift='Grace Hopper']", { hasText: "Grace Hopper" }).nth(1).click();
  const dialog = page.getByRole("dialog", { name: "Create an override" });
  await expect(dialog.getByRole("combobox", { name: "On call instead" })).toHaveText("Ada Lovelace");
  await expect(dialog.getByLabel("End")).toHaveValue(/T09:00$/);
  await dialog.getByRole("button", { name: "Create override" }).click();
  await expect(page.getByText("Override created")).toBeVisible();
  await expect(dialog).toBeHidden();
  const overrides = page.getByRole("list", { name: "Overrides" });
  await expect(overrides.getByRole("listitem")).toHaveCount(1);
  await expect(overrides).toContainText("Ada Lovelace");
  await expect(shifts.getByRole("row").filter({ has: page.getByRole("cell", { name: "Override", exact: true }) })).toContainText(graceWindow);

  // Who is on call tomorrow at noon (now is before the first turn between 00:00 and 09:00 in
  // Berlin): one of the two, through this schedule.
  await page.getByRole("link", { name: "Who is on call" }).first().click();
  const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: BERLIN }).format(new Date(Date.now() + 86_400_000));
  await page.getByLabel("At another moment").fill(`${tomorrow}T12:00`);
  const table = page.getByRole("table", { name: "Who is on call" });
  await expect(table.getByRole("row").filter({ hasText: name })).toContainText(/Ada Lovelace|Grace Hopper/);

  // The future override can be deleted; the calendar goes back to the layer.
  await page.goBack();
  await overrides.getByRole("button", { name: /Delete the override of Ada Lovelace/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No override from now on.")).toBeVisible();
  await expect(shifts.getByRole("row").filter({ has: page.getByRole("cell", { name: "Override", exact: true }) })).toHaveCount(0);

  // Grace (a member) may take a shift but not change the layers.
  await page.context().clearCookies();
  await signIn(page, grace, "/schedules");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save layers" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New schedule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Override Ada Lovelace's shift/ }).first()).toBeVisible();
});

test("my shifts, with a calendar feed shown once, that works until it is revoked", async ({ page, api }) => {
  const { owner } = await people(api);
  const schedule = await api.ok<{ id: string }>("POST", "/v1/org/schedules", {
    token: owner.accessToken,
    body: {
      name: "Support",
      timeZone: "America/New_York",
      layers: [{ name: "Days", start: "2026-01-01T00:00:00Z", rotationStart: "2026-01-01T14:00:00Z", rotation: { unit: "week", length: 1 }, participants: [owner.userId] }],
    },
  });
  await signIn(page, owner, "/my-shifts");
  const mine = page.getByRole("table", { name: "My shifts" });
  await expect(mine.getByRole("link", { name: "Support" }).first()).toBeVisible();
  // Times on Berlin's clock, the schedule's New York clock beside them.
  await expect(mine).toContainText("America/New_York");

  await page.getByRole("button", { name: "New calendar feed" }).click();
  await choose(page, "Shifts", "Mine on Support");
  await page.getByRole("button", { name: "Create feed" }).click();
  const url = await page.getByLabel("Calendar URL", { exact: true }).innerText();
  expect(url).toMatch(/\/calendar\/iocal_[A-Za-z0-9_-]+\.ics$/);
  await expect(page.getByRole("button", { name: "Copy calendar url" })).toBeVisible();
  const feed = await fetch(url);
  expect(feed.status).toBe(200);
  expect(feed.headers.get("content-type")).toContain("text/calendar");
  expect(await feed.text()).toContain("BEGIN:VEVENT");
  await page.getByRole("button", { name: "Done" }).click();

  const feeds = page.getByRole("list", { name: "Calendar feeds" });
  await expect(feeds).toContainText("Your shifts on Support");
  await expect(feeds).not.toContainText(url);
  await feeds.getByRole("button", { name: "Revoke My on-call shifts" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("No feed yet")).toBeVisible();
  expect((await fetch(url)).status).toBe(404);
  expect(schedule.id).toBeTruthy();
});

test("teams: create one, add a person, make them manager, take them off", async ({ page, api }) => {
  const { owner } = await people(api);
  const team = unique("Payments");
  await signIn(page, owner, "/teams");
  await page.getByRole("button", { name: "New team" }).click();
  await page.getByLabel("Name").fill(team);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name: team })).toBeVisible();

  await choose(page, "Person to add", "Grace Hopper");
  await page.getByRole("button", { name: "Add to team" }).click();
  const members = page.getByRole("table", { name: "Team members" });
  await expect(members.getByRole("row").filter({ hasText: "Grace Hopper" })).toBeVisible();
  await choose(page, "Grace Hopper's role", "Manager");
  await expect(page.getByText("Grace Hopper is now a manager")).toBeVisible();
  await page.reload();
  await expect(members.getByRole("combobox", { name: "Grace Hopper's role" })).toHaveText("Manager");

  await members.getByRole("button", { name: "Remove Grace Hopper from the team" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Nobody yet.")).toBeVisible();

  // The schedules list narrows to a team.
  await page.goto("/schedules");
  await choose(page, "Team", team);
  await expect(page.getByText("No schedule of this team")).toBeVisible();
});

/** A schedule of two layers (the second restricted, so there are gaps in it alone), an override, a team and a feed. */
async function seed(api: Api) {
  const { owner, grace } = await people(api);
  const team = await api.ok<{ id: string }>("POST", "/v1/org/teams", { token: owner.accessToken, body: { name: "Payments" } });
  await api.ok("PUT", `/v1/org/teams/${team.id}/members/${grace.userId}`, { token: owner.accessToken, body: { role: "manager" } });
  const start = "2026-01-01T00:00:00Z";
  const schedule = await api.ok<{ id: string }>("POST", "/v1/org/schedules", {
    token: owner.accessToken,
    body: {
      name: "Payments primary",
      timeZone: "America/New_York",
      teamId: team.id,
      layers: [
        { name: "Weekdays", start, rotationStart: "2026-01-05T14:00:00Z", rotation: { unit: "day", length: 1 }, participants: [owner.userId, grace.userId], restrictions: [{ type: "weekly", startDay: 1, startTime: "09:00", durationMinutes: 5 * 1440 - 16 * 60 }] },
        { name: "Evenings", start, rotationStart: start, rotation: { unit: "week", length: 1 }, participants: [grace.userId], restrictions: [{ type: "daily", startTime: "18:00", durationMinutes: 240 }] },
      ],
    },
  });
  const tomorrow = new Date(Date.now() + 86_400_000);
  await api.ok("POST", `/v1/org/schedules/${schedule.id}/overrides`, {
    token: owner.accessToken,
    body: { userId: owner.userId, start: tomorrow.toISOString(), end: new Date(tomorrow.getTime() + 4 * 3_600_000).toISOString() },
  });
  await api.ok("POST", "/v1/users/me/calendar-feeds", { token: owner.accessToken, body: { name: "Phone" } });
  return { owner, scheduleId: schedule.id, teamId: team.id };
}

test("a link to my shifts in another of my organisations (a calendar event, a shift notice) says so, and switching there shows them", async ({ page, api }) => {
  const ada = await api.owner();
  const night = await api.ok<{ id: string; name: string }>("POST", "/v1/orgs", { token: ada.accessToken, body: { name: unique("Night shift") } });
  const there = await api.ok<{ accessToken: string }>("POST", "/v1/auth/login", { body: { email: ada.email, password: ada.password, orgId: night.id } });
  const layer = { name: "Nights", start: "2026-01-01T00:00:00Z", rotationStart: "2026-01-01T20:00:00Z", rotation: { unit: "week", length: 1 }, participants: [ada.userId] };
  await api.ok("POST", "/v1/org/schedules", { token: there.accessToken, body: { name: "Night rota", timeZone: BERLIN, layers: [layer] } });

  // Signed in to her own organisation (where she is on call nowhere), she opens the link the night
  // organisation's calendar feed and shift notices carry (config.ts, myShiftsLink).
  await signIn(page, ada, `/my-shifts?org=${night.id}`);
  await expect(page.getByText("You are not on call in")).toBeVisible();
  await expect(page.getByText(`This link is about your shifts in ${night.name}.`)).toBeVisible();
  await expectAccessible(page, "my shifts, opened from another organisation's link");
  await page.getByRole("button", { name: `Switch to ${night.name}` }).click();
  await expect(page.getByRole("table", { name: "My shifts" }).getByRole("link", { name: "Night rota" }).first()).toBeVisible();
  await expect(page.getByText(`When you are on call in ${night.name}`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Switch to ${night.name}` })).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/my-shifts\\?org=${night.id}$`));
});

async function checkScreens(page: Page, api: Api) {
  const { owner, scheduleId, teamId } = await seed(api);
  await signIn(page, owner);
  const screens: [string, string][] = [
    ["/schedules", "Schedules"],
    [`/schedules/${scheduleId}`, "Payments primary"],
    ["/oncall", "Who is on call"],
    ["/my-shifts", "My shifts"],
    ["/teams", "Teams"],
    [`/teams/${teamId}`, "Payments"],
  ];
  await expectScreensAccessible(page, screens);
  // The schedule's dialogs: an override from a shift, and the schedule's settings.
  await page.goto(`/schedules/${scheduleId}`);
  await expect(page.getByText("Nobody on call from").first()).toBeVisible();
  await page.getByRole("button", { name: /^Override .*'s shift/ }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the override dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the schedule dialog");
  await page.keyboard.press("Escape");
  await page.goto("/my-shifts");
  await page.getByRole("button", { name: "New calendar feed" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the calendar feed dialog");
}

test("the on-call screens at a desktop width have no serious accessibility violation", async ({ page, api }) => {
  await checkScreens(page, api);
});

test("the on-call screens at 390 px have no serious accessibility violation", async ({ browser, api }) => {
  await onPhone(browser, (page) => checkScreens(page, api));
});

test("removing a member: the confirmation names what they alone fill, then says what the removal also changes", async ({ page, api }) => {
  const { owner, grace } = await people(api);
  const policyName = unique("Checkout paging");
  const levels = (userIds: string[]) => [{ delaySeconds: 300, targets: userIds.map((userId) => ({ type: "user", userId })) }];
  const policy = await api.ok<{ id: string }>("POST", "/v1/org/escalation-policies", { token: owner.accessToken, body: { name: policyName, levels: levels([grace.userId]) } });
  const layer = { name: "Daily", start: "2026-01-01T00:00:00Z", rotationStart: "2026-01-01T08:00:00Z", rotation: { unit: "day", length: 1 }, participants: [grace.userId, owner.userId] };
  await api.ok("POST", "/v1/org/schedules", { token: owner.accessToken, body: { name: unique("Checkout rota"), timeZone: BERLIN, layers: [layer] } });
  await signIn(page, owner, "/members");

  await page.getByRole("button", { name: "Remove Grace Hopper" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("list", { name: "What to fix first" }).getByRole("listitem")).toHaveText([`level 1 of escalation policy ${policyName}`]);
  await expect(dialog.getByRole("button", { name: "Remove" })).toBeDisabled();
  await expectAccessible(page, "the removal's confirmation naming what to fix first");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await api.ok("PUT", `/v1/org/escalation-policies/${policy.id}`, { token: owner.accessToken, body: { name: policyName, levels: levels([grace.userId, owner.userId]) } });
  await page.getByRole("button", { name: "Remove Grace Hopper" }).click();
  await expect(dialog).toContainText("Removing Grace Hopper also removes them from 1 escalation policy and 1 schedule's rotations.");
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Grace Hopper was removed")).toBeVisible();
  await expect(page.getByRole("list", { name: "Members" }).getByText("Grace Hopper")).toHaveCount(0);
});
