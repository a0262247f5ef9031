import { inJobSpan, taskPayloadSchemas, type TaskName, type TaskPayload } from "@incidentops/core";
import type { JobHelpers, Task, TaskList } from "graphile-worker";
import type { z } from "zod";
import type { WorkerDeps } from "../deps.js";
import { jobLogger } from "../job-log.js";
import { deliverOn } from "./deliver.js";
import { escalateIfUnacked } from "./escalate_if_unacked.js";
import { incidentEvent } from "./incident_event.js";
import { issuePasswordReset } from "./issue_password_reset.js";
import { pageRule } from "./page_rule.js";
import { retriggerIncident } from "./retrigger_incident.js";
import { sendAccountEmail } from "./send_account_email.js";
import { slaCheck } from "./sla_checks.js";
import { heartbeatCheck } from "./heartbeat_check.js";
import { planShiftNoticesTask, replanUserShiftNoticesTask, sendShiftNoticeTask } from "./shift_notices.js";

/** A task: the schema its payload must match, and what it does with a payload that does. */
interface TaskDefinition<K extends TaskName> {
  payload: z.ZodType<TaskPayload<K>>;
  run: (payload: TaskPayload<K>, deps: WorkerDeps) => Promise<void>;
}

/** Every task the worker runs, by name. */
export const TASKS: { [K in TaskName]: TaskDefinition<K> } = {
  incident_event: { payload: taskPayloadSchemas.incident_event, run: incidentEvent },
  send_webhook: { payload: taskPayloadSchemas.send_webhook, run: deliverOn("webhook") },
  send_slack: { payload: taskPayloadSchemas.send_slack, run: deliverOn("slack") },
  send_teams: { payload: taskPayloadSchemas.send_teams, run: deliverOn("teams") },
  send_discord: { payload: taskPayloadSchemas.send_discord, run: deliverOn("discord") },
  send_mattermost: { payload: taskPayloadSchemas.send_mattermost, run: deliverOn("mattermost") },
  send_email: { payload: taskPayloadSchemas.send_email, run: deliverOn("email") },
  send_sms: { payload: taskPayloadSchemas.send_sms, run: deliverOn("sms") },
  send_voice: { payload: taskPayloadSchemas.send_voice, run: deliverOn("voice") },
  escalate_if_unacked: { payload: taskPayloadSchemas.escalate_if_unacked, run: escalateIfUnacked },
  page_rule: { payload: taskPayloadSchemas.page_rule, run: pageRule },
  retrigger_incident: { payload: taskPayloadSchemas.retrigger_incident, run: retriggerIncident },
  sla_breach: { payload: taskPayloadSchemas.sla_breach, run: slaCheck("breach") },
  sla_warning: { payload: taskPayloadSchemas.sla_warning, run: slaCheck("warning") },
  heartbeat_check: { payload: taskPayloadSchemas.heartbeat_check, run: heartbeatCheck },
  issue_password_reset: { payload: taskPayloadSchemas.issue_password_reset, run: issuePasswordReset },
  send_account_email: { payload: taskPayloadSchemas.send_account_email, run: sendAccountEmail },
  plan_shift_notices: { payload: taskPayloadSchemas.plan_shift_notices, run: planShiftNoticesTask },
  replan_user_shift_notices: { payload: taskPayloadSchemas.replan_user_shift_notices, run: replanUserShiftNoticesTask },
  send_shift_notice: { payload: taskPayloadSchemas.send_shift_notice, run: sendShiftNoticeTask },
};

/** A payload its task's schema refuses: running the job again would fail the same way. */
export class MalformedPayloadError extends Error {
  override name = "MalformedPayloadError";
}

/**
 * graphile-worker runs a failed job again while attempts < max_attempts: this allows none after
 * the one running (its permanently_fail_jobs() would, but skips locked jobs, as this one is). The
 * in-memory job follows, so the failure is reported as final.
 */
async function failForGood(helpers: JobHelpers): Promise<void> {
  await helpers.query("UPDATE graphile_worker._private_jobs SET max_attempts = attempts WHERE id = $1", [helpers.job.id]);
  helpers.job.max_attempts = helpers.job.attempts;
}

/** The issues' paths and messages on one line (never the values: a payload may hold a link). */
const describeIssues = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.length === 0 ? "payload" : issue.path.join(".")}: ${issue.message}`).join("; ");

/** The edge of one task: validate the payload, then run it with the job's own logger, in the job's span. */
// K ties the name to its own definition: a correlated union TypeScript cannot follow otherwise.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function taskAtTheEdge<K extends TaskName>(name: K, deps: WorkerDeps): Task {
  const task = TASKS[name];
  return (payload, helpers) =>
    inJobSpan(name, payload, { "job.id": helpers.job.id, "job.attempt": helpers.job.attempts }, async () => {
      const parsed = task.payload.safeParse(payload);
      if (!parsed.success) {
        await failForGood(helpers);
        throw new MalformedPayloadError(`malformed ${name} payload, not retried: ${describeIssues(parsed.error)}`);
      }
      await task.run(parsed.data, { ...deps, logger: jobLogger(deps.logger, helpers.job) });
    });
}

export function createTaskList(deps: WorkerDeps): TaskList {
  const names = Object.keys(TASKS) as TaskName[];
  return Object.fromEntries(names.map((name) => [name, taskAtTheEdge(name, deps)]));
}
