import { pino, type DestinationStream, type Logger } from "pino";
import { logBindingsMixin } from "./work-context.js";

export type { Logger };

/** Names of fields that hold a credential: wherever they appear in a logged object (two levels deep), they are censored. */
const SECRET_FIELDS = [
  "password",
  "currentPassword",
  "newPassword",
  "refreshToken",
  "accessToken",
  "token",
  "secret",
  "apiKey",
  "routingKey",
  "routing_key",
  "authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
];

const REDACT = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_]\w*$/.test(field) ? field : `["${field}"]`;
  const nested = key.startsWith("[") ? `*${key}` : `*.${key}`;
  return [key, nested];
});

/** An error's fields that tell failures apart: a PostgreSQL or network error's code, the constraint or table involved. */
const LOGGED_ERROR_FIELDS = ["code", "severity", "routine", "schema", "table", "column", "constraint", "errno", "syscall", "status"] as const;
const MAX_CAUSES = 3;

/**
 * What a line says of an error (`err`): its type, message, the fields above and its causes.
 * Never its stack, which maps the code for whoever reads the log, nor a PostgreSQL error's
 * `where` and `internalQuery` (SQL) or `detail` (a row's values).
 */
export function describeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const described: Record<string, unknown> = { type: error.constructor.name, message: error.message };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of LOGGED_ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === "string" || typeof value === "number") described[field] = value;
  }
  if (error.cause !== undefined && depth < MAX_CAUSES) described.cause = describeError(error.cause, depth + 1);
  if (error instanceof AggregateError && depth < MAX_CAUSES) described.errors = error.errors.slice(0, MAX_CAUSES).map((each: unknown) => describeError(each, depth + 1));
  return described;
}

/**
 * The app's logger: JSON lines, ISO times, credentials censored, errors without stack or SQL
 * (describeError), and on each line the bindings of the unit of work it is written in
 * (work-context.ts). `destination` is for tests (stdout otherwise).
 */
export function createLogger(options: { level: string; name: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      redact: { paths: REDACT, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: logBindingsMixin,
      serializers: { err: describeError },
    },
    options.destination,
  );
}

/**
 * Query parameters whose value is a credential, by name (any case, `_` or not); tRPC's
 * `connectionParams` carries a live stream's ticket (single use, but unused until the stream opens).
 */
const SECRET_QUERY_PARAMS = /^(?:token|refresh_?token|access_?token|api_?key|key|routing_?key|secret|password|signature|code|connectionParams)$/i;
/** Paths whose segment after the prefix is a credential: Alertmanager's routing key, a calendar feed's token, a heartbeat's. */
const SECRET_PATH_SEGMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(\/v1\/integrations\/(?:alertmanager|grafana|webhook)\/)[^/?#]+/i, "$1[redacted]"],
  [/^(\/v1\/heartbeats\/)[^/?#]+/i, "$1[redacted]"],
  [/^(\/calendar\/)[^/?#]+/, "$1[redacted].ics"],
];

/**
 * A request URL as it may be logged: routing keys in paths and credentials in query strings
 * replaced by `[redacted]`. Anything it cannot parse is kept to its path.
 */
export function redactUrl(url: string): string {
  const [rawPath = "", query] = url.split(/\?(.*)/s, 2);
  const path = SECRET_PATH_SEGMENTS.reduce((p, [pattern, replacement]) => p.replace(pattern, replacement), rawPath);
  if (query === undefined || query === "") return path;
  const params = query.split("&").map((pair) => {
    const [name = "", value] = pair.split(/=(.*)/s, 2);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // A malformed name is matched as written.
    }
    return value !== undefined && SECRET_QUERY_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
  });
  return `${path}?${params.join("&")}`;
}

/** The secrets IncidentOps makes carry a prefix (invitation tokens, API keys, signing secrets, heartbeat tokens). */
const PREFIXED_SECRET = /\b(ioi|iok|iohb|whsec)_[A-Za-z0-9_\-+/=]+/g;

/**
 * A text (an email to be logged) with its single-use tokens replaced: in links
 * (`...?token=[redacted]`) and wherever a prefixed secret appears (`ioi_[redacted]`).
 */
export const redactTokens = (text: string) =>
  text.replace(/([?&](?:token|code)=)[^\s&#]+/gi, "$1[redacted]").replace(PREFIXED_SECRET, "$1_[redacted]");
