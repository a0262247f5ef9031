import type { Tx } from "@incidentops/db";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import type { Integration } from "../integrations/service.js";
import type { Alert, AlertResult } from "./alerts.js";
import type { SentTime } from "./sent-time.js";

/** One request's alerts, admitted for `integration`, each with its dedup key. */
export interface AdmittedAlerts {
  integration: Integration;
  alerts: readonly (Alert & { dedupKey: string })[];
  requestId: string;
}

type KeyedAlert = AdmittedAlerts["alerts"][number];

/** The longest incident title an alert gives (PagerDuty's summary bound); a longer summary is cut, the whole alert staying on the timeline. */
const MAX_ALERT_TITLE = 1024;

/** An alert's summary as its incident's title: cut to MAX_ALERT_TITLE characters, ending in an ellipsis, when longer. */
function alertTitleOf(summary: string): string {
  if (summary.length <= MAX_ALERT_TITLE) return summary;
  const cut = summary.slice(0, MAX_ALERT_TITLE - 1);
  // Never half of a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** The sender's time on the timeline: `sentAt` when it could be read, a note when it could not. */
const sentTimeContext = (sentTime: SentTime | undefined) =>
  sentTime === undefined ? {} : sentTime.at === undefined ? { notes: [sentTime.note] } : { sentAt: sentTime.at.toISOString() };

/** What every timeline event of an alert carries: the integration, and the alert as received. */
const contextOf = (integration: Integration, alert: KeyedAlert) => ({
  integrationId: integration.id,
  alert: alert.raw,
  ...sentTimeContext(alert.sentTime),
  ...(alert.groupAlerts === undefined ? {} : { groupAlerts: alert.groupAlerts }),
});

/**
 * Applies the requests' alerts in the caller's transaction (scoped to their org), in order,
 * through the incident lifecycle, and returns each request's results: a trigger opens an incident
 * or counts on the open one with its dedup key; acknowledge and resolve act on that open incident,
 * and are no-ops without one. Triggers in a row go together (incidentLifecycle.openForAlerts: one
 * statement for their incidents, one for their events) until one repeats a service and dedup key
 * among them, or an acknowledge or resolve comes, which must see them applied.
 */
export async function applyAlerts(tx: Tx, requests: readonly AdmittedAlerts[]): Promise<AlertResult[][]> {
  const results = new Map<KeyedAlert, AlertResult>();
  let together: { alert: KeyedAlert; opening: incidentLifecycle.AlertOpening }[] = [];
  const incidentsTogether = new Set<string>();
  const openTogether = async () => {
    const opened = await incidentLifecycle.openForAlerts(tx, together.map(({ opening }) => opening));
    for (const [i, { alert }] of together.entries()) {
      const result = opened[i];
      if (result === undefined) continue;
      results.set(alert, { dedupKey: alert.dedupKey, outcome: result.suppressed ? "suppressed" : result.opened ? "created" : "deduplicated", incidentId: result.incidentId });
    }
    together = [];
    incidentsTogether.clear();
  };
  for (const { integration, alerts, requestId } of requests) {
    const source: incidentLifecycle.ChangeSource = { orgId: integration.orgId, actorUserId: null, requestId };
    for (const alert of alerts) {
      const { dedupKey } = alert;
      const context = contextOf(integration, alert);
      if (alert.action === "trigger") {
        const { serviceId } = integration;
        // One statement changes a row once: a second trigger of the same incident waits for the next.
        const incident = incidentLifecycle.alertIncidentKey(serviceId, dedupKey);
        if (incidentsTogether.has(incident)) await openTogether();
        incidentsTogether.add(incident);
        const groupAlertKeys = alert.groupAlerts?.map((member) => member.key);
        const received = { integrationId: integration.id, raw: alert.raw };
        together.push({ alert, opening: { source, alert: { serviceId, title: alertTitleOf(alert.summary), description: alert.description, type: alert.type, severity: alert.severity, dedupKey, groupAlertKeys, received }, context } });
        continue;
      }
      await openTogether();
      const toStatus = alert.action === "resolve" ? "resolved" : "acknowledged";
      const { incidentId, moved } = await incidentLifecycle.settleForAlert(tx, source, { serviceId: integration.serviceId, dedupKey, toStatus }, context);
      results.set(alert, { dedupKey, outcome: moved ? toStatus : "ignored", incidentId });
    }
  }
  await openTogether();
  return requests.map(({ alerts }) =>
    alerts.map((alert) => {
      const result = results.get(alert);
      if (result === undefined) throw new Error("unreachable: every alert has a result");
      return result;
    }),
  );
}
