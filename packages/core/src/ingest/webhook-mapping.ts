import type { IncidentSeverity } from "@incidentops/db";
import { AppError } from "../errors.js";
import type { WebhookMapping } from "../integrations/schema.js";
import type { Alert, AlertAction } from "./alerts.js";

/** A mapped dedup key longer than this is refused: Opsgenie's alias bound (PagerDuty's dedup_key is 255). */
export const MAX_MAPPED_DEDUP_KEY = 512;

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * What a JSON Pointer names in a parsed document, as RFC 6901 evaluates it: each token names an
 * object's own member, or an array's element by its index (digits, no leading zero); anything
 * else names nothing. (The jsonpointer package, used before, also found an array's `length` and
 * inherited members, such as `/constructor/name`.) The pointer's syntax is checked when the
 * mapping is saved (jsonPointerSchema).
 */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === "") return document;
  let value = document;
  for (const escaped of pointer.slice(1).split("/")) {
    const token = escaped.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(value)) {
      if (!ARRAY_INDEX.test(token)) return undefined;
      value = value[Number(token)];
    } else if (typeof value === "object" && value !== null && Object.hasOwn(value, token)) {
      value = (value as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return value;
}

/** What a pointer names in the payload, as text: a non-empty string, a number or a boolean; else undefined. */
function textAt(payload: object, pointer: string): string | undefined {
  const value = valueAt(payload, pointer);
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

const unreadable = (field: "dedupKey" | "title" | "action", pointer: string, what: string) =>
  new AppError("UNMAPPED_PAYLOAD", `The mapping's ${field} (pointer "${pointer}") finds ${what} in the payload`, { field, pointer });

const NO_TEXT = "no string, number or boolean";

function actionOf(mapping: WebhookMapping, payload: object): AlertAction {
  if (mapping.action === undefined) return "trigger";
  const { pointer, trigger, resolve, acknowledge } = mapping.action;
  const value = textAt(payload, pointer);
  if (value === undefined) throw unreadable("action", pointer, NO_TEXT);
  if (resolve.includes(value)) return "resolve";
  if (acknowledge.includes(value)) return "acknowledge";
  if (trigger.length === 0 || trigger.includes(value)) return "trigger";
  throw unreadable("action", pointer, `${JSON.stringify(value)}, none of the mapped trigger, resolve or acknowledge values,`);
}

function severityOf(mapping: WebhookMapping, payload: object): IncidentSeverity {
  if (mapping.severity === undefined) return "sev3";
  const value = textAt(payload, mapping.severity.pointer);
  return (value === undefined ? undefined : mapping.severity.values[value]) ?? mapping.severity.default;
}

/**
 * Reads one alert from a JSON payload with the integration's mapping (JSON Pointers, RFC 6901).
 * A trigger needs its title; a mapped dedup key or action must be there: otherwise 400
 * UNMAPPED_PAYLOAD naming the field and its pointer. A severity that is missing or not in the
 * value map gets the mapping's default.
 */
export function alertOfMappedPayload(mapping: WebhookMapping | null, payload: object, raw: unknown): Alert {
  if (mapping === null) {
    throw new AppError("UNMAPPED_PAYLOAD", "This integration has no webhook mapping: set one (PATCH the integration's mapping) before sending", {});
  }
  const action = actionOf(mapping, payload);
  const dedupKey = mapping.dedupKey === undefined ? undefined : textAt(payload, mapping.dedupKey);
  if (mapping.dedupKey !== undefined && dedupKey === undefined) throw unreadable("dedupKey", mapping.dedupKey, NO_TEXT);
  if (mapping.dedupKey !== undefined && dedupKey !== undefined && dedupKey.length > MAX_MAPPED_DEDUP_KEY) {
    throw unreadable("dedupKey", mapping.dedupKey, `a value longer than ${MAX_MAPPED_DEDUP_KEY} characters`);
  }
  const title = textAt(payload, mapping.title);
  if (title === undefined && action === "trigger") throw unreadable("title", mapping.title, NO_TEXT);
  return { action, dedupKey, summary: title ?? "", severity: severityOf(mapping, payload), raw };
}
