import { fanOutEvent } from "@incidentops/core";
import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.js";

export const incidentEvent =
  (deps: WorkerDeps): Task<"incident_event"> =>
  async (payload) => {
    const attempts = await fanOutEvent(deps.db, payload);
    deps.logger.debug({ requestId: payload.requestId, eventId: payload.eventId, attempts }, "event fanned out");
  };
