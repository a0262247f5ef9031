import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import type { StackInfo } from "./stack";

export { expect };

export function stackInfo(): StackInfo {
  const raw = process.env.E2E_STACK;
  if (raw === undefined) throw new Error("E2E_STACK is not set: run the suite through playwright.config.ts (its global setup starts the stack)");
  return JSON.parse(raw) as StackInfo;
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now()}-${++counter}`;
export const PASSWORD = "correct horse battery";

export interface Account {
  email: string;
  password: string;
  name: string;
  accessToken: string;
  userId: string;
  orgId: string;
}

interface Call {
  token?: string;
  body?: unknown;
}

interface Answer<T> {
  status: number;
  body: T;
}

/** The API, called as a client would (REST), for what a test sets up outside the browser. */
export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, options: Call = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as T };
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, options: Call = {}): Promise<T> {
    const res = await this.call<T>(method, path, options);
    if (res.status >= 300) throw new Error(`${method} ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A new person with an org of their own (admin). */
  async owner(name = "Ada Lovelace"): Promise<Account> {
    const email = `${unique("owner")}@example.com`;
    const body = await this.ok<{ accessToken: string; user: { id: string }; org: { id: string } }>("POST", "/v1/auth/register", {
      body: { email, password: PASSWORD, name, orgName: unique("Org") },
    });
    return { email, password: PASSWORD, name, accessToken: body.accessToken, userId: body.user.id, orgId: body.org.id };
  }

  /** A new person who is `role` in the owner's org (through an accepted invitation), signed in there. */
  async memberOf(owner: Account, role: "viewer" | "member" | "admin", name = "Grace Hopper"): Promise<Account> {
    const email = `${unique(role)}@example.com`;
    const invitation = await this.ok<{ token: string }>("POST", "/v1/org/invitations", { token: owner.accessToken, body: { email, role } });
    const body = await this.ok<{ accessToken: string; user: { id: string }; org: { id: string } }>("POST", "/v1/auth/accept-invitation", {
      body: { token: invitation.token, name, password: PASSWORD },
    });
    return { email, password: PASSWORD, name, accessToken: body.accessToken, userId: body.user.id, orgId: body.org.id };
  }

  service(owner: Account, name = unique("checkout"), owning: { teamId?: string } = {}) {
    return this.ok<{ id: string; name: string }>("POST", "/v1/org/services", { token: owner.accessToken, body: { name, ...owning } });
  }

  /** Moves the incident to `toStatus` at its current version. */
  async move(account: Account, incidentId: string, toStatus: "acknowledged" | "mitigated" | "resolved") {
    const { version } = await this.ok<{ version: number }>("GET", `/v1/incidents/${incidentId}`, { token: account.accessToken });
    return this.ok<{ version: number; status: string }>("POST", `/v1/incidents/${incidentId}/transition`, { token: account.accessToken, body: { toStatus, version } });
  }

  incident(owner: Account, serviceId: string, title: string, severity = "sev2") {
    return this.ok<{ id: string; version: number; status: string }>("POST", `/v1/services/${serviceId}/incidents`, { token: owner.accessToken, body: { title, severity } });
  }
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** The first mail to `address` whose text matches `pattern`, as the loopback SMTP server received it. */
export async function waitForMail(address: string, pattern: RegExp, timeoutMs = 30_000): Promise<Mail> {
  const { mailDir } = stackInfo();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of readdirSync(mailDir).sort()) {
      const mail = JSON.parse(readFileSync(join(mailDir, file), "utf8")) as Mail;
      if (mail.to.includes(address) && pattern.test(mail.text)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${address} matching ${pattern} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Signs in through the sign-in screen and waits for the app. */
export async function signIn(page: Page, account: { email: string; password: string }, path = "/incidents"): Promise<void> {
  await page.goto(`/sign-in?redirect=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner")).toBeVisible();
}

/**
 * The idempotency keys of the page's requests to `procedure`, as they are sent: the first reaches
 * the API and is applied, but its answer never comes back (the connection drops); the others go on.
 */
export async function losingFirstAnswer(page: Page, procedure: RegExp): Promise<(string | undefined)[]> {
  const keys: (string | undefined)[] = [];
  await page.route(procedure, async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (keys.length > 1) return route.continue();
    await route.fetch();
    return route.abort("connectionreset");
  });
  return keys;
}

/**
 * Zero serious or critical accessibility violations on what the page shows now, once its finite
 * animations ended (a dialog checked while fading in has text over a half-dimmed backdrop).
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).slice(0, 3).join(" | ")}`),
    `accessibility of ${what}`,
  ).toEqual([]);
}

/** Opens each screen (path, its h1; "" for any) once loaded, and checks it with axe. */
export async function expectScreensAccessible(page: Page, screens: readonly (readonly [string, string])[]): Promise<void> {
  for (const [path, heading] of screens) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    if (heading !== "") await expect(page.locator("main h1").first()).toHaveText(heading);
    await expect(page.getByLabel("Loading")).toHaveCount(0);
    await expectAccessible(page, path);
  }
}

/** Runs `check` in a page of a phone-sized (390 px) touch browser context of its own. */
export async function onPhone(browser: Browser, check: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    await check(await context.newPage());
  } finally {
    await context.close();
  }
}

export const test = base.extend<{ api: Api }>({
  baseURL: async ({}, use) => {
    await use(stackInfo().baseUrl);
  },
  api: async ({}, use) => {
    await use(new Api(stackInfo().baseUrl));
  },
});
