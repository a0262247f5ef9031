import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built web app (apps/web/dist), rebuilt when missing or stale: what `pnpm start` serves and
 * the browser tests run against. Stale means its sources (src/, public/, index.html, its config,
 * its package.json and the lockfile) hash to something else than the hash the build recorded.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
export const WEB_DIR = join(root, "apps", "web");
export const WEB_DIST_DIR = join(WEB_DIR, "dist");
const HASH_FILE = join(WEB_DIST_DIR, ".source-hash");

const SOURCES = ["src", "public", "index.html", "vite.config.ts", "tsconfig.json", "package.json", "components.json"];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** One hash of every source file's path and content. */
export function webSourceHash(): string {
  const hash = createHash("sha256");
  const files = [...SOURCES.flatMap((source) => filesUnder(join(WEB_DIR, source))), join(root, "pnpm-lock.yaml")];
  for (const file of files) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function webBuildIsCurrent(): boolean {
  return existsSync(join(WEB_DIST_DIR, "index.html")) && existsSync(HASH_FILE) && readFileSync(HASH_FILE, "utf8").trim() === webSourceHash();
}

/** Builds the app unless its build is current; throws when the build fails. */
export function ensureWebBuild(log: (message: string) => void = console.log): void {
  if (webBuildIsCurrent()) return;
  log("Building the web app (apps/web): its build is missing or older than its sources");
  const hash = webSourceHash();
  const vite = join(WEB_DIR, "node_modules", "vite", "bin", "vite.js");
  // A production build whoever asks: under a test runner NODE_ENV is "test", and Vite would build React's development bundle.
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: WEB_DIR, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`Building the web app failed (exit ${result.status ?? result.signal}): run pnpm --filter web build to see why`);
  writeFileSync(HASH_FILE, `${hash}\n`);
}
