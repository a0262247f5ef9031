import type { ApiShape } from "./api-types.js";
import { hasErrorCode, isConnectionError, isIncidentOpsError, type IncidentOpsError } from "./errors.js";
import { procedures } from "./procedures.js";
import { abortable, Session, type IncidentOpsAuth, type TokenResponse, type Tokens } from "./session.js";
import type { CallOptions, ClientRecord } from "./shape.js";
import { send, timeoutMsOf, type FetchFunction, type SendOptions, type TransportOptions } from "./transport.js";

export type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/**
 * Retries of a call the API did not apply: a query, or a write sent with an idempotency key, after
 * a connection failure, a timeout or a `SERVICE_UNAVAILABLE` answer; any call after a
 * `CONCURRENT_CHANGE` answer.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** Delay before the first retry after no answer; doubles each time, with jitter. Default 200 ms. */
  minDelayMs?: number;
  /** Longest delay between two attempts: an answer whose Retry-After is longer is not waited for. Default 5000 ms. */
  maxDelayMs?: number;
}

export interface IncidentOpsClientOptions {
  /** Where the API is, e.g. `https://incidentops.example.com` (the client calls `<baseUrl>/trpc`). */
  baseUrl: string;
  /** Tokens, an API key, or email and password; omit it for the public procedures only. */
  auth?: IncidentOpsAuth | undefined;
  /** The `fetch` to use; the global one by default. */
  fetch?: FetchFunction | undefined;
  /** Called with every new token pair (login, refresh, switch of org), so you can persist it. Awaited before the calls that waited for it go on. */
  onTokens?: ((tokens: TokenResponse) => void | Promise<void>) | undefined;
  /** Called once when the API refuses to renew the session (the refresh token expired, was revoked or reused): log in again. */
  onSessionExpired?: ((error: IncidentOpsError) => void) | undefined;
  /** Headers sent with every call (or a function returning them, called per request). */
  headers?: HeadersOption | undefined;
  /**
   * How long each request waits for the API's answer before it fails with an
   * `IncidentOpsConnectionError` of code `TIMEOUT` (queries are retried first). 0 or `Infinity`:
   * no timeout. Default 30 000 ms; a call's own `timeoutMs` overrides it.
   */
  timeoutMs?: number | undefined;
  /** Retries of calls the API did not apply (RetryOptions); `false` disables them. */
  retry?: RetryOptions | false | undefined;
}

/** What the client adds to the router's namespaces. */
export interface ClientMethods {
  /** The tokens the client holds now (after any refresh), or undefined. */
  getTokens(): Tokens | undefined;
  /** Replaces the tokens (e.g. with the answer of `client.auth.login`), or forgets them with `null`. */
  setTokens(tokens: Tokens | null): void;
  /** Renews the token pair now (shares a refresh already under way). */
  refreshTokens(options?: CallOptions): Promise<TokenResponse>;
  /** Moves the session to another organisation the user belongs to; later calls act there. */
  switchOrg(orgId: string, options?: CallOptions): Promise<TokenResponse>;
  /** Revokes the session on the API and forgets the tokens. */
  logout(): Promise<void>;
}

/**
 * The typed client: one namespace per router namespace, one function per procedure
 * (`client.incidents.get({ incidentId })`), `<list>All` async iterators beside paginated
 * lists (`client.incidents.listAll({ status })`), and the session methods of `ClientMethods`.
 */
export type IncidentOpsClient = ClientRecord<ApiShape> & ClientMethods;

/** Fails to compile if a session method would hide a namespace of the router. */
type NoClash<Names extends never> = Names;
export type SessionMethodsClash = NoClash<Extract<keyof ApiShape, keyof ClientMethods>>;

export interface LoginOptions extends Omit<IncidentOpsClientOptions, "auth"> {
  email: string;
  password: string;
  /** The organisation to act in; the user's first one by default. */
  orgId?: string | undefined;
}

/** Procedures that answer UNAUTHORIZED about their own input, not about the caller's token. */
const SESSION_PROCEDURES = new Set(["auth.register", "auth.login", "auth.refresh", "auth.switchOrg", "auth.logout"]);

/**
 * The writes anyone may call: no caller owns a key there, so the API ignores an idempotency key
 * on them, and the client sends none, nor sends them again after no answer.
 */
