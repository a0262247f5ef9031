import { createHmac } from "node:crypto";
import type { Page } from "@playwright/test";
import { stackInfo } from "./test";

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** The same access token, expired a minute ago: signed with the stack's key, so only its time is wrong. */
export function expiredCopyOf(accessToken: string): string {
  const [, payload = ""] = accessToken.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  const body = base64url(JSON.stringify({ ...claims, iat: now - 1_000, exp: now - 60 }));
  const head = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const signature = createHmac("sha256", stackInfo().jwtSecret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${signature}`;
}

/**
 * The next session answer the page gets (sign-in or renewal) hands it an access token that has
 * already expired, as if the page had been left open past its lifetime. The cookie the real
 * answer sets is kept.
 */
export async function nextAccessTokenExpired(page: Page): Promise<void> {
  let done = false;
  await page.route(/\/v1\/auth\/session\/(login|refresh)$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { accessToken?: string };
    if (done || body.accessToken === undefined) {
      await route.fulfill({ response });
      return;
    }
    done = true;
    await route.fulfill({ response, json: { ...body, accessToken: expiredCopyOf(body.accessToken) } });
  });
}
