import { captureLogger } from "@incidentops/testkit";
import { describe, expect, it } from "vitest";

/** A PostgreSQL error as pg raises it: SQL in `where` and `internalQuery`, a row's values in `detail`. */
function aDatabaseError(): Error {
  const error = new Error('duplicate key value violates unique constraint "users_email_key"');
  Object.assign(error, {
    code: "23505",
    severity: "ERROR",
    table: "users",
    constraint: "users_email_key",
    detail: "Key (email)=(someone@example.com) already exists.",
    where: 'SQL statement "INSERT INTO users (email) VALUES ($1)"',
    internalQuery: "SELECT secret_column FROM users",
  });
  return error;
}

describe("errors in the log", () => {
  it("say their type, message, code and what they concern, with their causes, and no stack, SQL or row", () => {
    const { logger, lines, text } = captureLogger();
    const wrapped = new TypeError("fetch failed", { cause: aDatabaseError() });
    logger.error({ err: wrapped }, "a failure");
    expect(lines[0]?.err).toEqual({
      type: "TypeError",
      message: "fetch failed",
      cause: {
        type: "Error",
        message: 'duplicate key value violates unique constraint "users_email_key"',
        code: "23505",
        severity: "ERROR",
        table: "users",
        constraint: "users_email_key",
      },
    });
    for (const leak of ["stack", "    at ", "INSERT INTO", "SELECT secret_column", "someone@example.com"]) expect(text()).not.toContain(leak);
  });

  it("keep a thrown value that is no Error as it is, and stop after a few causes", () => {
    const { logger, lines } = captureLogger();
    logger.warn({ err: "a string was thrown" }, "odd");
    const deep = [1, 2, 3, 4, 5].reduce<Error>((cause, n) => new Error(`level ${String(n)}`, { cause }), new Error("level 0"));
    logger.warn({ err: deep }, "deep");
    expect(lines[0]?.err).toBe("a string was thrown");
    expect(JSON.stringify(lines[1]?.err).match(/level \d/g)).toEqual(["level 5", "level 4", "level 3", "level 2"]);
  });
});
