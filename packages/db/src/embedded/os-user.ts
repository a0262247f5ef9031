import { execFile, spawnSync } from "node:child_process";
import { userInfo } from "node:os";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Who the PostgreSQL processes run as: this process's user, or (as root) the `postgres` system user. */
export interface RunAs {
  /** Undefined: this process's own user. */
  uid?: number;
  gid?: number;
  name: string;
}

/** Thrown with one line that says what to do; the launchers print it instead of a stack. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

export const isRoot = () => userInfo().uid === 0;

async function idOf(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root: as root it runs as the `postgres` system user, created
 * (as a system account without a login shell) when missing.
 */
export async function postgresRunAs(): Promise<RunAs> {
  if (!isRoot()) return { name: userInfo().username };
  let ids = await idOf("postgres");
  if (ids === undefined) {
    try {
      await run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
    } catch {
      throw new EmbeddedPostgresError(
        "PostgreSQL will not run as root and there is no `postgres` user to run it as: create one (useradd --system postgres), start IncidentOps as another user, or set DATABASE_URL",
      );
    }
    ids = await idOf("postgres");
    if (ids === undefined) throw new EmbeddedPostgresError("The `postgres` user was created but cannot be found: set DATABASE_URL to use another server");
  }
  return { ...ids, name: "postgres" };
}

/**
 * Whether `user` can do what `test` checks (`-x`, `-w`, `-r`) on `path`: asked of the system as
 * that user, so every directory on the way counts (a folder other users cannot enter, like a
 * `mktemp -d` one or /root, hides everything below it).
 */
export function canAccess(user: RunAs, test: "-x" | "-w" | "-r", path: string): boolean {
  if (user.uid === undefined) return true;
  const result = spawnSync("/bin/sh", ["-c", `test ${test} "$1"`, "sh", path], { uid: user.uid, gid: user.gid, stdio: "ignore" });
  return result.status === 0;
}
