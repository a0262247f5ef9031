/**
 * Reads the API's procedures from the type checker (src/api-types.ts, which derives them from
 * the router type) and writes them out: as the table of procedure paths the client is built
 * from at run time, and as self-contained type declarations for the published `.d.ts`.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const sdkDir = fileURLToPath(new URL("..", import.meta.url));
export const apiTypesFile = join(sdkDir, "src", "api-types.ts");

/** The compiler options of the SDK's own tsconfig.json (the workspace's source condition included). */
export function sdkCompilerOptions(configFile = join(sdkDir, "tsconfig.json")): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (parsed === undefined) throw new Error(`cannot read ${configFile}`);
  return parsed;
}

export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => sdkDir,
    getNewLine: () => "\n",
  });
}

export interface ApiTypes {
  checker: ts.TypeChecker;
  /** The exported aliases of src/api-types.ts: ApiShape, ApiErrorCode, ApiErrorDetails, ApiErrorDetailsByCode. */
  aliases: Map<string, ts.Type>;
}

/** Reads src/api-types.ts with `program` (one that includes it), or with a program of its own. */
export function loadApiTypes(program?: ts.Program): ApiTypes {
  program ??= ts.createProgram([apiTypesFile], { ...sdkCompilerOptions().options, noEmit: true });
  const source = program.getSourceFile(apiTypesFile);
  const diagnostics = source === undefined ? [] : program.getSemanticDiagnostics(source);
  if (diagnostics.length > 0) throw new Error(`src/api-types.ts does not compile:\n${formatDiagnostics(diagnostics)}`);
  const checker = program.getTypeChecker();
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error("src/api-types.ts is not a module");
  const aliases = new Map<string, ts.Type>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    if (symbol.flags & ts.SymbolFlags.TypeAlias) aliases.set(symbol.getName(), checker.getDeclaredTypeOfSymbol(symbol));
  }
  return { checker, aliases };
}

export function requireAlias(types: ApiTypes, name: string): ts.Type {
  const type = types.aliases.get(name);
  if (type === undefined) throw new Error(`src/api-types.ts exports no type ${name}`);
  return type;
}

const isIdentifier = (name: string) => /^[A-Za-z_$][\w$]*$/.test(name);
const propertyKey = (name: string) => (isIdentifier(name) ? name : JSON.stringify(name));

/**
 * Writes a type out in full, as plain TypeScript that names no other module: objects, arrays,
 * tuples, unions, intersections, literals and primitives (what JSON over the wire can carry).
 * Anything else (functions, classes, `any`, recursive types) stops the build, so the published
 * types can never silently degrade.
 */
