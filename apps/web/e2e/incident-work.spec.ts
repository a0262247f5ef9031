import { readFile, writeFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect, losingFirstAnswer, signIn, test } from "./support/test";

// Running an incident from its page: editing it, splitting the work into tasks, telling
// stakeholders, keeping evidence, and writing the postmortem once it is resolved.

async function textOf(download: Download): Promise<string> {
  return readFile(await download.path(), "utf8");
}

/** Clicks `name` and returns the file the page saved. */
async function downloadBy(page: Page, name: string): Promise<Download> {
  const saved = page.waitForEvent("download");
  await page.getByRole("button", { name }).click();
  return saved;
}

test("an edit open while someone else renames the incident does not overwrite their title unseen: it is a conflict, then saves over what is there", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Checkout returns 502", "sev2");
  await signIn(page, owner, `/incidents/${incident.id}`);
  await page.getByRole("button", { name: "Edit title" }).click();
  await page.getByRole("textbox", { name: "Title" }).fill("Checkout is down");
  // Someone else renames it; the live update brings their title to the page while the editor is open.
  await api.ok("PATCH", `/v1/incidents/${incident.id}`, { token: owner.accessToken, body: { title: "Payments fail in the EU", version: incident.version } });
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue("Checkout is down");

  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "changed while you were looking" })).toBeVisible();
  expect(await api.ok<{ title: string }>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken })).toMatchObject({ title: "Payments fail in the EU" });
  // Having seen it, the person saves again: now over what is there.
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout is down");
});

test("a member edits the incident, adds, assigns and completes a task, and posts a status update", async ({ page, api }) => {
  const owner = await api.owner();
  const grace = await api.memberOf(owner, "member", "Grace Hopper");
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Checkout returns 502", "sev2");
  await signIn(page, grace, `/incidents/${incident.id}`);
  const timeline = page.getByRole("list", { name: "Timeline" });

  await page.getByRole("button", { name: "Edit title" }).click();
  await page.getByRole("textbox", { name: "Title" }).fill("Checkout returns 502 for EU cards");
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout returns 502 for EU cards");
  await expect(timeline).toContainText("Grace Hopper renamed the incident to “Checkout returns 502 for EU cards”");

  await page.getByRole("button", { name: "Edit description" }).click();
  await page.getByRole("textbox", { name: "Description" }).fill("Card payments from the EU fail at the 3-D Secure step.");
  await page.getByRole("button", { name: "Save description" }).click();
  await expect(page.getByText("Card payments from the EU fail at the 3-D Secure step.")).toBeVisible();

  await page.getByRole("combobox", { name: /Change severity/ }).click();
  await page.getByRole("option", { name: "sev1" }).click();
  await expect(timeline).toContainText("Grace Hopper changed the severity from SEV2 to SEV1");
  const saved = await api.ok<{ title: string; severity: string; description: string }>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken });
  expect(saved).toMatchObject({ title: "Checkout returns 502 for EU cards", severity: "sev1", description: "Card payments from the EU fail at the 3-D Secure step." });

  // A task, assigned to Ada, then ticked off.
  const tasks = page.getByRole("region", { name: "Tasks" });
  await tasks.getByRole("textbox", { name: "New task" }).fill("Roll back release 1.42");
  await tasks.getByRole("combobox", { name: "Assignee of the new task" }).click();
  await page.getByRole("option", { name: "Ada Lovelace" }).click();
  await tasks.getByRole("button", { name: "Add task" }).click();
  await expect(tasks.getByRole("list", { name: "Tasks" })).toContainText("Roll back release 1.42");
  await expect(tasks.getByRole("combobox", { name: "Assignee of Roll back release 1.42" })).toHaveText("Ada Lovelace");
  await tasks.getByRole("checkbox", { name: "Done: Roll back release 1.42" }).click();
  await expect(tasks.getByText("1/1 done")).toBeVisible();
  await expect(timeline).toContainText("Grace Hopper added a task: Roll back release 1.42");
  await expect(timeline).toContainText("Grace Hopper updated a task");
  const stored = await api.ok<{ items: { title: string; done: boolean; assignee: { id: string } | null }[] }>("GET", `/v1/incidents/${incident.id}/tasks`, { token: owner.accessToken });
  expect(stored.items).toMatchObject([{ title: "Roll back release 1.42", done: true, assignee: { id: owner.userId } }]);

  // A status update for stakeholders, apart from the comments.
  const updates = page.getByRole("region", { name: "Status updates" });
  await updates.getByLabel("New status update").fill("We have found the cause and are rolling back. Next update in 30 minutes.");
  await updates.getByRole("combobox", { name: "Phase of the status update" }).click();
  await page.getByRole("option", { name: "Identified", exact: true }).click();
  await updates.getByRole("button", { name: "Post update" }).click();
  const posted = updates.getByRole("list", { name: "Status updates, newest first" });
  await expect(posted).toContainText("We have found the cause and are rolling back.");
  await expect(posted).toContainText("Identified");
  await expect(posted).toContainText("Grace Hopper");
  await expect(timeline).toContainText("posted a status update for stakeholders (identified)");
  await expect(updates.getByLabel("New status update")).toHaveValue("");
});

