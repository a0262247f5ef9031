import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectError, useTestApi } from "@incidentops/testkit";

// The built web app at `/` (web-app.ts), on a build of its own (with the app's public files, as
// Vite copies them): index.html for every app path, hashed assets cached for good, a missing file
// a 404, the API's paths untouched, a CSP on every app response.

const WEB_DIR = fileURLToPath(new URL("../../web/", import.meta.url));
const dist = mkdtempSync(join(tmpdir(), "incidentops-web-dist-"));
cpSync(join(WEB_DIR, "public"), dist, { recursive: true });
mkdirSync(join(dist, "assets"));
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
writeFileSync(join(dist, "index.html"), INDEX);
writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log('app')");

const api = useTestApi({ env: { WEB_DIST_DIR: dist } });

const get = (path: string, init: RequestInit = {}) => fetch(`${api.current.baseUrl}${path}`, init);

describe("the web app", () => {
  for (const path of ["/", "/incidents", "/incidents/c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01", "/reset-password?token=abc", "/accept-invitation?token=x", "/v1x", "/calendarish"]) {
    it(`answers GET ${path} with index.html, not cached, with the CSP`, async () => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    });
  }

  it("serves hashed assets as immutable, and a missing asset as a JSON 404", async () => {
    const asset = await get("/assets/index-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(asset.headers.get("content-security-policy")).toContain("default-src 'self'");
    const missing = await get("/assets/gone-123.js");
    expectError({ status: missing.status, body: (await missing.json()), headers: missing.headers }, 404, "NOT_FOUND");
  });

  it("serves the app's icon: an SVG that index.html links to, and /favicon.ico as an icon (browsers and crawlers ask for it unprompted)", async () => {
    const svg = await get("/favicon.svg");
    expect([svg.status, svg.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
    const html = readFileSync(join(WEB_DIR, "index.html"), "utf8");
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon\.svg"/);
    expect(html).toMatch(/<link rel="icon" href="\/favicon\.ico" sizes="16x16 32x32 48x48"/);
    const ico = await get("/favicon.ico");
    expect(ico.status).toBe(200);
    expect(ico.headers.get("content-type")).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
    // An ICO file's header: reserved 0, type 1 (icon).
    expect([...new Uint8Array(await ico.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  for (const path of ["/missing.js", "/robots.txt", "/apple-touch-icon.png", "/incidents/index-abc123.js.map", "/.well-known/security.txt"]) {
    it(`answers GET and HEAD ${path}, a file the build has not, with a 404, never the app`, async () => {
      const res = await get(path);
      expectError({ status: res.status, body: await res.json(), headers: res.headers }, 404, "NOT_FOUND");
      expect((await get(path, { method: "HEAD" })).status).toBe(404);
    });
  }

  for (const path of ["/v1/nope", "/v2/nope", "/trpc/nope.nope", "/healthz/x", "/calendar/abc.ics", "/openapi.json/x"]) {
    it(`leaves the API path ${path} to the API (a JSON answer, never the app)`, async () => {
      const res = await get(path);
      expect(res.headers.get("content-type")).toMatch(/json/);
      expect(res.headers.get("content-security-policy")).toBeNull();
    });
  }

  it("keeps the API's own routes: /healthz, /openapi.json, /docs, /v1", async () => {
    expect(((await (await get("/healthz")).json()) as { status: string }).status).toBe("ok");
    expect((await get("/openapi.json")).headers.get("content-type")).toMatch(/json/);
    const docs = await get("/docs/");
    expect(await docs.text()).toMatch(/swagger/i);
    // Like the app, never framed by another site.
    expect([docs.headers.get("x-frame-options"), docs.headers.get("content-security-policy")]).toEqual(["DENY", "frame-ancestors 'none'"]);
    expect((await get("/v1/org")).status).toBe(401);
  });

  it("answers other methods on app paths with the JSON 404", async () => {
    const res = await get("/incidents", { method: "POST" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/json/);
  });
});
