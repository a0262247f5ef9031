import { z } from "zod";

/** How an Opsgenie request names its alert (`identifierType`): our incident id, its alias (dedup key), or its tiny id. */
export const opsgenieIdentifierTypeSchema = z.enum(["id", "alias", "tiny"]);
export type OpsgenieIdentifierType = z.infer<typeof opsgenieIdentifierTypeSchema>;

/** Opsgenie's names for what a request asked: they appear as `action` in the request status. */
export const opsgenieActionSchema = z.enum(["Create", "Acknowledge", "Close", "AddNote"]);
export type OpsgenieAction = z.infer<typeof opsgenieActionSchema>;

/** What an accepted Opsgenie request did, as GET /v2/alerts/requests/{requestId} reports it. */
export interface OpsgenieRequestOutcome {
  requestId: string;
  integrationId: string;
  action: OpsgenieAction;
  isSuccess: boolean;
  /** Opsgenie's words: "Created alert", "Closed alert", "Alert does not exist", ... */
  status: string;
  /** The incident (Opsgenie's alert id), when there is one. */
  alertId: string | null;
  alias: string | null;
  /** The incident's short number (identifierType=tiny). */
  tinyId: string | null;
  processedAt: Date;
}

/** An alert action on an existing alert: acknowledge, close, or add a note. */
export interface OpsgenieAlertAction {
  action: Exclude<OpsgenieAction, "Create">;
  identifier: string;
  identifierType: OpsgenieIdentifierType;
  /** The note (required for AddNote; for acknowledge and close, kept on the timeline). */
  note?: string | undefined;
  user?: string | undefined;
  source?: string | undefined;
  /** The request as received, for the timeline. */
  raw: unknown;
}

/** How long request outcomes are kept for GET /v2/alerts/requests/{requestId}. */
export const OPSGENIE_REQUEST_RETENTION_DAYS = 7;
