import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFilesystemStorage } from "../../src/storage/filesystem.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "incidentops-files-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const filesUnder = async (root: string) => (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);

describe("the filesystem store", () => {
  it("keeps a complete upload under its key", async () => {
    const storage = createFilesystemStorage(dir);
    await storage.put("orgs/a/object", Readable.from([Buffer.from("evidence")]));
    expect(await readFile(join(dir, "orgs/a/object"), "utf8")).toBe("evidence");
    expect(await filesUnder(dir)).toEqual(["object"]);
  });

  // A refused upload (too large, say) fails its stream at any moment, even before the partial
  // file's open has finished; whatever the moment, nothing may be left behind.
  it("leaves nothing of uploads whose stream fails at any moment", async () => {
    const storage = createFilesystemStorage(dir);
    for (let round = 0; round < 100; round++) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const body = new PassThrough();
          const stored = storage.put(`r${round}/k${i}`, body);
          body.write(Buffer.alloc(100));
          await sleep(Math.random() * 3);
          body.destroy(new Error("too large"));
          await expect(stored).rejects.toThrow("too large");
        }),
      );
    }
    expect(await filesUnder(dir)).toEqual([]);
  });
});