export function printType(checker: ts.TypeChecker, root: ts.Type, baseIndent = ""): string {
  const stack = new Set<ts.Type>();
  const fail = (type: ts.Type, why: string): never => {
    throw new Error(`cannot write out the type ${checker.typeToString(type)}: ${why}`);
  };

  const print = (type: ts.Type, indent: string): string => {
    const f = type.flags;
    if (f & ts.TypeFlags.Any) return fail(type, "`any` would erase the API's types");
    if (f & ts.TypeFlags.Unknown) return "unknown";
    if (f & ts.TypeFlags.String) return "string";
    if (f & ts.TypeFlags.Number) return "number";
    if (f & ts.TypeFlags.BigInt) return "bigint";
    if (f & ts.TypeFlags.Boolean) return "boolean";
    if (f & ts.TypeFlags.Void) return "void";
    if (f & ts.TypeFlags.Undefined) return "undefined";
    if (f & ts.TypeFlags.Null) return "null";
    if (f & ts.TypeFlags.Never) return "never";
    if (f & ts.TypeFlags.NonPrimitive) return "object";
    if (type.isStringLiteral()) return JSON.stringify(type.value);
    if (type.isNumberLiteral()) return String(type.value);
    if (f & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type);
    if (stack.has(type)) return fail(type, "it is recursive");
    stack.add(type);
    try {
      if (type.isUnion()) return printUnion(type, indent);
      if (type.isIntersection()) return type.types.map((t) => wrap(t, print(t, indent))).join(" & ");
      if (f & ts.TypeFlags.Object) return printObject(type as ts.ObjectType, indent);
      return fail(type, "unsupported kind of type");
    } finally {
      stack.delete(type);
    }
  };

  /** Parenthesises a union or intersection where it sits inside an array or intersection. */
  const wrap = (type: ts.Type, text: string) => (type.isUnion() || type.isIntersection() ? `(${text})` : text);

  const printUnion = (type: ts.UnionType, indent: string): string => {
    const parts: string[] = [];
    const isTrue = (t: ts.Type) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === "true";
    const isFalse = (t: ts.Type) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === "false";
    const hasBoolean = type.types.some(isTrue) && type.types.some(isFalse);
    let booleanDone = false;
    // null and undefined last: `string | undefined` reads better than `undefined | string`.
    const last = (t: ts.Type) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null) ? 1 : 0);
    const members = [...type.types].sort((a, b) => last(a) - last(b));
    for (const member of members) {
      if (hasBoolean && (isTrue(member) || isFalse(member))) {
        if (!booleanDone) parts.push("boolean");
        booleanDone = true;
        continue;
      }
      parts.push(print(member, indent));
    }
    return parts.join(" | ");
  };

  const printObject = (type: ts.ObjectType, indent: string): string => {
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      if (element === undefined) return fail(type, "array without element type");
      const readonly = type.getSymbol()?.getName() === "ReadonlyArray" ? "readonly " : "";
      return `${readonly}${wrap(element, print(element, indent))}[]`;
    }
    if (checker.isTupleType(type)) {
      const target = (type as ts.TypeReference).target as ts.TupleType;
      if (target.elementFlags.some((flag) => flag !== ts.ElementFlags.Required)) return fail(type, "optional or rest tuple elements");
      return `[${checker.getTypeArguments(type as ts.TypeReference).map((t) => print(t, indent)).join(", ")}]`;
    }
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
      return fail(type, "functions do not travel over the wire");
    }
    const inner = `${indent}  `;
    const lines: string[] = [];
    for (const info of checker.getIndexInfosOfType(type)) {
      const readonly = info.isReadonly ? "readonly " : "";
      lines.push(`${inner}${readonly}[key: ${print(info.keyType, inner)}]: ${print(info.type, inner)};`);
    }
    for (const property of checker.getPropertiesOfType(type)) {
      const name = property.getName();
      if (name.startsWith("__@")) return fail(type, `symbol-keyed property ${name}`);
      const optional = property.flags & ts.SymbolFlags.Optional ? "?" : "";
      lines.push(`${inner}${propertyKey(name)}${optional}: ${print(checker.getTypeOfSymbol(property), inner)};`);
    }
    return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${indent}}`;
  };

  return print(root, baseIndent);
}

export interface ProcedureEntry {
  path: string;
  type: "query" | "mutation";
  paginated: boolean;
}

const propertyType = (checker: ts.TypeChecker, type: ts.Type, name: string): ts.Type | undefined => {
  const symbol = checker.getPropertyOfType(type, name);
  return symbol === undefined ? undefined : checker.getTypeOfSymbol(symbol);
};

/**
 * Every procedure of the shape with its path, kind and whether it is a cursor-paginated list
 * (a query whose input takes `cursor` and whose output is `{ items, nextCursor }`: the same
 * rule as `IsPaginated` in src/shape.ts).
 */
export function listProcedures(checker: ts.TypeChecker, shape: ts.Type, prefix = ""): ProcedureEntry[] {
  const entries: ProcedureEntry[] = [];
  for (const property of checker.getPropertiesOfType(shape)) {
    const path = `${prefix}${property.getName()}`;
    const value = checker.getTypeOfSymbol(property);
    const kind = propertyType(checker, value, "type");
    const input = propertyType(checker, value, "input");
    const output = propertyType(checker, value, "output");
    if (kind?.isStringLiteral() === true && input !== undefined && output !== undefined) {
      if (kind.value !== "query" && kind.value !== "mutation") {
        throw new Error(`${path}: ${kind.value} procedures are not supported by the SDK`);
      }
      const inputObject = checker.getNonNullableType(input);
      const takesCursor =
        !(inputObject.flags & ts.TypeFlags.Void) && checker.getPropertyOfType(inputObject, "cursor") !== undefined;
      const returnsPage = propertyType(checker, output, "items") !== undefined && propertyType(checker, output, "nextCursor") !== undefined;
      entries.push({ path, type: kind.value, paginated: kind.value === "query" && takesCursor && returnsPage });
    } else {
      entries.push(...listProcedures(checker, value, `${path}.`));
    }
  }
  return entries;
}

export const proceduresFile = join(sdkDir, "src", "procedures.ts");

export function renderProceduresModule(entries: readonly ProcedureEntry[]): string {
  const lines = entries.map(
    (e) => `  ${JSON.stringify(e.path)}: { type: ${JSON.stringify(e.type)}${e.paginated ? ", paginated: true" : ""} },`,
  );
  return [
    "// Generated from the API's router by `pnpm --filter @incidentops/sdk generate`: do not edit.",
    "// `satisfies` makes the SDK's type check fail when the router and this table disagree.",
    'import type { ApiShape } from "./api-types.js";',
    'import type { ProcedureTable } from "./shape.js";',
    "",
    "export const procedures = {",
    ...lines,
    "} as const satisfies ProcedureTable<ApiShape>;",
    "",
  ].join("\n");
}

const EXPANDED_DOCS: Record<string, string> = {
  ApiShape: "Every procedure of the API by namespace: its kind (`query` or `mutation`), input and output.",
  ApiErrorCode: "The API's stable error codes (`error.code`), e.g. `\"VERSION_CONFLICT\"`.",
  ApiErrorDetails: "Machine-readable context of an error, e.g. `{ fields: { title: [\"Required\"] } }`: one of the shapes below.",
  ApiErrorDetailsByCode: "The details each error code carries, e.g. `VERSION_CONFLICT`: `{ currentVersion, currentStatus }`.",
};

/** src/api-types.ts written out in full: the same exports, naming no other module. */
export function renderExpandedApiTypes(types: ApiTypes): string {
  const out = ["// The API's procedures, written out in full from its router type by scripts/build.ts.", ""];
  for (const [name, doc] of Object.entries(EXPANDED_DOCS)) {
    out.push(`/** ${doc} */`, `export type ${name} = ${printType(types.checker, requireAlias(types, name))};`, "");
  }
  return out.join("\n");
}
