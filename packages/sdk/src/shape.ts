/**
 * Type machinery that turns the API's procedure shape (see api-types.ts) into the client's
 * types. Nothing here names a procedure: every name comes from the router.
 */

/** One procedure as the API declares it. */
export interface ProcedureSpec {
  type: "query" | "mutation";
  input: unknown;
  output: unknown;
}

/** Options every call takes, as its last argument. */
export interface CallOptions {
  /** Cancels the call, its retries and its wait for a token refresh; it rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call only. */
  headers?: Record<string, string> | undefined;
  /** Sent as `x-request-id`: the API logs it and answers errors with it as `traceId`. */
  requestId?: string | undefined;
  /** The client's `timeoutMs` for this call's requests (0 or `Infinity`: none); a token refresh it waits for keeps the client's. */
  timeoutMs?: number | undefined;
  /**
   * A write's idempotency key (1-255 visible ASCII characters, e.g. `crypto.randomUUID()`), sent
   * as `Idempotency-Key`: the API answers a repeat of the call within 24 hours with its first
   * answer instead of changing anything again. The client then also retries the call after no
   * answer (a dropped connection, a timeout) or `SERVICE_UNAVAILABLE`, as it does a query, since
   * a retry can no longer apply it twice. Keep the key to send the call again later (after a
   * crash, say). Operations whose answer holds a secret shown once refuse a key
   * (`INVALID_IDEMPOTENCY_KEY`); queries and the writes anyone may call (`auth.login`, ...)
   * are sent without it.
   */
  idempotencyKey?: string | undefined;
}

/** The input without the `void` tRPC adds when it may be omitted. */
type InputObject<P extends ProcedureSpec> = Extract<P["input"], object>;

/**
 * A cursor-paginated list: a query taking `cursor` and answering `{ items, nextCursor }`.
 * (scripts/api-shape.ts applies the same rule to build the run-time table.)
 */
export type IsPaginated<P> = P extends ProcedureSpec & {
  type: "query";
  output: { items: readonly unknown[]; nextCursor: string | null };
}
  ? "cursor" extends keyof InputObject<P>
    ? true
    : false
  : false;

/** The type of one element of a paginated procedure's `items`. */
export type PageItem<P> = P extends { output: { items: readonly (infer T)[] } } ? T : never;

/** A paginated procedure's input without `cursor`: the iterator moves the cursor itself. */
export type PageInput<P extends ProcedureSpec> = {
  [K in keyof InputObject<P> as K extends "cursor" ? never : K]: InputObject<P>[K];
};

/** Calls one procedure: `client.incidents.get({ incidentId })`. */
export type ProcedureFunction<P extends ProcedureSpec> = undefined extends P["input"]
  ? (input?: P["input"], options?: CallOptions) => Promise<P["output"]>
  : (input: P["input"], options?: CallOptions) => Promise<P["output"]>;

/** Iterates every item of every page: `for await (const incident of client.incidents.listAll({ status }))`. */
export type PaginateFunction<P extends ProcedureSpec> =
  Partial<PageInput<P>> extends PageInput<P>
    ? (input?: PageInput<P>, options?: CallOptions) => AsyncGenerator<PageItem<P>, void, undefined>
    : (input: PageInput<P>, options?: CallOptions) => AsyncGenerator<PageItem<P>, void, undefined>;

type AllKey<S> = {
  [K in keyof S & string]: IsPaginated<S[K]> extends true ? `${K}All` : never;
}[keyof S & string];

/**
 * The client for one namespace of the router: a function per procedure, a namespace per
 * sub-router, and `<name>All` beside every paginated list (`list` -> `listAll`).
 */
export type ClientRecord<S> = {
  [K in keyof S | Exclude<AllKey<S>, keyof S>]: K extends keyof S
    ? S[K] extends ProcedureSpec
      ? ProcedureFunction<S[K]>
      : ClientRecord<S[K]>
    : K extends `${infer Base}All`
      ? Base extends keyof S
        ? S[Base] extends ProcedureSpec
          ? PaginateFunction<S[Base]>
          : never
        : never
      : never;
};

/** Inputs by namespace and procedure: `RouterInputs["incidents"]["transition"]`. */
export type InputsOf<S> = { [K in keyof S]: S[K] extends ProcedureSpec ? S[K]["input"] : InputsOf<S[K]> };

/** Outputs by namespace and procedure: `RouterOutputs["incidents"]["get"]`. */
export type OutputsOf<S> = { [K in keyof S]: S[K] extends ProcedureSpec ? S[K]["output"] : OutputsOf<S[K]> };

type Entries<S, Prefix extends string = ""> = {
  [K in keyof S & string]: S[K] extends ProcedureSpec ? [`${Prefix}${K}`, S[K]] : Entries<S[K], `${Prefix}${K}.`>;
}[keyof S & string];

type TableEntry<P extends ProcedureSpec> = IsPaginated<P> extends true ? { type: "query"; paginated: true } : { type: P["type"] };

/** The run-time table of procedures (src/procedures.ts) must be exactly this. */
export type ProcedureTable<S> = {
  [E in Entries<S> as E extends [infer Path extends string, ProcedureSpec] ? Path : never]: E extends [string, infer P extends ProcedureSpec]
    ? TableEntry<P>
    : never;
};
