import { passwordService, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

/** A reset asked for an email: a token and its email for an account, nothing for none. */
export async function issuePasswordReset(payload: TaskPayload<"issue_password_reset">, deps: WorkerDeps): Promise<void> {
  const outcome = await passwordService.issuePasswordReset(deps.db, deps.config, payload);
  // Never the email: whether it belongs to an account is what the request keeps to itself.
  deps.logger.info({ outcome: outcome === "issued" ? "issued" : "ignored" }, "password reset request handled");
}
