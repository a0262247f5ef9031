/**
 * The API's procedures, derived from its router type: the only module of the SDK that imports
 * the (unpublished) `api` package. Inside the workspace the SDK is typed from the live router,
 * so a change there shows up here at once; the published build (scripts/build.ts) replaces this
 * module's declarations with the same types written out in full, which need no workspace package.
 */
import type { AnyTRPCProcedure, AnyTRPCRouter, inferProcedureInput, inferProcedureOutput } from "@trpc/server";
import type { AppRouter } from "api";

type ProcedureShape<P extends AnyTRPCProcedure> = {
  type: P["_def"]["type"];
  input: inferProcedureInput<P>;
  output: inferProcedureOutput<P>;
};

/** Subscriptions (the web app's live stream over server-sent events) are not the SDK's: left out. */
type IsSubscription<P> = P extends AnyTRPCProcedure ? (P["_def"]["type"] extends "subscription" ? true : false) : false;

type RecordShape<R> = {
  [K in keyof R as IsSubscription<R[K]> extends true ? never : K]: R[K] extends AnyTRPCProcedure
    ? ProcedureShape<R[K]>
    : R[K] extends AnyTRPCRouter
      ? RecordShape<R[K]["_def"]["record"]>
      : RecordShape<R[K]>;
};

type ErrorData = AppRouter["_def"]["_config"]["$types"]["errorShape"]["data"];

/** Every procedure of the API by namespace: its kind (`query` or `mutation`), input and output. */
export type ApiShape = RecordShape<AppRouter["_def"]["record"]>;

/** The API's stable error codes (`error.code`), e.g. `"VERSION_CONFLICT"`. */
export type ApiErrorCode = ErrorData["code"];

/** Machine-readable context of an error, e.g. `{ fields: { title: ["Required"] } }`: one of the shapes below. */
export type ApiErrorDetails = ErrorData["details"];

/**
 * The details each error code carries, e.g. `VERSION_CONFLICT`: `{ currentVersion, currentStatus }`,
 * `VALIDATION_FAILED`: `{ fields }`, `RATE_LIMITED`: `{ retryAfterSeconds, limit, windowSeconds }`.
 */
export type ApiErrorDetailsByCode = { [C in ApiErrorCode]: Extract<ErrorData, { code: C }>["details"] };
