import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.js";
import { deliver } from "./deliver.js";

export const sendEmail = (deps: WorkerDeps): Task<"send_email"> => deliver(deps);
