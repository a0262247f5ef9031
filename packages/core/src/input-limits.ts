/**
 * Limits every input is held to before any rule looks at it, whatever the route (REST, tRPC,
 * alert ingestion): PostgreSQL stores neither a NUL character nor an unpaired UTF-16 surrogate
 * (which JSON can escape, `"\ud800"`, but no UTF-8 text can hold), and deeply nested JSON
 * overflows the stack of whatever walks it recursively (JSON.stringify, validators, loggers).
 */

/** How deep JSON may nest: far beyond any real payload, far below any stack limit. */
export const MAX_JSON_DEPTH = 64;

/** Why an input is refused, and where: `payload.summary`, `(body)` for the input as a whole. */
export interface InputProblem {
  field: string;
  message: string;
}

const NUL = "\u0000";
/** In a `u` regex a surrogate pair is one code point: only an unpaired half matches. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/** What is wrong with a string as text, if anything. */
function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) return "must not contain NUL (\\u0000) characters";
  if (UNPAIRED_SURROGATE.test(text)) return "must be valid Unicode (it has an unpaired surrogate)";
  return undefined;
}

const fieldName = (path: readonly (string | number)[]) => (path.length === 0 ? "(body)" : path.join("."));

/**
 * Scans JSON text, without parsing it, for nesting deeper than `maxDepth`: cheap enough to run
 * on every body before it is parsed. Brackets inside strings do not count.
 */
export function jsonNestingExceeds(text: string, maxDepth = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * The first thing in an already parsed input that no route accepts: a NUL character or an
 * unpaired surrogate in a string or a key, or nesting deeper than `maxDepth`. Walks iteratively,
 * so any depth is safe to inspect.
 */
export function findInputProblem(input: unknown, maxDepth = MAX_JSON_DEPTH): InputProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      const message = textProblem(value);
      if (message !== undefined) return { field: fieldName(path), message };
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= maxDepth) return { field: fieldName(path), message: `nests deeper than ${maxDepth} levels` };
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    // Pushed last to first, so the first problem in document order is the one reported.
    for (const [key, item] of entries.reverse()) {
      const keyProblem = typeof key === "string" ? textProblem(key) : undefined;
      if (keyProblem !== undefined) return { field: fieldName(path), message: `has a key that ${keyProblem}` };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}
