import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.js";

/** Invitations and password resets. A failure throws, so graphile-worker retries with backoff. */
export const sendAccountEmail =
  (deps: WorkerDeps): Task<"send_account_email"> =>
  async (payload) => {
    const outcome = await deps.mailer.send({ to: payload.to, subject: payload.subject, text: payload.text });
    if (!outcome.ok) throw new Error(`account email not sent: ${outcome.error ?? "unknown error"}`);
    deps.logger.info({ requestId: payload.requestId, note: outcome.note }, "account email sent");
  };
