import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.js";
import { deliver } from "./deliver.js";

export const sendWebhook = (deps: WorkerDeps): Task<"send_webhook"> => deliver(deps);
