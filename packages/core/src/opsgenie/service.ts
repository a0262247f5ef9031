import type { Db, OpsgenieRequestRow, Tx } from "@incidentops/db";
import { retryingConflicts } from "../conflict-retries.js";
import { AppError } from "../errors.js";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import { admitAlerts, type AlertDelivery } from "../ingest/admission.js";
import { applyAdmittedAlerts, type Alert, type AlertOutcome } from "../ingest/alerts.js";
import { enterIntegrationScope, type Integration } from "../integrations/service.js";
import { inScope, transact } from "../scope.js";
import {
  assignTinyId,
  deleteOpsgenieRequestsBefore,
  findOpsgenieRequest,
  findServiceIncidentByAlias,
  findServiceIncidentById,
  findServiceIncidentByTinyId,
  insertOpsgenieRequest,
  type NamedIncident,
} from "./repository.js";
import { OPSGENIE_REQUEST_RETENTION_DAYS, type OpsgenieAction, type OpsgenieAlertAction, type OpsgenieRequestOutcome } from "./schema.js";

// Opsgenie's Alert API on top of alert ingestion: the GenieKey is a routing key (admitted like any
// alert: rate limit, then maintenance windows and dedup for a create), every accepted request is
// answered 202 and its outcome kept for GET /v2/alerts/requests/{requestId}. A request acts only on
// the incidents of its integration's service.

/** Opsgenie answers an unknown key with 401 (not 404): a key that names no integration is not authenticated. */
async function authenticated<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      throw new AppError("UNAUTHORIZED", "Could not authenticate: the GenieKey is not an integration key");
    }
    throw error;
  }
}

const retentionCutoff = () => new Date(Date.now() - OPSGENIE_REQUEST_RETENTION_DAYS * 24 * 60 * 60 * 1000);

const toOutcome = (row: OpsgenieRequestRow, tinyId: string | null): OpsgenieRequestOutcome => ({
  requestId: row.id,
  integrationId: row.integration_id,
  action: row.action as OpsgenieAction,
  isSuccess: row.is_success,
  status: row.status,
  alertId: row.alert_id,
  alias: row.alias,
  tinyId,
  processedAt: row.processed_at,
});

interface Outcome {
  action: OpsgenieAction;
  isSuccess: boolean;
  status: string;
  alertId: string | null;
  alias: string | null;
}

/** Keeps a request's outcome (and gives its incident a tiny id), dropping the org's expired ones. */
function recordOutcome(db: Db | Tx, integration: Integration, requestId: string, outcome: Outcome): Promise<OpsgenieRequestOutcome> {
  return inScope(db, { orgId: integration.orgId }, async (tx) => {
    const tinyId = outcome.alertId === null ? null : await assignTinyId(tx, integration.orgId, outcome.alertId);
    await deleteOpsgenieRequestsBefore(tx, integration.orgId, retentionCutoff());
    const row = await insertOpsgenieRequest(tx, { orgId: integration.orgId, id: requestId, integrationId: integration.id, ...outcome });
    return toOutcome(row, tinyId);
  });
}

const CREATE_STATUS: Partial<Record<AlertOutcome, string>> = {
  created: "Created alert",
  deduplicated: "Alert already exists with this alias: its count was increased",
  suppressed: "Alert suppressed: a maintenance window holds on the service",
};

/** `POST /v2/alerts`: the alert opens an incident, or counts on the open one with its alias. */
export async function createOpsgenieAlert(db: Db, delivery: AlertDelivery, requestId: string, alert: Alert): Promise<OpsgenieRequestOutcome> {
  const integration = await authenticated(admitAlerts(db, delivery, 1));
  const [result] = await applyAdmittedAlerts(db, integration, [alert], delivery);
  if (result === undefined) throw new Error("an accepted alert has a result");
  return recordOutcome(db, integration, requestId, {
    action: "Create",
    isSuccess: true,
    status: CREATE_STATUS[result.outcome] ?? result.outcome,
    alertId: result.incidentId,
    alias: result.dedupKey,
  });
}

function findNamedIncident(tx: Tx, integration: Integration, action: OpsgenieAlertAction): Promise<NamedIncident | undefined> {
  const find = { id: findServiceIncidentById, alias: findServiceIncidentByAlias, tiny: findServiceIncidentByTinyId }[action.identifierType];
  return find(tx, integration.orgId, integration.serviceId, action.identifier);
}

/** Applies the action to the incident; its status in Opsgenie's words. */
async function applyAction(tx: Tx, integration: Integration, requestId: string, incidentId: string, action: OpsgenieAlertAction): Promise<string> {
  const source: incidentLifecycle.ChangeSource = { orgId: integration.orgId, actorUserId: null, requestId };
  const context = { integrationId: integration.id, alert: action.raw };
  switch (action.action) {
    case "Acknowledge": {
      const { moved } = await incidentLifecycle.settleIncidentForAlert(tx, source, { incidentId, toStatus: "acknowledged" }, context);
      return moved ? "Acknowledged alert" : "Alert is already acknowledged or closed";
    }
    case "Close": {
      const { moved } = await incidentLifecycle.settleIncidentForAlert(tx, source, { incidentId, toStatus: "resolved" }, context);
      return moved ? "Closed alert" : "Alert is already closed";
    }
    case "AddNote": {
      const by = { integrationId: integration.id, ...(action.user === undefined ? {} : { user: action.user }), ...(action.source === undefined ? {} : { source: action.source }) };
      await incidentLifecycle.comment(tx, source, { incidentId, body: action.note ?? "" }, by);
      return "Added note";
    }
  }
}

/**
 * `POST /v2/alerts/{identifier}/acknowledge|close|notes`: accepted once the key is admitted; an
 * alert that does not exist (on the integration's service) is a failed request, as in Opsgenie.
 */
export async function actOnOpsgenieAlert(db: Db, delivery: AlertDelivery, requestId: string, action: OpsgenieAlertAction): Promise<OpsgenieRequestOutcome> {
  const integration = await authenticated(admitAlerts(db, delivery, 1));
  return retryingConflicts(delivery.log, () =>
    inScope(db, { orgId: integration.orgId }, async (tx) => {
      const incident = await findNamedIncident(tx, integration, action);
      if (incident === undefined) {
        const alias = action.identifierType === "alias" ? action.identifier : null;
        return recordOutcome(tx, integration, requestId, { action: action.action, isSuccess: false, status: "Alert does not exist", alertId: null, alias });
      }
      const status = await applyAction(tx, integration, delivery.requestId, incident.id, action);
      return recordOutcome(tx, integration, requestId, { action: action.action, isSuccess: true, status, alertId: incident.id, alias: incident.dedup_key });
    }),
  );
}

/** `GET /v2/alerts/requests/{requestId}`: a request of this key, kept for OPSGENIE_REQUEST_RETENTION_DAYS; 404 otherwise. */
export function getOpsgenieRequest(db: Db, genieKey: string, requestId: string): Promise<OpsgenieRequestOutcome> {
  return transact(db, async (tx) => {
    const integration = await authenticated(enterIntegrationScope(tx, genieKey));
    const row = await findOpsgenieRequest(tx, { orgId: integration.orgId, integrationId: integration.id, id: requestId, since: retentionCutoff() });
    if (row === undefined) throw new AppError("NOT_FOUND", "Request not found. It might not be processed, yet.");
    return toOutcome(row, row.tiny_id);
  });
}
