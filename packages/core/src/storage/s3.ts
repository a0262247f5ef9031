import type { Readable } from "node:stream";
import type { ObjectStorageConfig } from "../config.js";
import { assertValidKey, ObjectNotFoundError, storageUnavailable, storeFrom, type ObjectStorage } from "./object-storage.js";

type S3Config = Extract<ObjectStorageConfig, { kind: "s3" }>;

const isNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && "name" in error && (error.name === "NoSuchKey" || error.name === "NotFound");

/**
 * Objects in an S3 bucket, or an S3-compatible server's (MinIO, Ceph, R2 ...) at `endpoint`,
 * through the AWS SDK. Uploads stream (multipart beyond 5 MB, so their size need not be known
 * up front). The SDK is loaded only when this store is configured.
 */
export async function createS3Storage(config: S3Config): Promise<ObjectStorage> {
  const { S3Client, GetObjectCommand, DeleteObjectCommand } = await import("@aws-sdk/client-s3");
  const { Upload } = await import("@aws-sdk/lib-storage");
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
    // S3-compatible servers do not all take the SDK's default streaming checksums (aws-chunked
    // bodies with trailers): send and check checksums only where S3 requires them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const at = (key: string) => {
    assertValidKey(key);
    return { Bucket: config.bucket, Key: key };
  };
  return {
    kind: "s3",
    put: (key, body: Readable) => storeFrom(body, () => new Upload({ client, params: { ...at(key), Body: body } }).done().then(() => undefined)),
    get: async (key) => {
      try {
        const object = await client.send(new GetObjectCommand(at(key)));
        if (object.Body === undefined) throw new ObjectNotFoundError(key);
        return object.Body as Readable;
      } catch (error) {
        if (error instanceof ObjectNotFoundError) throw error;
        if (isNotFound(error)) throw new ObjectNotFoundError(key);
        throw storageUnavailable(error);
      }
    },
    delete: async (key) => {
      try {
        await client.send(new DeleteObjectCommand(at(key)));
      } catch (error) {
        throw storageUnavailable(error);
      }
    },
    close: () => client.destroy(),
  };
}
