import type { Readable } from "node:stream";
import { AppError } from "../errors.js";

/**
 * Where attachment bytes live, behind one interface: a directory (filesystem.ts) or an
 * S3-compatible bucket (s3.ts). Keys are paths of ids (`orgs/<uuid>/...`), never a caller's text.
 */
export interface ObjectStorage {
  readonly kind: "filesystem" | "s3";
  /**
   * Stores the stream's bytes under `key`. When the stream fails (a size limit, a client that
   * hangs up), nothing is left behind and that error is thrown; when the store fails, 503.
   */
  put(key: string, body: Readable): Promise<void>;
  /** The bytes under `key`; throws ObjectNotFoundError when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes under `key`; nothing to remove is no error. */
  delete(key: string): Promise<void>;
  /** Releases connections (S3). */
  close(): void;
}

export class ObjectNotFoundError extends Error {
  override name = "ObjectNotFoundError";
}

const RETRY_AFTER_SECONDS = 5;

/** The store itself failed (unreachable, refusing): the caller may retry. */
export const storageUnavailable = (cause: unknown) => {
  const error = new AppError("SERVICE_UNAVAILABLE", "The attachment store is unavailable: retry after the Retry-After seconds", {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
  error.cause = cause;
  return error;
};

const KEY_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** Keys are made by the application from ids: anything else (`..`, a leading slash) is a bug. */
export function assertValidKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

/**
 * Runs `store` with the body, telling a failure of the body (rethrown as is) from a failure of
 * the store (503): the body's own error wins, since the store fails too when its input does.
 */
export async function storeFrom(body: Readable, store: () => Promise<void>): Promise<void> {
  let bodyError: Error | undefined;
  const onError = (error: Error) => {
    bodyError ??= error;
  };
  body.once("error", onError);
  try {
    await store();
  } catch (error) {
    throw bodyError ?? (error instanceof AppError ? error : storageUnavailable(error));
  } finally {
    body.off("error", onError);
  }
  if (bodyError !== undefined) throw bodyError;
}
