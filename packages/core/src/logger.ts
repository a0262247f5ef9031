import { pino, type Logger } from "pino";

export type { Logger };

/** Fields that must never reach a log line, wherever they appear in a logged object. */
const REDACT = [
  "password",
  "*.password",
  "currentPassword",
  "*.currentPassword",
  "refreshToken",
  "*.refreshToken",
  "accessToken",
  "*.accessToken",
  "secret",
  "*.secret",
];

export function createLogger(options: { level: string; name: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
