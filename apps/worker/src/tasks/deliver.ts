import { runDelivery } from "@incidentops/core";
import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.js";

/** send_webhook, send_slack and send_email differ only in the channel the attempt names. */
export const deliver =
  (deps: WorkerDeps): Task<"send_webhook" | "send_slack" | "send_email"> =>
  async (payload) => {
    const result = await runDelivery(deps, payload);
    deps.logger.info({ requestId: payload.requestId, attemptId: payload.attemptId, result }, "delivery attempt");
  };