export const PUBLIC_WRITES: ReadonlySet<string> = new Set([...SESSION_PROCEDURES, "auth.forgotPassword", "auth.resetPassword", "auth.acceptInvitation"]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Waits `ms`, or rejects with `signal.reason` (and clears the timer) as soon as the caller aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      const reason = signal?.reason as Error;
      reject(reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

async function resolveHeaders(headers: HeadersOption | undefined): Promise<Record<string, string>> {
  return typeof headers === "function" ? await headers() : (headers ?? {});
}

/** Lower-cases names so a caller's `Authorization` cannot sit beside the client's `authorization`. */
function mergeHeaders(...sources: (Record<string, string> | undefined)[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of sources) {
    for (const [name, value] of Object.entries(source ?? {})) merged[name.toLowerCase()] = value;
  }
  return merged;
}

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

const isPage = (value: unknown): value is Page =>
  isRecord(value) && Array.isArray(value.items) && (typeof value.nextCursor === "string" || value.nextCursor === null);

/** Creates a client. No request is made until the first call. */
export function createIncidentOpsClient(options: IncidentOpsClientOptions): IncidentOpsClient {
  const transport: TransportOptions = {
    url: `${options.baseUrl.replace(/\/+$/, "")}/trpc`,
    fetch: options.fetch,
    timeoutMs: timeoutMsOf(options.timeoutMs ?? 30_000, "timeoutMs"),
  };
  const retry = options.retry === false ? { retries: 0, minDelayMs: 0, maxDelayMs: 0 } : options.retry;
  const retries = retry?.retries ?? 2;
  const minDelayMs = retry?.minDelayMs ?? 200;
  const maxDelayMs = retry?.maxDelayMs ?? 5000;
  const backoff = (attempt: number) => Math.min(maxDelayMs, minDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);

  /**
   * How long to wait before sending again a call that failed with `error`, or undefined when it
   * must not be. `resendable`: a query (a read may be made twice) or a write sent with an
   * idempotency key (its repeat replays its first answer); not another write, which the database
   * may have committed, its answer lost. A resendable call that got no answer is sent again after
   * the backoff; any call answered CONCURRENT_CHANGE (the API applied nothing of it) and a
   * resendable one answered SERVICE_UNAVAILABLE after the answer's Retry-After when that is no
   * longer than maxDelayMs, with jitter so that calls that conflicted together do not come back together.
   */
  function retryDelayOf(error: unknown, resendable: boolean, attempt: number): number | undefined {
    if (isConnectionError(error)) return resendable ? backoff(attempt) : undefined;
    const unapplied = hasErrorCode(error, "CONCURRENT_CHANGE") || (resendable && hasErrorCode(error, "SERVICE_UNAVAILABLE"));
    if (!unapplied) return undefined;
    const retryAfterMs = error.details.retryAfterSeconds * 1000;
    return retryAfterMs <= maxDelayMs ? retryAfterMs + Math.random() * minDelayMs : undefined;
  }

  /**
   * Sends a call, and sends it again while its failure says it may be (retryDelayOf), `retries`
   * times at most; `headers` are made anew for each request. The caller's signal ends a wait at once.
   */
  async function sendRetrying(
    path: string,
    type: "query" | "mutation",
    input: unknown,
    call: Omit<SendOptions, "headers"> & { headers: () => Promise<Record<string, string>>; keyed?: boolean },
  ): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(transport, path, type, input, { ...call, headers: await call.headers() });
      } catch (error) {
        const delayMs = attempt < retries ? retryDelayOf(error, type === "query" || call.keyed === true, attempt) : undefined;
        if (delayMs === undefined) throw error;
        await sleep(delayMs, call.signal);
      }
    }
  }

  const session = new Session(
    options.auth,
    (path, input) => sendRetrying(path, "mutation", input, { headers: async () => mergeHeaders(await resolveHeaders(options.headers)), signal: undefined }),
    { onTokens: options.onTokens, onSessionExpired: options.onSessionExpired },
  );

  async function invoke(path: string, type: "query" | "mutation", input: unknown, call: CallOptions = {}): Promise<unknown> {
    const { signal } = call;
    signal?.throwIfAborted();
    const timeoutMs = call.timeoutMs === undefined ? undefined : timeoutMsOf(call.timeoutMs, "the call's timeoutMs");
    // Calls that rotate or revoke the client's own refresh token go through the session, so
    // they cannot race its automatic refresh (a rotated token presented twice revokes what the
    // first rotation gave, or the whole session).
    const ownToken = isRecord(input) && input.refreshToken !== undefined && input.refreshToken === session.currentRefreshToken();
    if (ownToken && (path === "auth.refresh" || path === "auth.switchOrg")) {
      const orgId = typeof input.orgId === "string" ? input.orgId : undefined;
      return abortable(session.rotate(path, orgId === undefined ? {} : { orgId }), signal);
    }
    if (ownToken && path === "auth.logout") {
      await abortable(session.logout(), signal);
      return { ok: true };
    }

    if (!SESSION_PROCEDURES.has(path)) await session.ready(signal);
    const idempotencyKey = type === "mutation" && !PUBLIC_WRITES.has(path) ? call.idempotencyKey : undefined;
    const keyed = idempotencyKey !== undefined;
    let replayed = false;
    for (;;) {
      const bearer = session.bearer();
      const headers = async () =>
        mergeHeaders(
          await resolveHeaders(options.headers),
          call.headers,
          call.requestId === undefined ? undefined : { "x-request-id": call.requestId },
          idempotencyKey === undefined ? undefined : { "idempotency-key": idempotencyKey },
          bearer === undefined ? undefined : { authorization: `Bearer ${bearer}` },
        );
      try {
        return await sendRetrying(path, type, input, { headers, signal, timeoutMs, keyed });
      } catch (error) {
        // An expired access token: renew it once (or join the renewal under way), then replay.
        if (isIncidentOpsError(error) && error.code === "UNAUTHORIZED" && !replayed && !SESSION_PROCEDURES.has(path)) {
          replayed = true;
          if (await session.recover(bearer, signal)) continue;
        }
        throw error;
      }
    }
  }

  async function* paginate(path: string, input: unknown, call: CallOptions = {}): AsyncGenerator<unknown, void, undefined> {
    const base = isRecord(input) ? input : {};
    let cursor = typeof base.cursor === "string" ? base.cursor : undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await invoke(path, "query", cursor === undefined ? base : { ...base, cursor }, call);
      if (!isPage(page)) throw new Error(`${path} did not answer a page ({ items, nextCursor })`);
      yield* page.items;
      if (page.nextCursor === null) return;
      if (seen.has(page.nextCursor)) throw new Error(`${path} answered the same cursor twice: stopping`);
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  const root: Record<string, unknown> = {};
  for (const [path, entry] of Object.entries(procedures)) {
    const segments = path.split(".");
    const name = segments.pop() ?? path;
    let node = root;
    for (const segment of segments) {
      const next = (node[segment] ??= {}) as Record<string, unknown>;
      node = next;
    }
    node[name] = (input?: unknown, call?: CallOptions) => invoke(path, entry.type, input, call);
    if ("paginated" in entry) node[`${name}All`] = (input?: unknown, call?: CallOptions) => paginate(path, input, call);
  }

  const methods: ClientMethods = {
    getTokens: () => session.tokens(),
    setTokens: (tokens) => session.setTokens(tokens),
    refreshTokens: (call) => abortable(session.rotate("auth.refresh", {}), call?.signal),
    switchOrg: (orgId, call) => abortable(session.rotate("auth.switchOrg", { orgId }), call?.signal),
    logout: () => session.logout(),
  };
  // The table in procedures.ts is checked against the router type (ProcedureTable), so this
  // object has exactly the shape ClientRecord<ApiShape> describes.
  return Object.assign(root, methods) as unknown as IncidentOpsClient;
}

/** Logs in with email and password and returns a client holding the tokens (not the password). */
async function login(options: LoginOptions): Promise<IncidentOpsClient> {
  const { email, password, orgId, ...rest } = options;
  const client = createIncidentOpsClient(rest);
  const tokens = await client.auth.login(orgId === undefined ? { email, password } : { email, password, orgId });
  client.setTokens(tokens);
  await options.onTokens?.(tokens);
  return client;
}

/** `IncidentOpsClient.login({ baseUrl, email, password })` and `IncidentOpsClient.create(options)`. */
export const IncidentOpsClient = {
  login,
  create: createIncidentOpsClient,
} as const;