test("a status update posted again after its answer was lost tells stakeholders once: the same key answers the first", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Payments are slow");
  const keys = await losingFirstAnswer(page, /\/trpc\/incidents\.statusUpdates\.create/);
  await signIn(page, owner, `/incidents/${incident.id}`);
  const updates = page.getByRole("region", { name: "Status updates" });
  await updates.getByLabel("New status update").fill("Card payments take up to a minute; we are adding capacity.");
  await updates.getByRole("button", { name: "Post update" }).click();
  await expect(updates).toContainText("could not be reached");
  await updates.getByRole("button", { name: "Post update" }).click();
  await expect(updates.getByLabel("New status update")).toHaveValue("");

  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const stored = await api.ok<{ items: { body: string }[] }>("GET", `/v1/incidents/${incident.id}/status-updates`, { token: owner.accessToken });
  expect(stored.items.map((update) => update.body)).toEqual(["Card payments take up to a minute; we are adding capacity."]);
  await expect(updates.getByRole("list", { name: "Status updates, newest first" }).getByRole("listitem")).toHaveCount(1);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("a task added again after its answer was lost is added once: the same key answers the first", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Search is slow");
  const keys = await losingFirstAnswer(page, /\/trpc\/incidents\.tasks\.create/);
  await signIn(page, owner, `/incidents/${incident.id}`);
  const tasks = page.getByRole("region", { name: "Tasks" });
  await tasks.getByRole("textbox", { name: "New task" }).fill("Rebuild the search index");
  await tasks.getByRole("button", { name: "Add task" }).click();
  await expect(tasks).toContainText("could not be reached");
  await tasks.getByRole("button", { name: "Add task" }).click();
  await expect(tasks.getByRole("textbox", { name: "New task" })).toHaveValue("");

  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const stored = await api.ok<{ items: { title: string }[] }>("GET", `/v1/incidents/${incident.id}/tasks`, { token: owner.accessToken });
  expect(stored.items.map((task) => task.title)).toEqual(["Rebuild the search index"]);
  await expect(tasks.getByRole("list", { name: "Tasks" }).getByRole("listitem")).toHaveCount(1);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("a file uploaded again after its answer was lost is attached once: the same key answers the first upload", async ({ page, api }, testInfo) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Disk is filling up");
  // A file on disk, as a person chooses it: choosing it again gives the same file (name, size, modification time).
  const file = testInfo.outputPath("df.txt");
  await writeFile(file, "/dev/sda1  98%  /var/lib/postgresql\n");
  const keys = await losingFirstAnswer(page, /\/v1\/incidents\/[^/]+\/attachments$/);
  await signIn(page, owner, `/incidents/${incident.id}`);
  const panel = page.getByRole("region", { name: "Attachments" });
  const choose = async () => {
    const chooser = page.waitForEvent("filechooser");
    await panel.getByRole("button", { name: "Upload" }).click();
    await (await chooser).setFiles(file);
  };
  await choose();
  await expect(panel.getByRole("alert")).toContainText("could not be reached");
  await choose();
  await expect(panel.getByRole("list", { name: "Attachments" })).toContainText("df.txt");

  expect(keys).toHaveLength(2);
  expect(keys[0]).toBeDefined();
  expect(keys[1]).toBe(keys[0]);
  const stored = await api.ok<{ items: { fileName: string }[] }>("GET", `/v1/incidents/${incident.id}/attachments`, { token: owner.accessToken });
  expect(stored.items.map((attachment) => attachment.fileName)).toEqual(["df.txt"]);
  await expect(panel.getByRole("list", { name: "Attachments" }).getByRole("listitem")).toHaveCount(1);
  await page.unrouteAll({ behavior: "ignoreErrors" });
});

test("attachments: a file too large is refused before it is sent; one is uploaded, downloaded as it was, and deleted", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Queue is backing up");
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/attachments")) uploads.push(request.url());
  });
  await signIn(page, owner, `/incidents/${incident.id}`);
  const panel = page.getByRole("region", { name: "Attachments" });
  await expect(panel).toContainText("up to 1 MB each");

  const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent("filechooser");
    await panel.getByRole("button", { name: "Upload" }).click();
    await (await chooser).setFiles(file);
  };

  await choose({ name: "heap-dump.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(1536 * 1024, 7) });
  await expect(panel.getByRole("alert")).toHaveText("heap-dump.bin is 1.5 MB: files can be at most 1 MB");
  expect(uploads).toEqual([]);

  const log = "2025-03-14T09:02:00Z ERROR queue depth 120000 > 10000\n2025-03-14T09:02:05Z WARN consumer lag rising\n";
  await choose({ name: "consumer.log", mimeType: "text/plain", buffer: Buffer.from(log) });
  const list = panel.getByRole("list", { name: "Attachments" });
  await expect(list).toContainText("consumer.log");
  await expect(list).toContainText("Ada Lovelace");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Ada Lovelace attached consumer.log");

  const download = await downloadBy(page, "Download consumer.log");
  expect(download.suggestedFilename()).toBe("consumer.log");
  expect(await textOf(download)).toBe(log);

  await panel.getByRole("button", { name: "Delete consumer.log" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(panel.getByText("No attachment yet.")).toBeVisible();
  const left = await api.ok<{ items: unknown[] }>("GET", `/v1/incidents/${incident.id}/attachments`, { token: owner.accessToken });
  expect(left.items).toEqual([]);
});

test("the postmortem of a resolved incident: written, published, downloaded as Markdown", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Checkout returns 502", "sev1");
  await api.ok("POST", `/v1/incidents/${incident.id}/tasks`, { token: owner.accessToken, body: { title: "Add a canary stage" } });
  await api.move(owner, incident.id, "resolved");
  await signIn(page, owner, `/incidents/${incident.id}`);

  const panel = page.getByRole("region", { name: "Postmortem" });
  await expect(panel).toContainText("Not started");
  await panel.getByRole("link", { name: "Write postmortem" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout returns 502" })).toBeVisible();
  // Pre-filled from the incident: its open task is an action item.
  await expect(page.getByRole("textbox", { name: "Action item 1" })).toHaveValue("Add a canary stage");

  await page.getByRole("textbox", { name: "Summary" }).fill("Release 1.42 broke card payments for 20 minutes.");
  await page.getByRole("textbox", { name: "Impact" }).fill("About 3% of checkouts failed.");
  await page.getByRole("textbox", { name: "Root cause" }).fill("A config flag defaulted to strict 3-D Secure.");
  await page.getByRole("button", { name: "Add action item" }).click();
  await page.getByRole("textbox", { name: "Action item 2" }).fill("Alert on the payment error rate");
  await page.getByRole("combobox", { name: "Owner of action item 2" }).click();
  await page.getByRole("option", { name: "Ada Lovelace" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await expect(page.locator("p [data-postmortem-stage]")).toHaveText("Published");

  const markdown = await textOf(await downloadBy(page, "Download Markdown"));
  expect(markdown).toContain("Checkout returns 502");
  expect(markdown).toContain("Release 1.42 broke card payments for 20 minutes.");
  expect(markdown).toContain("A config flag defaulted to strict 3-D Secure.");
  expect(markdown).toContain("Alert on the payment error rate");

  await page.getByRole("link", { name: "Incident", exact: true }).click();
  await expect(panel).toContainText("Published");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Ada Lovelace published the postmortem");
  const stored = await api.ok<{ status: string; actionItems: { title: string; ownerId: string | null }[] }>("GET", `/v1/incidents/${incident.id}/postmortem`, { token: owner.accessToken });
  expect(stored.status).toBe("published");
  expect(stored.actionItems).toMatchObject([{ title: "Add a canary stage" }, { title: "Alert on the payment error rate", ownerId: owner.userId }]);
});

test("a viewer reads the incident's work but is offered no way to change it", async ({ page, api }) => {
  const owner = await api.owner();
  const viewer = await api.memberOf(owner, "viewer", "Vera Viewer");
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Disk full on db-1");
  await api.ok("POST", `/v1/incidents/${incident.id}/tasks`, { token: owner.accessToken, body: { title: "Grow the volume" } });
  await api.ok("POST", `/v1/incidents/${incident.id}/status-updates`, { token: owner.accessToken, body: { body: "Writes are failing on db-1." } });
  await signIn(page, viewer, `/incidents/${incident.id}`);

  await expect(page.getByRole("region", { name: "Tasks" })).toContainText("Grow the volume");
  await expect(page.getByRole("region", { name: "Status updates" })).toContainText("Writes are failing on db-1.");
  await expect(page.getByRole("region", { name: "Attachments" })).toContainText("No attachment yet.");
  for (const name of ["Edit title", "Edit description", "Add task", "Post update", "Upload"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "SLA policy" })).toHaveCount(0);
});

test("a notification target deleted after the incident notified it: its deliveries still show under its name, marked deleted, and the pending one cancelled", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  // Nothing listens there: the delivery is pending a retry when the target is deleted.
  const target = await api.ok<{ id: string }>("POST", "/v1/org/notification-targets", {
    token: owner.accessToken,
    body: { name: "Payments pager", type: "webhook", config: { url: "http://127.0.0.1:9/hook" } },
  });
  const incident = await api.incident(owner, service.id, "Checkout returns 502");
  await signIn(page, owner, `/incidents/${incident.id}`);
  const deliveries = page.getByRole("list", { name: "Notification deliveries" });
  await expect(deliveries.getByRole("listitem")).toHaveCount(1);
  await expect(deliveries).toContainText("Payments pager");
  await expect(deliveries).toContainText("pending");

  await api.ok("DELETE", `/v1/org/notification-targets/${target.id}`, { token: owner.accessToken });
  await expect(deliveries).toContainText("Payments pager (deleted)");
  await expect(deliveries).toContainText("cancelled");
  await expect(deliveries).toContainText("not sent: the notification target was deleted");
  await expect(deliveries.getByRole("listitem")).toHaveCount(1);
});

test("a comment written in Markdown shows formatted on the timeline; HTML in it and a javascript: link do nothing", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Queue is backing up");
  const body = [
    "Rolled back **release 1.42**, see https://status.example.com/1.42",
    "- drained `orders-eu`",
    "- [runbook](javascript:alert(1))",
    '<img src="x" onerror="window.hacked = true">',
  ].join("\n");
  await api.ok("POST", `/v1/incidents/${incident.id}/comment`, { token: owner.accessToken, body: { body } });
  await signIn(page, owner, `/incidents/${incident.id}`);

  const comment = page.getByRole("list", { name: "Timeline" }).locator("li[data-event-kind='commented']");
  await expect(comment.locator("strong", { hasText: "release 1.42" })).toBeVisible();
  await expect(comment.getByRole("link", { name: "https://status.example.com/1.42" })).toHaveAttribute("href", "https://status.example.com/1.42");
  await expect(comment.getByRole("listitem")).toHaveText(["drained orders-eu", "runbook"]);
  await expect(comment.locator("code")).toHaveText("orders-eu");
  expect(await comment.getByRole("link", { name: "runbook" }).getAttribute("href")).not.toContain("javascript");
  await expect(comment.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { hacked?: boolean }).hacked)).toBeUndefined();
});

test("a member gives an incident a type in place, and the timeline says so", async ({ page, api }) => {
  const owner = await api.owner();
  const service = await api.service(owner);
  const incident = await api.incident(owner, service.id, "Replica lag on orders-db");
  await signIn(page, owner, `/incidents/${incident.id}`);
  await expect(page.getByText("No type")).toBeVisible();
  await page.getByRole("button", { name: "Edit type" }).click();
  await page.getByLabel("Type").fill("database");
  await page.getByLabel("Type").press("Enter");
  await expect(page.getByText("Type: database")).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("set the type to “database”");
  expect((await api.ok<{ type: string | null }>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken })).type).toBe("database");
});
