import { describe, expect, it } from "vitest";
import { z } from "zod";
import "../src/zod-messages.js";

// The size and range messages every route's VALIDATION_FAILED fields carry, set on zod itself.

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message);

describe("size and range messages", () => {
  it.each([
    ["a blank title", z.string().trim().min(1).max(300), "  ", "must not be empty"],
    ["a long title", z.string().max(300), "x".repeat(301), "must be at most 300 characters"],
    ["a short password", z.string().min(12), "short", "must be at least 12 characters"],
    ["a one-character limit", z.string().max(1), "ab", "must be at most 1 character"],
    ["an exact length", z.string().length(3), "ab", "must be exactly 3 characters"],
    ["too few items", z.array(z.string()).min(1), [], "must not be empty"],
    ["too many items", z.array(z.string()).max(1000), Array.from({ length: 1001 }, () => "a"), "must be at most 1000 items"],
    ["a small number", z.number().int().min(60), 59, "must be at least 60"],
    ["a big number", z.number().max(604_800), 604_801, "must be at most 604800"],
    ["a bound that is not included", z.number().gt(0), 0, "must be greater than 0"],
  ])("%s", (_, schema, value, message) => {
    expect(messageOf(schema, value)).toEqual([message]);
  });

  it("leaves a schema's own message, and every other kind of issue, as they were", () => {
    expect(messageOf(z.string().max(3, "keep it short"), "abcd")).toEqual(["keep it short"]);
    expect(messageOf(z.date().min(new Date(0)), new Date(-1))).toEqual([expect.stringContaining("Too small")]);
    expect(messageOf(z.number(), "1")).toEqual([expect.stringContaining("expected number")]);
  });
});
