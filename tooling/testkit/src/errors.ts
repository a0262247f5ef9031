import { expect } from "vitest";
import { TEST_JWT_SECRET, type HttpResponse } from "./test-api.js";

/** The public error body, REST and tRPC alike. */
export interface ErrorBody {
  code: string;
  message: string;
  traceId: string;
  details: { fields?: Record<string, string[]>; [key: string]: unknown };
}

// "    at fn (file.ts:12:5)" or "    at file.js:1:2": what a leaked stack frame looks like.
const STACK_FRAME = /\bat (?:\S+ )?\(?[^\s()]+:\d+:\d+\)?|\n\s+at |\bat \S+ \(|\bat .+\.(?:ts|js):\d+/;
const SOURCE_LOCATION = /node_modules|\.ts:\d+|\.js:\d+/;
const SQL = /\b(?:SELECT|INSERT|UPDATE|DELETE)\b|\b(?:FROM|WHERE|RETURNING)\s+"?[a-z_]+"?/;

/** Nothing internal in a text the public sees: no stack trace, source path, SQL or the signing key. */
export function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/stack/i);
  expect(text).not.toMatch(STACK_FRAME);
  expect(text).not.toMatch(SOURCE_LOCATION);
  expect(text).not.toMatch(SQL);
  expect(text).not.toContain(TEST_JWT_SECRET);
}

/**
 * Asserts the status and the public error contract: exactly `{ code, message, traceId, details }`
 * with the code, a message, an object of details, the traceId echoing the response's
 * x-request-id, and nothing that leaks (see {@link expectNoLeak}). Returns the body.
 */
export function expectError(res: HttpResponse<unknown>, status: number, code: string): ErrorBody {
  const text = JSON.stringify(res.body);
  expect(res.status, text).toBe(status);
  const body = res.body as ErrorBody;
  expect(Object.keys(body).sort()).toEqual(["code", "details", "message", "traceId"]);
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe("string");
  expect(body.message.length).toBeGreaterThan(0);
  expect(typeof body.details).toBe("object");
  expect(body.details).not.toBeNull();
  const requestId = res.headers.get("x-request-id");
  expect(requestId).toBeTruthy();
  expect(body.traceId).toBe(requestId);
  expectNoLeak(text);
  return body;
}

/** The field paths of a VALIDATION_FAILED body's `details.fields`. */
export function fieldsOf(body: { details?: unknown }): Record<string, string[]> {
  const details = body.details;
  if (typeof details !== "object" || details === null || !("fields" in details)) return {};
  const fields = details.fields;
  return typeof fields === "object" && fields !== null ? (fields as Record<string, string[]>) : {};
}

/** Asserts a 400 VALIDATION_FAILED error body naming at least one field; returns the field paths, sorted. */
export function expectValidationFailed(res: HttpResponse<unknown>): string[] {
  const keys = Object.keys(fieldsOf(expectError(res, 400, "VALIDATION_FAILED"))).sort();
  expect(keys.length, JSON.stringify(res.body)).toBeGreaterThan(0);
  return keys;
}

/** What `promise` rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
