import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, startEmbeddedPostgres } from "@incidentops/db";
import { freePort, plainTextOf, startSmtpSink, subjectOf } from "@incidentops/testkit/loopback";
import pg from "pg";
import { startAppProcess, waitUntilReady, type AppProcess } from "./processes";

// The system the browser tests run against, as `pnpm start` runs it: an embedded PostgreSQL of its
// own (temporary data dir, free port), the API (serving the built app at /) and the worker as
// real processes, and a loopback SMTP server whose mails are written to a folder as JSON.
// Run as a child process by global-setup.ts; prints one line `READY <json>`, stops on SIGTERM.

export interface StackInfo {
  baseUrl: string;
  mailDir: string;
  logDir: string;
  /** What another API process needs to join this one (plus its own PORT and PUBLIC_URL). */
  env: Record<string, string>;
  jwtSecret: string;
}

/** The text of a mail: its text/plain part, or the body of a text-only mail, quoted-printable decoded. */
function textOf(raw: string): string {
  const part = plainTextOf(raw);
  if (part !== "") return part;
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4);
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(raw)) return body;
  return body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const JWT_SECRET = "e2e-secret-key-that-is-at-least-32-bytes-long";

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "incidentops-e2e-"));
  const mailDir = join(dir, "mail");
  const logDir = join(dir, "logs");
  mkdirSync(mailDir);
  mkdirSync(logDir);

  // A directory of its own: as root, PostgreSQL runs as the `postgres` user, who must own it.
  const pgDir = mkdtempSync(join(tmpdir(), "incidentops-e2e-pg-"));
  const postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort() });
  const admin = new pg.Client({ connectionString: postgres.url() });
  await admin.connect();
  await admin.query("CREATE DATABASE incidentops_e2e");
  await admin.end();
  const databaseUrl = postgres.url("incidentops_e2e");
  const appDbPassword = "e2e-app-role-password-long-enough";
  await migrate(databaseUrl, { appRolePassword: appDbPassword });

  const sink = await startSmtpSink();
  let written = 0;
  const mailWriter = setInterval(() => {
    for (; written < sink.mails.length; written++) {
      const mail = sink.mails[written];
      if (mail === undefined) continue;
      writeFileSync(join(mailDir, `${String(written).padStart(5, "0")}.json`), JSON.stringify({ to: mail.to, subject: subjectOf(mail.raw), text: textOf(mail.raw) }));
    }
  }, 100);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    APP_DB_PASSWORD: appDbPassword,
    JWT_SECRET_KEY: JWT_SECRET,
    HOST: "127.0.0.1",
    SMTP_URL: sink.url,
    LOG_LEVEL: "info",
    AUTH_RATE_LIMIT_PER_MINUTE: "100000",
    WEBHOOK_ALLOW_PRIVATE: "true",
    DELIVERY_RETRY_BASE_MS: "200",
    WORKER_HEARTBEAT_MS: "1000",
    // Attachments in the stack's own directory; a small limit, so refusing a large file is quick to show.
    DATA_DIR: join(dir, "data"),
    ATTACHMENT_MAX_BYTES: String(1024 * 1024),
  };
  const processes: AppProcess[] = [
    startAppProcess("apps/api/src/main.ts", { ...env, PORT: String(port), PUBLIC_URL: baseUrl }, join(logDir, "api.log")),
    startAppProcess("apps/worker/src/main.ts", { ...env, PUBLIC_URL: baseUrl }, join(logDir, "worker.log")),
  ];

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(mailWriter);
    await Promise.all(processes.map((p) => p.stop()));
    await sink.close();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());

  await waitUntilReady(`${baseUrl}/readyz`, 120_000, processes[0]);
  const info: StackInfo = { baseUrl, mailDir, logDir, env, jwtSecret: JWT_SECRET };
  console.log(`READY ${JSON.stringify(info)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
