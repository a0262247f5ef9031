import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import { bareHostname, ForbiddenAddressError, guardedLookup, literalHostRefusal } from "./addresses.js";
import { elapsedSince, failure, permanentFailure, type DeliveryOutcome, type HttpDeliveryOptions } from "./outcome.js";
import { retryAfterMsOf } from "./retry-after.js";

export const USER_AGENT = "IncidentOps-Webhooks/0.1";

/** Enough to let the receiver finish its answer; nobody reads it. */
const RESPONSE_DRAIN_LIMIT = 64 * 1024;

/**
 * An idle connection is kept this long for the next delivery to its receiver (less if the
 * receiver says so): a burst reuses it, and it is let go before common servers' idle timeouts
 * (Node's 5 s), whose closing would race a request sent on it (a POST is not retried).
 */
const KEEP_ALIVE_MS = 4_000;
/**
 * At most this many connections to one origin from a process; more requests wait for one, within
 * their own deadline. A lane sends at most DELIVERY_RECEIVER_CONCURRENCY requests at once, so
 * this is room for 32 lanes sharing a host at full speed (a chat service's webhook host, or 20
 * black-hole targets of one org on one server) before one org's deliveries queue behind another's.
 */
const CONNECTIONS_PER_ORIGIN = 128;

/**
 * Connection pools for deliveries: one per origin, kept alive, bounded; unless `allowPrivate`,
 * every NEW connection's address is checked by `lookup` (the SSRF rules) before the socket
 * connects, so a name that comes to resolve to a private address is refused on its next
 * connection, while connections already made stay with the address checked when they were made.
 */
export function createDeliveryAgent(options: { allowPrivate: boolean; connectTimeoutMs: number; lookup?: LookupFunction }): Agent {
  return new Agent({
    connect: options.allowPrivate ? { timeout: options.connectTimeoutMs } : { timeout: options.connectTimeoutMs, lookup: options.lookup ?? guardedLookup },
    connections: CONNECTIONS_PER_ORIGIN,
    keepAliveTimeout: KEEP_ALIVE_MS,
  });
}

/**
 * This process's delivery pools, by policy and connect timeout (one pair of settings in
 * practice). Idle connections do not keep the process alive (undici unrefs them), so nothing
 * needs closing on shutdown.
 */
const sharedAgents = new Map<string, Agent>();

function sharedAgent(allowPrivate: boolean, connectTimeoutMs: number): Agent {
  const key = `${allowPrivate}:${connectTimeoutMs}`;
  let agent = sharedAgents.get(key);
  if (agent === undefined) {
    agent = createDeliveryAgent({ allowPrivate, connectTimeoutMs });
    sharedAgents.set(key, agent);
  }
  return agent;
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the receiver",
  EPIPE: "connection closed by the receiver",
  UND_ERR_SOCKET: "connection closed by the receiver",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_HEADERS_TIMEOUT: "timed out waiting for the response",
  UND_ERR_BODY_TIMEOUT: "timed out reading the response",
};

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The errors behind `error`: itself, its causes and, for an AggregateError, each of its errors. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 10) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null) continue;
    const like: ErrorLike = next;
    chain.push(like);
    if (like.cause !== undefined) queue.push(like.cause);
    if (Array.isArray(like.errors)) queue.push(...(like.errors as unknown[]));
  }
  return chain;
}

/**
 * A short reason for a failed request. Only messages this module controls or a fixed table are
 * used, so nothing from the URL (a Slack URL's path is its credential) can leak into it.
 */
function describeRequestError(error: unknown, hostname: string): string {
  const chain = errorChain(error);
  const forbidden = chain.find((e) => e instanceof ForbiddenAddressError);
  if (forbidden instanceof ForbiddenAddressError) return forbidden.message;
  for (const e of chain) {
    if (typeof e.code !== "string") continue;
    if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN" || e.code === "EAI_NODATA") {
      return `could not resolve host ${hostname}`;
    }
    const known = NETWORK_ERRORS[e.code];
    if (known !== undefined) return known;
    if (/CERT|TLS|SSL/.test(e.code)) return `TLS error (${e.code})`;
  }
  const code = chain.find((e) => typeof e.code === "string")?.code;
  return typeof code === "string" ? `request failed (${code})` : "request failed";
}

/** `Basic base64(user:password)` for a URL with embedded credentials; undefined without. */
function basicAuthorizationOf(url: URL): string | undefined {
  if (url.username === "" && url.password === "") return undefined;
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  return `Basic ${Buffer.from(`${decode(url.username)}:${decode(url.password)}`).toString("base64")}`;
}

/**
 * 410 Gone: the receiver says the resource is gone, likely for good (RFC 9110 section 15.5.11),
 * and Standard Webhooks tells senders to stop sending on it. Ends the attempt on every channel.
 */
const GONE = 410;

