import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.js";
import { deliver } from "./deliver.js";

export const sendSlack = (deps: WorkerDeps): Task<"send_slack"> => deliver(deps);
