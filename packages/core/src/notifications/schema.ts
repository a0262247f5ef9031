import { z } from "zod";
import { channelSchema, isoDateTime, targetTypeSchema } from "../schema.js";

/** One delivery of one timeline event to one target or person, with its retries so far. */
export const notificationAttemptSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  channel: channelSchema,
  target: z
    .object({
      id: z.uuid(),
      name: z.string(),
      type: targetTypeSchema,
      deleted: z.boolean().describe("The target was deleted since: its name and type are as they were when it was deleted"),
    })
    .nullable(),
  user: z.object({ id: z.uuid(), email: z.string() }).nullable(),
  contactMethod: z
    .object({
      id: z.uuid(),
      name: z.string(),
      type: channelSchema,
      address: z.string().describe('Masked: enough for its person to tell which it was, never the whole address ("+****0100", "a****@example.com", "https://host/****")'),
      deleted: z.boolean().describe("Its person deleted it since: its name and type are as they were then, and it is never sent to again"),
    })
    .nullable()
    .describe("The person's contact method the page went through; null for a target"),
  delayMinutes: z.number().int().nullable().describe("The delay of the person's notification rule that sent it"),
  status: z
    .enum(["pending", "succeeded", "failed", "cancelled"])
    .describe(
      "pending while tries remain (the next after the exponential back-off, or later when the receiver asked so with a 429's or 503's Retry-After); failed after DELIVERY_MAX_ATTEMPTS tries, or at once on an answer no retry can fix (410 Gone; Slack's lasting refusals), as lastError says; cancelled when its target or contact method was deleted before it was delivered (not sent again, as note says)",
    ),
  attemptCount: z.number().int(),
  lastHttpStatus: z.number().int().nullable(),
  lastError: z.string().nullable().describe("Why the last try failed: a short reason, never the URL or a secret"),
  note: z.string().nullable().describe("What else there is to know: why it was cancelled, or that an email was only logged (no SMTP server)"),
  nextAttemptAt: isoDateTime
    .nullable()
    .describe(
      "While pending: the earliest time of its next try (after the back-off, or the receiver's Retry-After when later). Its receiver's lane may make it later still: a Retry-After the receiver gave on another attempt holds every attempt to it, as does its circuit breaker. Null once it succeeded or failed",
    ),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
});
export type NotificationAttempt = z.infer<typeof notificationAttemptSchema>;
