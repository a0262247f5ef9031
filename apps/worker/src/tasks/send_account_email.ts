import type { TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

/** Invitations and password resets. A failure throws, so graphile-worker retries with backoff. */
export async function sendAccountEmail(payload: TaskPayload<"send_account_email">, deps: WorkerDeps): Promise<void> {
  const outcome = await deps.mailer.send({ to: payload.to, subject: payload.subject, text: payload.text });
  if (!outcome.ok) throw new Error(`account email not sent: ${outcome.error ?? "unknown error"}`);
  deps.logger.info({ note: outcome.note }, "account email sent");
}
