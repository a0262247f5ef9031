import type { CalendarFeedRow, Db, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { myShiftsLink, publicLink, type Config } from "../config.js";
import { AppError, notFound } from "../errors.js";
import { iso, isoOrNull } from "../mapping.js";
import { shiftsOf } from "../oncall/service.js";
import type { UserActor } from "../policy.js";
import { loadSchedule, STRETCH_WINDOW_MS } from "../schedules/on-call.js";
import { finalShifts, stretchesOf } from "../schedules/render.js";
import { findScheduleForKeyShare } from "../schedules/repository.js";
import { inScope, setScope, transact } from "../scope.js";
import { peopleNamed } from "../teams/service.js";
import { toICalendar, type FeedEvent } from "./ical.js";
import { deleteFeed as deleteFeedRow, insertFeed, listFeeds, useFeed } from "./repository.js";
import {
  CALENDAR_FEED_PREFIX,
  calendarTokenSchema,
  type CalendarFeed,
  type CalendarFeedIdInput,
  type CalendarFeeds,
  type CreateCalendarFeedInput,
  type CreatedCalendarFeed,
} from "./schema.js";
import { hashSecretToken, newSecretToken } from "../secret-tokens.js";

/** How far ahead a feed lists shifts. */
export const FEED_DAYS = 90;
/** How often calendar apps are asked to fetch it again. */
const REFRESH_MINUTES = 60;
const DAY_MS = 86_400_000;

const toFeed = (row: CalendarFeedRow): CalendarFeed => ({
  id: row.id,
  name: row.name,
  scheduleId: row.schedule_id,
  fullSchedule: row.full_schedule,
  prefix: row.prefix,
  createdAt: iso(row.created_at),
  lastUsedAt: isoOrNull(row.last_used_at),
});

/** The address a calendar app subscribes to. */
export const feedUrl = (config: Pick<Config, "publicUrl" | "port">, token: string) => publicLink(config, `/calendar/${token}.ics`);

/** A new secret feed of the caller's shifts (or of a schedule): its token and URL are shown only now. */
export async function createFeed(db: Db | Tx, actor: UserActor, config: Pick<Config, "publicUrl" | "port">, input: CreateCalendarFeedInput): Promise<CreatedCalendarFeed> {
  const token = newSecretToken(CALENDAR_FEED_PREFIX);
  return transact(db, async (tx) => {
    if (input.scheduleId !== undefined && (await findScheduleForKeyShare(tx, actor.orgId, input.scheduleId)) === undefined) {
      throw new AppError("VALIDATION_FAILED", "No such schedule in this organisation", { fields: { scheduleId: ["no such schedule"] } });
    }
    const row = await insertFeed(tx, {
      orgId: actor.orgId,
      userId: actor.userId,
      name: input.name,
      scheduleId: input.scheduleId ?? null,
      fullSchedule: input.fullSchedule,
      prefix: token.slice(0, CALENDAR_FEED_PREFIX.length + 4),
      tokenHash: hashSecretToken(token),
    });
    await auditAction(tx, actor, { action: "calendar_feed.created", targetType: "calendar_feed", targetId: row.id, data: { name: row.name, scheduleId: row.schedule_id } });
    return { ...toFeed(row), secret: token, url: feedUrl(config, token) };
  });
}

export async function listMyFeeds(db: Db | Tx, actor: UserActor): Promise<CalendarFeeds> {
  return { items: (await listFeeds(db, actor.orgId, actor.userId)).map(toFeed) };
}

/** Revokes one of the caller's feeds: its URL stops working at once. */
export async function deleteFeed(db: Db | Tx, actor: UserActor, input: CalendarFeedIdInput): Promise<void> {
  await transact(db, async (tx) => {
    const deleted = await deleteFeedRow(tx, actor.orgId, actor.userId, input.feedId);
    if (deleted === undefined) throw notFound("Calendar feed");
    await auditAction(tx, actor, { action: "calendar_feed.revoked", targetType: "calendar_feed", targetId: input.feedId, data: { name: deleted.name } });
  });
}

const feedNotFound = () => notFound("Calendar feed");

/** Everyone's stretches on one schedule, as events naming who is on call. */
async function scheduleEvents(tx: Tx, row: CalendarFeedRow, scheduleId: string, since: Date, until: Date, link: string): Promise<FeedEvent[]> {
  const loaded = await loadSchedule(tx, row.org_id, scheduleId, since, until);
  if (loaded === undefined) return [];
  const stretches = stretchesOf(finalShifts(loaded.spec, since.getTime(), until.getTime()));
  const names = new Map((await peopleNamed(tx, stretches.map((s) => s.userId))).map((p) => [p.id, p.name]));
  return stretches.map((s) => ({
    uid: `${row.id}-${s.userId}-${s.start}@incidentops`,
    summary: `${names.get(s.userId) ?? "Someone"} on call: ${loaded.row.name}`,
    description: `${names.get(s.userId) ?? "Someone"} is on call for ${loaded.row.name}.`,
    start: new Date(s.start),
    end: new Date(s.end),
    url: link,
  }));
}

/**
 * The shifts a feed fetched at `now` shows: those that have not ended, up to 90 days ahead. A
 * shift under way keeps its start (looked for up to 93 days back, as who is on call does): a
 * calendar app knows an event by its id, which holds the start, and the start is what it shows.
 * Both ends of the range move by whole days, so fetches within a day agree on every event.
 */
function feedRange(now: Date): { since: Date; until: Date } {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { since: new Date(today - STRETCH_WINDOW_MS), until: new Date(today + (FEED_DAYS + 1) * DAY_MS) };
}

/**
 * The iCalendar document behind a feed's secret URL: one event per shift of the next 90 days.
 * The token is found through its hash (row-level security lets exactly that row through); an
 * unknown or revoked token, or a person no longer in the org, is 404.
 */
export async function renderFeed(db: Db, config: Pick<Config, "publicUrl" | "port">, token: string, now: Date): Promise<string> {
  if (!calendarTokenSchema.safeParse(token).success) throw feedNotFound();
  return inScope(db, { lookupHash: hashSecretToken(token).toString("hex") }, async (tx) => {
    const row = await useFeed(tx, hashSecretToken(token), now);
    if (row === undefined) throw feedNotFound();
    await setScope(tx, { orgId: row.org_id });
    const { since, until } = feedRange(now);
    // Each event opens the page it comes from: the schedule's, or the person's own shifts.
    const events: FeedEvent[] =
      row.full_schedule && row.schedule_id !== null
        ? await scheduleEvents(tx, row, row.schedule_id, since, until, publicLink(config, `/schedules/${row.schedule_id}`))
        : (await shiftsOf(tx, row.org_id, row.user_id, since, until, row.schedule_id === null ? undefined : [row.schedule_id])).map((s) => ({
            uid: `${row.id}-${s.scheduleId}-${s.start}@incidentops`,
            summary: `On call: ${s.scheduleName}`,
            description: `You are on call for ${s.scheduleName}.`,
            start: new Date(s.start),
            end: new Date(s.end),
            url: myShiftsLink(config, row.org_id),
          }));
    return toICalendar(
      row.name,
      events.filter((e) => e.end > now),
      REFRESH_MINUTES,
    );
  });
}
