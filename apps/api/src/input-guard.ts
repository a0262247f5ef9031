import { AppError, findInputProblem, jsonNestingExceeds, MAX_JSON_DEPTH, type InputProblem } from "@incidentops/core";
import type { IncomingMessage, ServerResponse } from "node:http";
import express from "express";

const refusal = (problem: InputProblem) =>
  new AppError("VALIDATION_FAILED", `The request is invalid: ${problem.field} ${problem.message}`, { fields: { [problem.field]: [problem.message] } });

/**
 * Refuses (400 VALIDATION_FAILED naming the field) an input no route accepts, whatever its
 * schema says: a NUL character or an unpaired surrogate anywhere in it, or nesting deeper than
 * MAX_JSON_DEPTH. Every
 * procedure runs it first (trpc.ts: REST and tRPC alike), and so does alert ingestion.
 */
export function assertAcceptableInput(input: unknown): void {
  const problem = findInputProblem(input);
  if (problem !== undefined) throw refusal(problem);
}

/**
 * Express's JSON body parser, refusing a body nested deeper than MAX_JSON_DEPTH before parsing
 * it (body-parser passes what `verify` throws on to the error handlers), and a body that does not
 * match its Content-Encoding.
 */
export function jsonBodyParser(options: {
  limit: number | string;
  /** Read every body as JSON, whatever its Content-Type. */
  anyContentType?: boolean;
  /** Keep the bytes as received, for rawBodyOf (signature checks). */
  keepRaw?: boolean;
}): BodyParser {
  const parse: BodyParser = express.json({
    limit: options.limit,
    ...(options.anyContentType === true ? { type: () => true } : {}),
    verify: (req, _res, body) => {
      if (jsonNestingExceeds(body.toString("utf8"))) throw refusal({ field: "(body)", message: `nests deeper than ${MAX_JSON_DEPTH} levels` });
      if (options.keepRaw === true) rawBodies.set(req, body);
    },
  });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : asBodyRefusal(error)));
  };
}

/** A body parser, for express's routes and those served before express alike: it sets the request's `body` (parsedBodyOf). */
export type BodyParser = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The body a BodyParser read: undefined when the request had none. */
export const parsedBodyOf = (req: IncomingMessage): unknown => (req as { body?: unknown }).body;

/**
 * body-parser names each failure of its own by `type` (errors.ts answers each), and passes on an
 * AppError `verify` threw. Anything else comes from the stream the body was read through: zlib's
 * error for a body that gzip, deflate or brotli cannot decompress.
 */
function asBodyRefusal(error: unknown): unknown {
  if (error instanceof AppError || (typeof error === "object" && error !== null && "type" in error)) return error;
  return new AppError("VALIDATION_FAILED", "The request body could not be decompressed: it does not match its Content-Encoding", { fields: {} });
}

const rawBodies = new WeakMap<object, Buffer>();

/** The body's bytes as received, when its parser kept them (an empty body has none). */
export const rawBodyOf = (req: object): Buffer => rawBodies.get(req) ?? Buffer.alloc(0);
