import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const KEY = "k".repeat(32);
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "incidentops-config-test-"));
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The ConfigError loadConfig throws for `env` (fails the test if it does not throw one). */
function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    if (error instanceof ConfigError) return error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig defaults", () => {
  it("match the design", () => {
    const config = loadConfig({ NODE_ENV: "test", JWT_SECRET_KEY: KEY });
    expect(config.jwt).toEqual({
      secret: KEY,
      algorithm: "HS256",
      issuer: "incidentops",
      audience: "incidentops-api",
      accessTokenTtlSeconds: 15 * 60,
    });
    expect(config.jwt.accessTokenTtlSeconds).toBe(900);
    expect(config.refreshTokenTtlSeconds).toBe(30 * 24 * 60 * 60);
    expect(config.port).toBe(3000);
    // No DATABASE_URL: the embedded PostgreSQL, with its data under the repository's .data/.
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(resolve(repoRoot, ".data"));
    // No metrics port: nothing is served; when one is, on loopback.
    expect(config.metrics).toEqual({ apiPort: undefined, workerPort: undefined, host: "127.0.0.1", token: undefined });
    expect(config.warnings).toEqual([]);
  });

  it("defaults NODE_ENV to development", () => {
    expect(loadConfig({ JWT_SECRET_KEY: KEY }).nodeEnv).toBe("development");
  });

  it("treats an empty variable as unset", () => {
    const config = loadConfig({ NODE_ENV: "test", JWT_SECRET_KEY: KEY, PORT: "", DATABASE_URL: "" });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
  });

  it("reads every documented variable", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u:p@db.internal:5432/incidentops",
      JWT_SECRET_KEY: KEY,
      SMTP_URL: "smtp://mail.internal:587",
      JWT_ALGORITHM: "HS512",
      JWT_ISSUER: "issuer-x",
      JWT_AUDIENCE: "audience-y",
      ACCESS_TOKEN_EXPIRE_MINUTES: "5",
      REFRESH_TOKEN_EXPIRE_DAYS: "2",
      PORT: "8080",
      METRICS_PORT: "9464",
      WORKER_METRICS_PORT: "9465",
      METRICS_HOST: "0.0.0.0",
      METRICS_TOKEN: "a-metrics-token-of-16+",
    });
    expect(config).toMatchObject({
      nodeEnv: "production",
      databaseUrl: "postgresql://u:p@db.internal:5432/incidentops",
      jwt: { secret: KEY, algorithm: "HS512", issuer: "issuer-x", audience: "audience-y", accessTokenTtlSeconds: 300 },
      refreshTokenTtlSeconds: 2 * 86_400,
      port: 8080,
      metrics: { apiPort: 9464, workerPort: 9465, host: "0.0.0.0", token: "a-metrics-token-of-16+" },
      warnings: [],
    });
  });
});