function statusError(status: number): string {
  if (status >= 300 && status < 400) return `redirect refused (HTTP ${status})`;
  return status === GONE ? `HTTP ${status} Gone: the receiver takes no more deliveries, not retried` : `HTTP ${status}`;
}

/** A request body and its media type. */
export interface RequestBody {
  contentType: string;
  text: string;
}

/**
 * What a receiver's failure answer means, read from its body (at most RESPONSE_DRAIN_LIMIT):
 * for an API that explains refusals (Twilio's error codes, Slack's error strings). Must return
 * only what is safe to store.
 */
export type FailureReader = (status: number, body: string) => FailureReading;

/** What a failure answer means: a safe reason, whether no retry can fix it, and the wait its body asks for (when its header asks none). */
export interface FailureReading {
  error: string;
  permanent: boolean;
  retryAfterMs?: number | undefined;
}

/**
 * A receiver's failure answer as an outcome: permanent when its reader says so or it is 410 Gone,
 * with the wait it asked for, if any (its Retry-After, else what its body asked).
 */
function answeredFailure(startedAt: number, status: number, reading: FailureReading, retryAfterMs: number | undefined): DeliveryOutcome {
  const outcome = failure(startedAt, reading.error, status);
  if (reading.permanent || status === GONE) outcome.permanent = true;
  if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs;
  return outcome;
}

type PostOptions = HttpDeliveryOptions & { readFailure?: FailureReader };

/**
 * POSTs `body` once: no redirects followed (a 3xx fails), a deadline of `timeoutMs` for the
 * whole exchange, and unless `allowPrivate` the address connected to must be public. Never
 * throws: every failure is an outcome.
 */
export async function post(
  url: string,
  body: RequestBody,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<DeliveryOutcome> {
  const startedAt = performance.now();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return permanentFailure(startedAt, "invalid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return permanentFailure(startedAt, "not an http(s) URL");
  // Credentials in the URL (https://user:pass@host/...) are sent as Basic authentication, as
  // browsers and curl do (the HTTP client would drop them silently).
  const basicAuth = basicAuthorizationOf(parsed);
  parsed.username = "";
  parsed.password = "";
  const hostname = bareHostname(parsed);
  if (!options.allowPrivate) {
    const refusal = literalHostRefusal(hostname);
    if (refusal !== null) return permanentFailure(startedAt, refusal.message);
  }

  // undici's own timeouts are only a backstop: the overall deadline below decides.
  const backstopMs = options.timeoutMs + 1000;
  const dispatcher = options.dispatcher ?? sharedAgent(options.allowPrivate, backstopMs);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await request(parsed, {
      method: "POST",
      dispatcher,
      signal: controller.signal,
      headersTimeout: backstopMs,
      bodyTimeout: backstopMs,
      headers: { "content-type": body.contentType, "user-agent": USER_AGENT, ...headers, ...(basicAuth === undefined ? {} : { authorization: basicAuth }) },
      body: body.text,
    });
    const status = response.statusCode;
    const drain = () => response.body.dump({ limit: RESPONSE_DRAIN_LIMIT, signal: controller.signal }).catch(() => undefined);
    if (status >= 200 && status < 300) {
      await drain();
      return { ok: true, httpStatus: status, error: null, note: null, durationMs: elapsedSince(startedAt) };
    }
    let reading: FailureReading;
    if (options.readFailure !== undefined && (status < 300 || status >= 400)) {
      reading = options.readFailure(status, await readLimited(response.body, controller.signal));
    } else {
      await drain();
      reading = { error: statusError(status), permanent: false };
    }
    return answeredFailure(startedAt, status, reading, retryAfterMsOf(status, response.headers["retry-after"], Date.now()) ?? reading.retryAfterMs);
  } catch (error) {
    if (controller.signal.aborted) return failure(startedAt, `timed out after ${options.timeoutMs} ms`);
    const forbidden = errorChain(error).some((e) => e instanceof ForbiddenAddressError);
    const reason = describeRequestError(error, hostname);
    return forbidden ? permanentFailure(startedAt, reason) : failure(startedAt, reason);
  } finally {
    clearTimeout(timer);
  }
}

/** At most RESPONSE_DRAIN_LIMIT bytes of a response body, as text ("" when it cannot be read). */
async function readLimited(body: AsyncIterable<Buffer | Uint8Array>, signal: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      if (signal.aborted) break;
      const buffer = Buffer.from(chunk);
      chunks.push(buffer.subarray(0, RESPONSE_DRAIN_LIMIT - size));
      size += buffer.length;
      if (size >= RESPONSE_DRAIN_LIMIT) break;
    }
  } catch {
    return "";
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** POSTs a JSON body (see post). */
export const postJson = (url: string, json: string, headers: Record<string, string>, options: PostOptions): Promise<DeliveryOutcome> =>
  post(url, { contentType: "application/json", text: json }, headers, options);
