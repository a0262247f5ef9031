/** A scalar as pg would send it as a parameter: text, or undefined for what this does not write. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A flat array as PostgreSQL's array text (`{"a","b",NULL}`), or undefined when an element would need a backslash escape. */
function arrayTextOf(values: readonly unknown[]): string | undefined {
  const elements: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined) {
      elements.push("NULL");
      continue;
    }
    const text = textOf(value);
    if (text === undefined || text.includes('"')) return undefined;
    elements.push(`"${text}"`);
  }
  return `{${elements.join(",")}}`;
}

/** `text` between single quotes, each quote in it doubled. */
const singleQuoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * `text` between dollar quotes (`$v0$...$v0$`) with a tag that first appears where it closes: no
 * character inside is special, whatever `standard_conforming_strings` says, so a backslash is
 * written as itself.
 */
function dollarQuoted(text: string): string {
  for (let n = 0; ; n++) {
    const tag = `$v${n}$`;
    if (`${text}${tag}`.indexOf(tag) === text.length) return `${tag}${text}${tag}`;
  }
}

/**
 * A parameter as a quoted SQL literal, or undefined for a value this does not write: only a
 * string, a finite number, a bigint, a boolean, null, or a flat array of those. Quoted (`'5'`,
 * not `5`), a literal has no type of its own, so PostgreSQL types it from where it stands, as it
 * types an untyped parameter. Text with a backslash is dollar-quoted (dollarQuoted); an array
 * with one is left to a parameter (its text would need escapes). PostgreSQL refuses a NUL in text.
 */
function literalOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) {
    const text = arrayTextOf(value);
    return text === undefined || text.includes("\\") || text.includes("\0") ? undefined : singleQuoted(text);
  }
  const text = textOf(value);
  if (text === undefined || text.includes("\0")) return undefined;
  return text.includes("\\") ? dollarQuoted(text) : singleQuoted(text);
}

/** The index just past the quoted run (`'...'` or `"..."`, a doubled quote inside it) that opens at `start`, or -1 if it never closes. */
function endOfQuoted(sql: string, start: number): number {
  const quote = sql[start] as string;
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] !== quote) return i + 1;
    i++;
  }
  return -1;
}

const PARAMETER = /^\$(\d+)/;
const IDENTIFIER_CHAR = /[\w$&]/;

/**
 * One statement with its `$n` parameters written in as literals (literalOf), to send in one
 * simple-protocol message with another statement (pg sends a statement with parameters alone).
 * Undefined when that is not plainly safe, and the caller then sends the parameters apart: a
 * value literalOf does not write, or SQL this scanner does not follow (a prefixed string such as
 * `E'...'`, a backslash in a string, dollar quoting, a nested comment, a second statement).
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string | undefined {
  const literals = parameters.map(literalOf);
  let written = "";
  let copiedUpTo = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i] as string;
    if (char === "'" || char === '"') {
      if (char === "'" && IDENTIFIER_CHAR.test(sql[i - 1] ?? "")) return undefined;
      const end = endOfQuoted(sql, i);
      if (end === -1 || (char === "'" && sql.slice(i, end).includes("\\"))) return undefined;
      i = end;
    } else if (sql.startsWith("--", i)) {
      const lineEnd = sql.indexOf("\n", i);
      i = lineEnd === -1 ? sql.length : lineEnd;
    } else if (sql.startsWith("/*", i)) {
      const close = sql.indexOf("*/", i + 2);
      if (close === -1 || sql.slice(i + 2, close).includes("/*")) return undefined;
      i = close + 2;
    } else if (char === "$") {
      const index = PARAMETER.exec(sql.slice(i, i + 8))?.[1];
      if (index === undefined || IDENTIFIER_CHAR.test(sql[i - 1] ?? "")) return undefined;
      const literal = literals[Number(index) - 1];
      if (literal === undefined) return undefined;
      written += sql.slice(copiedUpTo, i) + literal;
      i += index.length + 1;
      copiedUpTo = i;
    } else if (char === ";" || char === "\\") {
      return undefined;
    } else {
      i++;
    }
  }
  return written + sql.slice(copiedUpTo);
}

/**
 * The arguments of `EXECUTE name(...)` for these parameters, each a literal as inlineParameters
 * writes it (`('a', NULL)`; nothing for none), or undefined when one cannot be written.
 */
export function executeArguments(parameters: readonly unknown[]): string | undefined {
  if (parameters.length === 0) return "";
  const literals = parameters.map(literalOf);
  return literals.some((literal) => literal === undefined) ? undefined : `(${literals.join(", ")})`;
}
