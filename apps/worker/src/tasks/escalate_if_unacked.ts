import { runEscalationStep } from "@incidentops/core";
import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.js";

export const escalateIfUnacked =
  (deps: WorkerDeps): Task<"escalate_if_unacked"> =>
  async (payload) => {
    const outcome = await runEscalationStep(deps.db, payload);
    deps.logger.info({ requestId: payload.requestId, incidentId: payload.incidentId, step: payload.step, outcome }, "escalation step");
  };
