import type { TaskList } from "graphile-worker";
import type { WorkerDeps } from "../deps.js";
import { escalateIfUnacked } from "./escalate_if_unacked.js";
import { incidentEvent } from "./incident_event.js";
import { sendAccountEmail } from "./send_account_email.js";
import { sendEmail } from "./send_email.js";
import { sendSlack } from "./send_slack.js";
import { sendWebhook } from "./send_webhook.js";

export function createTaskList(deps: WorkerDeps): TaskList {
  return {
    incident_event: incidentEvent(deps),
    send_webhook: sendWebhook(deps),
    send_slack: sendSlack(deps),
    send_email: sendEmail(deps),
    escalate_if_unacked: escalateIfUnacked(deps),
    send_account_email: sendAccountEmail(deps),
  };
}
