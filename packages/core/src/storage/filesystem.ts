import { randomUUID } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidKey, ObjectNotFoundError, storageUnavailable, storeFrom, type ObjectStorage } from "./object-storage.js";

const isMissing = (error: unknown) => typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT";

/**
 * Objects as files under `dir` (the data dir's `attachments/` by default): each written to a
 * temporary name and renamed into place once complete, so a reader never sees half a file.
 */
export function createFilesystemStorage(dir: string): ObjectStorage {
  const pathOf = (key: string) => {
    assertValidKey(key);
    return join(dir, key);
  };
  return {
    kind: "filesystem",
    put: async (key, body: Readable) => {
      const path = pathOf(key);
      const partial = `${path}.${randomUUID()}.part`;
      await storeFrom(body, async () => {
        await mkdir(dirname(path), { recursive: true, mode: 0o700 });
        // Opened here, not by the write stream: pipeline can reject before a stream's own open
        // has run, and a file created after the rm below would be left behind.
        const file = await open(partial, "wx", 0o600);
        try {
          await pipeline(body, file.createWriteStream());
          await rename(partial, path);
        } catch (error) {
          await file.close();
          await rm(partial, { force: true });
          throw error;
        }
      });
    },
    get: async (key) => {
      try {
        const file = await open(pathOf(key), "r");
        return file.createReadStream();
      } catch (error) {
        if (isMissing(error)) throw new ObjectNotFoundError(key);
        throw storageUnavailable(error);
      }
    },
    delete: async (key) => {
      try {
        await rm(pathOf(key), { force: true });
      } catch (error) {
        throw storageUnavailable(error);
      }
    },
    close: () => undefined,
  };
}
