import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root: the nearest folder above this module holding pnpm-workspace.yaml. */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const positiveInt = z.coerce.number().int().positive();
/** A phone number in E.164 form: +, a country code, up to 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;
const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
    .optional(),
  APP_DB_PASSWORD: z.string().min(16, "must be at least 16 characters").optional(),
  JWT_SECRET_KEY: z.string().min(32, "must be at least 32 bytes").optional(),
  JWT_ALGORITHM: z.enum(["HS256", "HS384", "HS512"]).default("HS256"),
  JWT_ISSUER: z.string().min(1).default("incidentops"),
  JWT_AUDIENCE: z.string().min(1).default("incidentops-api"),
  ACCESS_TOKEN_EXPIRE_MINUTES: positiveInt.default(15),
  REFRESH_TOKEN_EXPIRE_DAYS: positiveInt.default(30),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DB_POOL_SIZE: positiveInt.default(10),
  DB_PREPARED_STATEMENTS: booleanFlag.default(true),
  DB_REQUEST_TIMEOUT_MS: positiveInt.default(10_000),
  TRUST_PROXY: booleanFlag.default(false),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  EMAIL_FROM: z.string().min(3).default("IncidentOps <incidentops@localhost>"),
  EMAIL_LOG_ONLY: booleanFlag.optional(),
  WEBHOOK_ALLOW_PRIVATE: booleanFlag.optional(),
  WEBHOOK_TIMEOUT_MS: positiveInt.default(10_000),
  DELIVERY_MAX_ATTEMPTS: positiveInt.max(50).default(8),
  DELIVERY_RETRY_BASE_MS: positiveInt.default(10_000),
  DELIVERY_RECEIVER_CONCURRENCY: positiveInt.max(100).default(4),
  WORKER_CONCURRENCY: positiveInt.max(100).default(5),
  DELIVERY_CONCURRENCY: positiveInt.max(1000).default(50),
  WORKER_HEARTBEAT_MS: positiveInt.default(5_000),
  WORKER_DEAD_AFTER_MS: positiveInt.default(30_000),
  WORKER_POLL_INTERVAL_MS: positiveInt.default(2_000),
  AUTH_RATE_LIMIT_PER_MINUTE: positiveInt.default(60),
  INGEST_RATE_LIMIT_PER_MINUTE: positiveInt.default(1200),
  ORG_DAILY_WRITE_QUOTA: positiveInt.optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio account SID (AC followed by 32 hex digits)").optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  TWILIO_FROM_NUMBER: z.string().regex(E164, "must be a phone number in E.164 form, e.g. +14155550100").optional(),
  TWILIO_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://api.twilio.com"),
  ATTACHMENT_MAX_BYTES: positiveInt.default(25 * 1024 * 1024),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)")
    .optional(),
  S3_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(25_000),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
});

const TWILIO_VARIABLES = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"] as const;

/** Where attachment bytes are kept: a directory (the default), or an S3-compatible bucket. */
export type ObjectStorageConfig =
  | { kind: "filesystem"; dir: string }
  | {
      kind: "s3";
      bucket: string;
      /** Undefined: AWS S3 itself; else an S3-compatible server (MinIO, Ceph, R2, ...). */
      endpoint: string | undefined;
      region: string;
      /** Undefined: the AWS SDK's default credential chain (environment, profile, instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      forcePathStyle: boolean;
    };

export interface Config {
  nodeEnv: "development" | "test" | "production";
  /** Undefined: use the embedded PostgreSQL. The owner's connection: migrations run on it. */
  databaseUrl: string | undefined;
  /**
   * How the API and worker connect: as a role that is not the tables' owner, so row-level
   * security binds them. Either APP_DATABASE_URL, or a password for the `incidentops_app` role
   * that migrations provision on the owner's server: APP_DB_PASSWORD, else one derived from
   * the JWT key (so a deployment needs no extra secret).
   */
  appDatabase: { url: string } | { password: string };
  dataDir: string;
  embeddedPgPort: number;
  jwt: {
    secret: string;
    algorithm: "HS256" | "HS384" | "HS512";
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
  };
  refreshTokenTtlSeconds: number;
  port: number;
  host: string;
  publicUrl: string | undefined;
  logLevel: string;
  dbPoolSize: number;
  /** Key lookups are prepared on each database connection; off behind PgBouncer in transaction mode. */
  dbPreparedStatements: boolean;
  /**
   * How long the API waits for the database to answer one statement (a message of them) before
   * it gives the connection up and answers 503 SERVICE_UNAVAILABLE: a stalled server must not
   * hang requests. The worker waits as long as it takes.
   */
  dbRequestTimeoutMs: number;
  trustProxy: boolean;
  delivery: {
    /** Undefined: emails are written to the log (EMAIL_LOG_ONLY, or outside production without SMTP_URL). */
    smtpUrl: string | undefined;
    emailFrom: string;
    /** Deliver to private, loopback and link-local addresses (development and tests only). */
    allowPrivate: boolean;
    timeoutMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    /** The SMS and voice provider; null: not configured, so no one can add an SMS or voice contact method. */
    twilio: TwilioConfig | null;
    /** Deliveries in flight at once to one receiver (each of another incident), all in one worker slot. */
    receiverConcurrency: number;
  };
  worker: {
    /** Jobs other than deliveries (fan-out, escalations, account emails) one process runs at once. */
    concurrency: number;
    /** Deliveries one process has in flight at once: each waits on one receiver, one per lane. */
    deliveryConcurrency: number;
    heartbeatMs: number;
    deadAfterMs: number;
    /** How often an idle runner looks for due jobs anyway (jobs scheduled for later are woken for: a fallback). */
    pollIntervalMs: number;
  };
  /** Requests one IP may make to the auth routes per minute (counted in PostgreSQL); then 429. */
  authRateLimitPerMinute: number;
  /** Alerts one routing key may send per minute (counted in PostgreSQL); then 429. */
  ingestRateLimitPerMinute: number;
  /** Write calls an org may make per UTC day; null: unlimited. */
  orgDailyWriteQuota: number | null;
  /** The built web app (index.html and assets/) the API serves at `/`; nothing is served while it has no index.html. */
  webDistDir: string;
  attachments: { maxBytes: number; storage: ObjectStorageConfig };
  /** On SIGTERM, how long the API lets requests in flight finish before closing their connections. */
  shutdownTimeoutMs: number;
  /**
   * Prometheus metrics, each process on a port of its own (undefined: not served): the API on
   * METRICS_PORT, the worker on WORKER_METRICS_PORT; on METRICS_HOST (loopback unless opened up),
   * behind `Authorization: Bearer METRICS_TOKEN` when that is set.
   */
  metrics: { apiPort: number | undefined; workerPort: number | undefined; host: string; token: string | undefined };
  /** Set when the JWT key was generated for development rather than configured. */
  warnings: string[];
}

