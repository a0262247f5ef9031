import { createLogger, type Logger } from "@incidentops/core";

/**
 * The app's own logger (its redaction included) writing JSON lines into memory, for assertions
 * on what was logged: `text()` is everything logged so far, for a search.
 */
export function captureLogger(level = "info"): { logger: Logger; lines: Record<string, unknown>[]; text: () => string } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = createLogger({
    level,
    name: "test",
    destination: {
      write: (line: string) => {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  });
  return { logger, lines, text: () => raw.join("") };
}
