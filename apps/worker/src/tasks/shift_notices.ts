import { planShiftNotices, replanUserShiftNotices, sendShiftNotice, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function planShiftNoticesTask(payload: TaskPayload<"plan_shift_notices">, deps: WorkerDeps): Promise<void> {
  const planned = await planShiftNotices(deps.db, payload, new Date());
  deps.logger.info({ scheduleId: payload.scheduleId, planned: planned.length }, "shift notices planned");
}

export async function replanUserShiftNoticesTask(payload: TaskPayload<"replan_user_shift_notices">, deps: WorkerDeps): Promise<void> {
  const schedules = await replanUserShiftNotices(deps.db, payload, new Date());
  deps.logger.info({ userId: payload.userId, schedules }, "shift notices replanned");
}

export async function sendShiftNoticeTask(payload: TaskPayload<"send_shift_notice">, deps: WorkerDeps): Promise<void> {
  const outcome = await sendShiftNotice(deps.db, deps.config, payload, new Date());
  deps.logger.info({ scheduleId: payload.scheduleId, kind: payload.kind, outcome }, "shift notice");
}