/** Twilio's REST API: the account, its secret, the number pages come from, and where the API is (a loopback server in tests). */
export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  fromNumber: string;
  apiUrl: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** A key for another purpose derived from a secret (HMAC-SHA256 as a key derivation function). */
const deriveKey = (secret: string, purpose: string) => createHmac("sha256", secret).update(purpose).digest("base64url");

/** A development secret generated once and kept under the data dir, so it survives restarts. */
function devSecret(dataDir: string, fileName: string): string {
  const file = join(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The attachment store the S3_* variables describe, or the data dir's `attachments/` without S3_BUCKET. */
function objectStorageOf(e: z.infer<typeof envSchema>, dataDir: string): ObjectStorageConfig {
  const problems: string[] = [];
  if (e.S3_BUCKET === undefined) {
    for (const name of ["S3_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (e[name] !== undefined) problems.push(`  S3_BUCKET: required when ${name} is set`);
    }
  }
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
    problems.push(`  ${e.S3_ACCESS_KEY_ID === undefined ? "S3_ACCESS_KEY_ID" : "S3_SECRET_ACCESS_KEY"}: required with the other S3 key variable`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  if (e.S3_BUCKET === undefined) return { kind: "filesystem", dir: join(dataDir, "attachments") };
  return {
    kind: "s3",
    bucket: e.S3_BUCKET,
    endpoint: e.S3_URL,
    region: e.S3_REGION,
    credentials:
      e.S3_ACCESS_KEY_ID === undefined || e.S3_SECRET_ACCESS_KEY === undefined
        ? undefined
        : { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY },
    // S3-compatible servers mostly want path-style URLs (http://host/bucket/key); AWS, virtual hosts.
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_URL !== undefined,
  };
}

/**
 * Whether traces are to be exported: an OTLP endpoint or a traces exporter other than `none` is
 * set, and OTEL_SDK_DISABLED is not `true`. The OpenTelemetry SDK reads the OTEL_* variables
 * themselves (they are standard); tracing is off unless they ask for it.
 */
export function tracingConfigured(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === "true") return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter !== undefined && exporter !== "") return exporter !== "none";
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT) || Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Reads and validates the environment. The only place that reads process.env for configuration;
 * a bad value throws a ConfigError naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PORT=`) means unset, not zero or the empty string.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const twilioGiven = TWILIO_VARIABLES.filter((name) => e[name] !== undefined);
  if (twilioGiven.length > 0 && twilioGiven.length < TWILIO_VARIABLES.length) {
    const missing = TWILIO_VARIABLES.filter((name) => e[name] === undefined);
    throw new ConfigError(`Invalid configuration:\n  ${missing.join(", ")}: required with ${twilioGiven.join(", ")} (SMS and voice need all three)`);
  }
  const dataDir = resolve(e.DATA_DIR ?? join(findProjectRoot(), ".data"));
  const warnings: string[] = [];
  let secret = e.JWT_SECRET_KEY;
  if (secret === undefined) {
    if (e.NODE_ENV === "production") {
      throw new ConfigError("Invalid configuration:\n  JWT_SECRET_KEY: required when NODE_ENV=production (>= 32 bytes)");
    }
    secret = devSecret(dataDir, "jwt-secret.key");
    warnings.push(`JWT_SECRET_KEY is not set: using a development key kept in ${join(dataDir, "jwt-secret.key")}`);
  }
  if (e.EMAIL_LOG_ONLY === true && e.SMTP_URL !== undefined) {
    throw new ConfigError("Invalid configuration:\n  EMAIL_LOG_ONLY: true while SMTP_URL is set: choose one (unset EMAIL_LOG_ONLY to send through SMTP)");
  }
  // In production an email that never leaves (an invitation, a password reset) must be a choice.
  if (e.NODE_ENV === "production" && e.SMTP_URL === undefined && e.EMAIL_LOG_ONLY !== true) {
    throw new ConfigError(
      "Invalid configuration:\n  SMTP_URL: required when NODE_ENV=production (or set EMAIL_LOG_ONLY=true to write emails to the log instead of sending them)",
    );
  }
  const appDatabase: Config["appDatabase"] =
    e.APP_DATABASE_URL !== undefined
      ? { url: e.APP_DATABASE_URL }
      : { password: e.APP_DB_PASSWORD ?? deriveKey(secret, "incidentops app database role") };
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    appDatabase,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    jwt: {
      secret,
      algorithm: e.JWT_ALGORITHM,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_EXPIRE_MINUTES * 60,
    },
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_EXPIRE_DAYS * 86_400,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
    dbPreparedStatements: e.DB_PREPARED_STATEMENTS,
    dbRequestTimeoutMs: e.DB_REQUEST_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    delivery: {
      smtpUrl: e.SMTP_URL,
      emailFrom: e.EMAIL_FROM,
      allowPrivate: e.WEBHOOK_ALLOW_PRIVATE ?? e.NODE_ENV !== "production",
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: e.DELIVERY_RETRY_BASE_MS,
      twilio:
        e.TWILIO_ACCOUNT_SID === undefined || e.TWILIO_AUTH_TOKEN === undefined || e.TWILIO_FROM_NUMBER === undefined
          ? null
          : { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, fromNumber: e.TWILIO_FROM_NUMBER, apiUrl: e.TWILIO_API_URL },
      receiverConcurrency: e.DELIVERY_RECEIVER_CONCURRENCY,
    },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      deliveryConcurrency: e.DELIVERY_CONCURRENCY,
      heartbeatMs: e.WORKER_HEARTBEAT_MS,
      deadAfterMs: e.WORKER_DEAD_AFTER_MS,
      pollIntervalMs: e.WORKER_POLL_INTERVAL_MS,
    },
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    ingestRateLimitPerMinute: e.INGEST_RATE_LIMIT_PER_MINUTE,
    orgDailyWriteQuota: e.ORG_DAILY_WRITE_QUOTA ?? null,
    webDistDir: resolve(e.WEB_DIST_DIR ?? join(findProjectRoot(), "apps", "web", "dist")),
    attachments: { maxBytes: e.ATTACHMENT_MAX_BYTES, storage: objectStorageOf(e, dataDir) },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metrics: { apiPort: e.METRICS_PORT, workerPort: e.WORKER_METRICS_PORT, host: e.METRICS_HOST, token: e.METRICS_TOKEN },
    warnings,
  };
}

/** The address people and receivers reach the API at: PUBLIC_URL, else this host's port. */
export const publicUrlOf = (config: Pick<Config, "publicUrl" | "port">) => config.publicUrl ?? `http://localhost:${config.port}`;

/** An address under PUBLIC_URL: a page of the web app (`/my-shifts`, apps/web/src/routes.tsx) or an API path. */
export const publicLink = (config: Pick<Config, "publicUrl" | "port">, path: `/${string}`) => `${publicUrlOf(config).replace(/\/+$/, "")}${path}`;

/**
 * A person's My shifts page in the org of the shifts it is about (`org`): the page shows the
 * signed-in org's shifts, so a person in several orgs is offered to switch to this one.
 */
export const myShiftsLink = (config: Pick<Config, "publicUrl" | "port">, orgId: string) => publicLink(config, `/my-shifts?org=${encodeURIComponent(orgId)}`);

/** A link to a page of the web app with a single-use token, e.g. the reset-password page. */
export const tokenLink = (config: Pick<Config, "publicUrl" | "port">, page: string, token: string) => publicLink(config, `/${page}?token=${encodeURIComponent(token)}`);
