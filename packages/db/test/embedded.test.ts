import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@incidentops/testkit";
import { shippedInstallation } from "../src/embedded/binaries.js";
import { isRoot } from "../src/embedded/os-user.js";
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedLog, type RunningPostgres } from "../src/index.js";

// As root, PostgreSQL runs as the `postgres` user; a clone in a folder that user cannot enter (a
// `mktemp -d` one, or under /root) used to crash with `spawn .../initdb EACCES`. Here the
// binaries and the data directory both sit in such a folder (mode 0700, root's own).

const cleanup: string[] = [];
afterAll(async () => {
  for (const path of cleanup) await rm(path, { recursive: true, force: true });
});

async function hiddenFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "incidentops-hidden-"));
  cleanup.push(folder);
  return folder;
}

/** A folder for staged copies, root's own and readable by all, removed after the file. */
async function stagingFolder(): Promise<string> {
  const folder = join(tmpdir(), `incidentops-staging-test-${process.pid}`);
  await mkdir(folder, { mode: 0o755 });
  cleanup.push(folder);
  return folder;
}

const capture = () => {
  const lines: string[] = [];
  const log: EmbeddedLog = (level, message) => {
    if (level !== "debug") lines.push(message);
  };
  return { lines, log };
};

async function query<T>(server: RunningPostgres, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.url() });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL from a folder the postgres user cannot enter", () => {
  it("runs, keeping its binaries and data where that user can reach them (and saying where), and finds its data again", { timeout: 120_000 }, async () => {
    const hidden = await hiddenFolder();
    const shipped = shippedInstallation();
    await cp(shipped.root, join(hidden, "native"), { recursive: true, verbatimSymlinks: true });
    const staging = await stagingFolder();
    const options = {
      dataDir: join(hidden, "data"),
      port: await freePort(),
      binaries: { root: join(hidden, "native"), version: shipped.version },
      stagingRoots: [staging],
    };

    const first = capture();
    const server = await startEmbeddedPostgres({ ...options, log: first.log });
    await query(server, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await server.stop();
    const again = capture();
    const restarted = await startEmbeddedPostgres({ ...options, log: again.log });
    try {
      expect(await query<{ note: string }>(restarted, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
      expect(restarted.dataDir).toBe(server.dataDir);
      if (isRoot()) {
        expect(server.dataDir.startsWith(`${staging}/clusters/`)).toBe(true);
        expect(first.lines).toContainEqual(expect.stringContaining(`running a copy in ${staging}/postgres-${shipped.version}-`));
        expect(first.lines).toContainEqual(expect.stringContaining(`keeps its data in ${server.dataDir}`));
        expect(again.lines).toContainEqual(expect.stringContaining(`keeps its data in ${server.dataDir}`));
      } else {
        // Running as its own user, PostgreSQL reaches whatever this process reaches.
        expect(server.dataDir).toBe(options.dataDir);
      }
    } finally {
      await restarted.stop();
      cleanup.push(server.dataDir);
    }
  });

  it("where nothing can be staged, stops with one line that says what to do (never an unhandled error)", { timeout: 60_000 }, async () => {
    const hidden = await hiddenFolder();
    const shipped = shippedInstallation();
    await cp(shipped.root, join(hidden, "native"), { recursive: true, verbatimSymlinks: true });
    await writeFile(join(hidden, "a-file"), "");
    const start = startEmbeddedPostgres({
      dataDir: join(hidden, "data"),
      port: await freePort(),
      binaries: { root: join(hidden, "native"), version: shipped.version },
      // Under a file: no folder can be made there.
      stagingRoots: [join(hidden, "a-file", "staging")],
    });
    if (!isRoot()) {
      // Nothing to stage for its own user: it simply runs.
      await (await start).stop();
      return;
    }
    const error = await start.then(
      () => new Error("started"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toContain("set DATABASE_URL");
  });
});
