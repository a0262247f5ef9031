import type { Db } from "@incidentops/db";
import type { IncomingChangeEvent } from "../change-events/schema.js";
import { recordChangeEvent } from "../change-events/service.js";
import { retryingConflicts } from "../conflict-retries.js";
import { inScope } from "../scope.js";
import { admitAlerts, type AlertDelivery } from "./admission.js";

/** Records one change event sent with a routing key; it counts against the key's limit like an alert. */
export async function ingestChangeEvent(db: Db, delivery: AlertDelivery, event: IncomingChangeEvent): Promise<{ id: string }> {
  const integration = await admitAlerts(db, delivery, 1);
  return retryingConflicts(delivery.log, () => inScope(db, { orgId: integration.orgId }, (tx) => recordChangeEvent(tx, integration, event)));
}
