import type { ObjectStorageConfig } from "../config.js";
import { createFilesystemStorage } from "./filesystem.js";
import type { ObjectStorage } from "./object-storage.js";
import { createS3Storage } from "./s3.js";

export { ObjectNotFoundError, type ObjectStorage } from "./object-storage.js";

/** The attachment store the configuration names. */
export function createObjectStorage(config: ObjectStorageConfig): Promise<ObjectStorage> {
  return config.kind === "s3" ? createS3Storage(config) : Promise.resolve(createFilesystemStorage(config.dir));
}
