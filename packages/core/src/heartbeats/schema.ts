import { z } from "zod";
import { serviceIdInput } from "../catalog/schema.js";
import { isoDateTime } from "../schema.js";

/** A heartbeat expects a ping at least this often: one minute to one week (a daily job needs more than a day, for its slack). */
export const MIN_HEARTBEAT_INTERVAL_SECONDS = 60;
export const MAX_HEARTBEAT_INTERVAL_SECONDS = 604_800;

const name = z.string().trim().min(1).max(200);
const intervalSeconds = z
  .number()
  .int()
  .min(MIN_HEARTBEAT_INTERVAL_SECONDS)
  .max(MAX_HEARTBEAT_INTERVAL_SECONDS)
  .describe(`A ping is due within this many seconds of the last one (or of creation): ${MIN_HEARTBEAT_INTERVAL_SECONDS} to ${MAX_HEARTBEAT_INTERVAL_SECONDS}`);

export const heartbeatStatusSchema = z
  .enum(["inactive", "healthy", "expired"])
  .describe("inactive: never pinged (yet in time); healthy: pinged within its interval; expired: a ping is overdue (an incident was opened)");
export type HeartbeatStatus = z.infer<typeof heartbeatStatusSchema>;

/** A heartbeat monitor of a service: a missed ping opens an incident, the next ping resolves it. */
export const heartbeatSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  name: z.string(),
  intervalSeconds: z.number().int(),
  status: heartbeatStatusSchema,
  lastPingAt: isoDateTime.nullable(),
  dueAt: isoDateTime.describe("When the next ping is due (for an expired heartbeat: the deadline it missed)"),
  pingUrl: z.string().describe("POST (or GET) it to ping; the token in it is the credential, like a routing key"),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const heartbeatListSchema = z.object({ items: z.array(heartbeatSchema) });
export type HeartbeatList = z.infer<typeof heartbeatListSchema>;

export const createHeartbeatInput = serviceIdInput.extend({ name, intervalSeconds });
export type CreateHeartbeatInput = z.infer<typeof createHeartbeatInput>;

export const heartbeatIdInput = serviceIdInput.extend({ heartbeatId: z.uuid() });
export type HeartbeatIdInput = z.infer<typeof heartbeatIdInput>;

/** PATCH: a new interval counts from the last ping (or creation), and moves the pending deadline. */
export const updateHeartbeatInput = heartbeatIdInput.extend({ name: name.optional(), intervalSeconds: intervalSeconds.optional() });
export type UpdateHeartbeatInput = z.infer<typeof updateHeartbeatInput>;

/** What a ping answers. */
export const heartbeatPingSchema = z.object({
  ok: z.literal(true),
  status: z.literal("healthy"),
  dueAt: isoDateTime.describe("The next ping is due by then"),
});
export type HeartbeatPing = z.infer<typeof heartbeatPingSchema>;