describe("loadConfig refuses bad values, naming the variable", () => {
  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["ACCESS_TOKEN_EXPIRE_MINUTES", "0"],
    ["ACCESS_TOKEN_EXPIRE_MINUTES", "1.5"],
    ["ACCESS_TOKEN_EXPIRE_MINUTES", "soon"],
    ["REFRESH_TOKEN_EXPIRE_DAYS", "-3"],
    ["JWT_ALGORITHM", "none"],
    ["JWT_ALGORITHM", "RS256"],
    ["DATABASE_URL", "mysql://x"],
    ["DATABASE_URL", "not a url"],
    ["NODE_ENV", "staging"],
    ["METRICS_PORT", "70000"],
    ["WORKER_METRICS_PORT", "x"],
    ["METRICS_TOKEN", "short"],
  ])("%s=%s", (variable, value) => {
    const error = configErrorOf({ NODE_ENV: "test", JWT_SECRET_KEY: KEY, [variable]: value });
    expect(error.name).toBe("ConfigError");
    expect(error.message).toContain(variable);
  });

  it("names every bad variable at once", () => {
    const error = configErrorOf({ NODE_ENV: "test", JWT_SECRET_KEY: KEY, PORT: "abc", JWT_ALGORITHM: "none" });
    expect(error.message).toContain("PORT");
    expect(error.message).toContain("JWT_ALGORITHM");
  });

  it("does not echo a bad DATABASE_URL's password", () => {
    const error = configErrorOf({ NODE_ENV: "test", JWT_SECRET_KEY: KEY, DATABASE_URL: "mysql://root:hunter2-secret@db/x" });
    expect(error.message).toContain("DATABASE_URL");
    expect(error.message).not.toContain("hunter2-secret");
  });

  it("requires JWT_SECRET_KEY in production, and writes no key file", () => {
    const dataDir = tempDir();
    const error = configErrorOf({ NODE_ENV: "production", DATA_DIR: dataDir });
    expect(error.message).toContain("JWT_SECRET_KEY");
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it.each(["development", "test", "production"])("refuses a JWT_SECRET_KEY under 32 characters (NODE_ENV=%s)", (nodeEnv) => {
    const shortKey = "s".repeat(31);
    const error = configErrorOf({ NODE_ENV: nodeEnv, JWT_SECRET_KEY: shortKey, DATA_DIR: tempDir() });
    expect(error.message).toContain("JWT_SECRET_KEY");
    expect(error.message).not.toContain(shortKey);
    // 32 is enough.
    expect(loadConfig({ NODE_ENV: nodeEnv, JWT_SECRET_KEY: "s".repeat(32), EMAIL_LOG_ONLY: "true" }).jwt.secret).toBe("s".repeat(32));
  });

  it("requires SMTP_URL in production, unless EMAIL_LOG_ONLY=true says to write emails to the log", () => {
    const production = { NODE_ENV: "production", JWT_SECRET_KEY: KEY };
    const error = configErrorOf(production);
    expect(error.message).toContain("SMTP_URL");
    expect(error.message).toContain("EMAIL_LOG_ONLY=true");
    expect(loadConfig({ ...production, EMAIL_LOG_ONLY: "true" }).delivery.smtpUrl).toBeUndefined();
    expect(loadConfig({ ...production, SMTP_URL: "smtps://mail.example.com" }).delivery.smtpUrl).toBe("smtps://mail.example.com");
    // Outside production, no SMTP_URL still means the log.
    expect(loadConfig({ NODE_ENV: "development", JWT_SECRET_KEY: KEY }).delivery.smtpUrl).toBeUndefined();
    // Both at once is a contradiction, not a guess.
    expect(configErrorOf({ ...production, SMTP_URL: "smtp://mail.example.com", EMAIL_LOG_ONLY: "true" }).message).toContain("EMAIL_LOG_ONLY");
  });
});

describe("the development JWT key", () => {
  it("is generated once into DATA_DIR, reused by the next start, with a warning", () => {
    const dataDir = join(tempDir(), "nested", "data");
    const first = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(first.dataDir).toBe(dataDir);
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toContain("JWT_SECRET_KEY");

    const files = readdirSync(dataDir);
    expect(files).toHaveLength(1);
    const keyFile = join(dataDir, files[0] ?? "");
    expect(readFileSync(keyFile, "utf8").trim()).toBe(first.jwt.secret);
    // Readable by the owner only.
    expect(statSync(keyFile).mode & 0o077).toBe(0);

    const second = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(second.jwt.secret).toBe(first.jwt.secret);
    expect(second.warnings).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual(files);
  });

  it("differs between data directories (it is random, not a constant)", () => {
    const a = loadConfig({ NODE_ENV: "development", DATA_DIR: tempDir() });
    const b = loadConfig({ NODE_ENV: "test", DATA_DIR: tempDir() });
    expect(a.jwt.secret).not.toBe(b.jwt.secret);
  });

  it("is not used, nor created, when JWT_SECRET_KEY is set", () => {
    const dataDir = join(tempDir(), "unused");
    const config = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir, JWT_SECRET_KEY: KEY });
    expect(config.jwt.secret).toBe(KEY);
    expect(config.warnings).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
  });
});
