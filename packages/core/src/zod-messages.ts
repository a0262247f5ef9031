import { z } from "zod";

// Size and range messages people read, in the API's VALIDATION_FAILED fields and the app's forms:
// "must be at most 300 characters" where zod says "Too big: expected string to have <=300
// characters". Set on zod itself, so every schema of every route says it the same way.

/** What a length counts, by the kind of value that has it. */
const COUNTED: Record<string, { one: string; many: string }> = {
  string: { one: "character", many: "characters" },
  array: { one: "item", many: "items" },
  set: { one: "item", many: "items" },
};

type SizeIssue = { code: "too_small" | "too_big"; origin: string; inclusive?: boolean; exact?: boolean; minimum?: unknown; maximum?: unknown };

/** The message of a too-small or too-big issue of a length or a number; undefined for zod's own. */
export function sizeMessage(issue: SizeIssue): string | undefined {
  const small = issue.code === "too_small";
  const bound = small ? issue.minimum : issue.maximum;
  if (typeof bound !== "number" && typeof bound !== "bigint") return undefined;
  const counted = COUNTED[issue.origin];
  if (counted !== undefined) {
    const unit = bound === 1 || bound === 1n ? counted.one : counted.many;
    if (issue.exact === true) return `must be exactly ${bound} ${unit}`;
    if (small && (bound === 1 || bound === 1n) && issue.inclusive !== false) return "must not be empty";
    return `must be at ${small ? "least" : "most"} ${bound} ${unit}`;
  }
  if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
    if (issue.inclusive === false) return `must be ${small ? "greater" : "less"} than ${bound}`;
    return `must be at ${small ? "least" : "most"} ${bound}`;
  }
  return undefined;
}

z.config({
  customError: (issue) => (issue.code === "too_small" || issue.code === "too_big" ? sizeMessage(issue) : undefined),
});
