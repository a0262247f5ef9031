import { createTRPCUntypedClient, httpLink, isTRPCClientError } from "@trpc/client";
import type { ApiErrorCode } from "./api-types.js";
import { codeForStatus, IncidentOpsConnectionError, IncidentOpsError } from "./errors.js";

/** A `fetch` implementation: the global one, undici's, a test double, one that adds tracing... */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

type LinkFetch = NonNullable<Parameters<typeof httpLink>[0]["fetch"]>;

export interface TransportOptions {
  /** The tRPC endpoint, e.g. `http://localhost:3000/trpc`. */
  url: string;
  fetch: FetchFunction | undefined;
  /** Per attempt, unless the call says otherwise (timeoutMsOf: 0 is none). */
  timeoutMs: number;
}

export interface SendOptions {
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
  /** This call's own timeout (timeoutMsOf), instead of the client's. */
  timeoutMs?: number | undefined;
}

/** The longest delay a timer can wait (a longer one fires at once). */
const LONGEST_TIMEOUT_MS = 2_147_483_647;

/**
 * A `timeoutMs` option as the transport takes it: milliseconds, or 0 for none (given as 0 or
 * Infinity). Anything else is a RangeError naming the option, thrown before any request.
 */
export function timeoutMsOf(value: number, option: string): number {
  if (value === 0 || value === Number.POSITIVE_INFINITY) return 0;
  if (!Number.isInteger(value) || value < 0 || value > LONGEST_TIMEOUT_MS) {
    throw new RangeError(`${option} must be a whole number of milliseconds from 1 to ${LONGEST_TIMEOUT_MS}, or 0 or Infinity for no timeout; got ${value}`);
  }
  return value;
}

interface ErrorData {
  code: ApiErrorCode;
  traceId?: unknown;
  details?: unknown;
  httpStatus?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function readErrorData(data: unknown): ErrorData | undefined {
  if (!isRecord(data) || typeof data.code !== "string" || !/^[A-Z][A-Z_]*$/.test(data.code)) return undefined;
  return data as unknown as ErrorData;
}

/**
 * One HTTP request for one procedure, through `@trpc/client`'s httpLink. Every failure comes
 * out as an `IncidentOpsError` (the API answered), an `IncidentOpsConnectionError` (it did
 * not), or the caller's `signal.reason` (the caller aborted).
 */
export async function send(
  options: TransportOptions,
  path: string,
  type: "query" | "mutation",
  input: unknown,
  call: SendOptions,
): Promise<unknown> {
  call.signal?.throwIfAborted();
  const timeoutMs = call.timeoutMs ?? options.timeoutMs;
  let response: Response | undefined;
  const baseFetch: FetchFunction = options.fetch ?? globalThis.fetch;
  // Remembers whether an HTTP answer arrived, which tRPC does not say when its body is not JSON.
  const capturingFetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await baseFetch(url, init);
    response = res;
    return res;
  };
  const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
  const signals = [call.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
  const client = createTRPCUntypedClient({
    links: [httpLink({ url: options.url, fetch: capturingFetch satisfies LinkFetch, headers: () => call.headers })],
  });
  try {
    return type === "query"
      ? await client.query(path, input, { signal })
      : await client.mutation(path, input, { signal });
  } catch (error) {
    if (call.signal?.aborted === true) throw call.signal.reason;
    if (timeout?.aborted === true) {
      throw new IncidentOpsConnectionError({
        message: `${path}: no answer from the API within ${timeoutMs} ms (timeoutMs)`,
        procedure: path,
        code: "TIMEOUT",
        cause: error,
      });
    }
    throw toSdkError(error, path, response);
  }
}

/** The Retry-After of an answer in seconds (an HTTP date counts from now); 1 when it has none. */
function retryAfterOf(response: Response): number {
  const value = response.headers.get("retry-after") ?? "";
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 1;
}

function toSdkError(error: unknown, path: string, response: Response | undefined): Error {
  const rawData: unknown = isTRPCClientError(error) ? error.data : undefined;
  const data = readErrorData(rawData);
  if (data !== undefined && isTRPCClientError(error)) {
    return new IncidentOpsError({
      code: data.code,
      message: error.message,
      httpStatus: typeof data.httpStatus === "number" ? data.httpStatus : (response?.status ?? 500),
      traceId: typeof data.traceId === "string" ? data.traceId : (response?.headers.get("x-request-id") ?? undefined),
      details: isRecord(data.details) ? data.details : {},
      procedure: path,
      cause: error,
    });
  }
  if (response !== undefined) {
    // An answer, but not an IncidentOps error body: a proxy's error page, a wrong baseUrl...
    const code = codeForStatus(response.status);
    return new IncidentOpsError({
      code,
      message: `${path}: the server answered HTTP ${response.status} without an IncidentOps error body (is baseUrl right?)`,
      httpStatus: response.status,
      traceId: response.headers.get("x-request-id") ?? undefined,
      details: code === "RATE_LIMITED" || code === "SERVICE_UNAVAILABLE" ? { retryAfterSeconds: retryAfterOf(response) } : {},
      procedure: path,
      cause: error,
    });
  }
  const cause = isTRPCClientError(error) ? (error.cause ?? error) : error;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new IncidentOpsConnectionError({ message: `${path}: cannot reach the API (${reason})`, procedure: path, code: "UNREACHABLE", cause });
}
