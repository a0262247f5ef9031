import type { Db, Tx } from "@incidentops/db";
import { DateTime } from "luxon";
import { myShiftsLink, type Config } from "../config.js";
import { enqueueJob } from "../jobs/enqueue.js";
import { shiftNoticeJobKey, shiftPlanJobKey, type TaskPayload } from "../jobs/tasks.js";
import { loadSchedule } from "../schedules/on-call.js";
import { finalShifts, stretchAt, stretchesOf } from "../schedules/render.js";
import { schedulesNaming } from "../schedules/repository.js";
import { inScope } from "../scope.js";
import { notifyPerson, type PersonMessage } from "./notify-person.js";
import { findMemberToNotify, orgIdsOf, reminderMinutesOf } from "./repository.js";

// Shift notifications without a scan per request: each schedule has one planning job (key
// shift-plan:<schedule>) that plans a job per shift start and per reminder due in the next
// NOTICE_HORIZON, then runs again before that window ends; a change to the schedule, its
// overrides or a person's reminder replans at once. A notice's key names the person, the shift
// start and the kind, so planning it again adds nothing; a notice whose shift moved since is
// dropped when it runs (it checks the shift still starts then).

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** How far ahead notices are planned. */
export const NOTICE_HORIZON_MS = 24 * HOUR_MS;
/** How often a schedule is planned again: well within the horizon, so no notice falls between plans. */
export const REPLAN_EVERY_MS = 12 * HOUR_MS;
/** The longest reminder a person may ask for (users.handoff_reminder_minutes). */
export const MAX_REMINDER_MINUTES = 1440;
const DAY_MS = 24 * HOUR_MS;

export interface PlannedNotice {
  userId: string;
  shiftStart: Date;
  kind: "start" | "reminder";
  at: Date;
}

/**
 * Plans the schedule's notices due in (now, now + NOTICE_HORIZON] and the next planning. Returns
 * what it planned (nothing when the schedule is gone: its chain of plans stops).
 */
export async function planShiftNotices(db: Db | Tx, job: TaskPayload<"plan_shift_notices">, now: Date): Promise<PlannedNotice[]> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const horizon = now.getTime() + NOTICE_HORIZON_MS;
    // Shifts starting up to a whole reminder after the horizon may have their reminder due in it.
    const loaded = await loadSchedule(tx, job.orgId, job.scheduleId, now, new Date(horizon + MAX_REMINDER_MINUTES * MINUTE_MS));
    if (loaded === undefined) return [];
    const range = [now.getTime(), horizon + MAX_REMINDER_MINUTES * MINUTE_MS] as const;
    // A stretch starting at the range's start is only cut there: it is under way, not starting.
    const starts = stretchesOf(finalShifts(loaded.spec, ...range)).filter((s) => s.start > now.getTime());
    const reminders = await reminderMinutesOf(tx, starts.map((s) => s.userId));
    const notices: PlannedNotice[] = [];
    for (const s of starts) {
      if (s.start <= horizon) notices.push({ userId: s.userId, shiftStart: new Date(s.start), kind: "start", at: new Date(s.start) });
      const minutes = reminders.get(s.userId);
      const remindAt = minutes === undefined ? undefined : s.start - minutes * MINUTE_MS;
      if (remindAt !== undefined && remindAt > now.getTime() && remindAt <= horizon) {
        notices.push({ userId: s.userId, shiftStart: new Date(s.start), kind: "reminder", at: new Date(remindAt) });
      }
    }
    for (const n of notices) {
      const notice = { orgId: job.orgId, scheduleId: job.scheduleId, userId: n.userId, shiftStart: n.shiftStart.toISOString(), kind: n.kind, requestId: job.requestId };
      await enqueueJob(tx, "send_shift_notice", notice, { runAt: n.at, jobKey: shiftNoticeJobKey(notice), jobKeyMode: "unsafe_dedupe" });
    }
    await enqueueJob(tx, "plan_shift_notices", job, { runAt: new Date(now.getTime() + REPLAN_EVERY_MS), jobKey: shiftPlanJobKey(job.scheduleId) });
    return notices;
  });
}

/** Replans every schedule that names the person, in each of their orgs (their reminder changed). */
export async function replanUserShiftNotices(db: Db, job: TaskPayload<"replan_user_shift_notices">, now: Date): Promise<number> {
  const orgIds = await inScope(db, { userId: job.userId }, (tx) => orgIdsOf(tx, job.userId));
  let planned = 0;
  for (const orgId of orgIds) {
    await inScope(db, { orgId }, async (tx) => {
      for (const scheduleId of await schedulesNaming(tx, orgId, job.userId, now)) {
        await enqueueJob(tx, "plan_shift_notices", { orgId, scheduleId, requestId: job.requestId }, { jobKey: shiftPlanJobKey(scheduleId) });
        planned += 1;
      }
    });
  }
  return planned;
}

/** "1 minute", "15 minutes". */
const minutesText = (minutes: number) => `${minutes} minute${minutes === 1 ? "" : "s"}`;

/** A time as its person reads it: on their wall clock, naming their zone. */
const when = (ms: number, zone: string) => `${DateTime.fromMillis(ms, { zone }).toFormat("ccc d LLL yyyy, HH:mm")} (${zone})`;

function noticeText(
  kind: "start" | "reminder",
  facts: { schedule: string; start: number; end: number | null; zone: string; link: string; minutesAhead: number },
): PersonMessage {
  const until = facts.end === null ? "until further notice" : `until ${when(facts.end, facts.zone)}`;
  const lines =
    kind === "start"
      ? [`You are on call for ${facts.schedule} ${until}.`]
      : [`Your on-call shift for ${facts.schedule} starts in ${minutesText(facts.minutesAhead)}, at ${when(facts.start, facts.zone)}, and lasts ${until}.`];
  return {
    subject: kind === "start" ? `You are on call for ${facts.schedule}` : `Your on-call shift for ${facts.schedule} starts in ${minutesText(facts.minutesAhead)}`,
    text: [...lines, "", `Your shifts: ${facts.link}`].join("\n"),
  };
}

export type NoticeOutcome = "sent" | "stale" | "not_a_member";

/**
 * Sends one planned notice if the person's shift still starts at `shiftStart` (the schedule may
 * have changed since it was planned): "you are on call for X until Y", or the reminder.
 */
export async function sendShiftNotice(db: Db | Tx, config: Pick<Config, "publicUrl" | "port">, job: TaskPayload<"send_shift_notice">, now: Date): Promise<NoticeOutcome> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const start = Date.parse(job.shiftStart);
    const loaded = await loadSchedule(tx, job.orgId, job.scheduleId, new Date(start - 93 * DAY_MS), new Date(start + 93 * DAY_MS));
    const stretch = loaded === undefined ? null : stretchAt(loaded.spec, start);
    if (loaded === undefined || stretch?.userId !== job.userId || stretch.start !== start) return "stale";
    const person = await findMemberToNotify(tx, job.orgId, job.userId);
    if (person === undefined) return "not_a_member";
    const message = noticeText(job.kind, {
      schedule: loaded.row.name,
      start,
      end: stretch.end,
      zone: person.time_zone,
      link: myShiftsLink(config, job.orgId),
      minutesAhead: Math.max(1, Math.round((start - now.getTime()) / MINUTE_MS)),
    });
    return (await notifyPerson(tx, job.orgId, job.userId, message, job.requestId)) ? "sent" : "not_a_member";
  });
}
