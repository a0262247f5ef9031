import { z } from "zod";
import { channelSchema, isoDateTime } from "../schema.js";

/** One delivery of one timeline event to one target or person, with its retries so far. */
export const notificationAttemptSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  channel: channelSchema,
  target: z.object({ id: z.uuid(), name: z.string(), type: channelSchema }).nullable(),
  user: z.object({ id: z.uuid(), email: z.string() }).nullable(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attemptCount: z.number().int(),
  lastHttpStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
});
export type NotificationAttempt = z.infer<typeof notificationAttemptSchema>;
