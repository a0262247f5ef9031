import { z } from "zod";
import { E164 } from "../config.js";
import { MAX_NOTIFICATION_RULES } from "../jobs/tasks.js";
import { isoDateTime } from "../schema.js";

export const contactMethodTypeSchema = z.enum(["email", "slack", "webhook", "sms", "voice"]);
export type ContactMethodType = z.infer<typeof contactMethodTypeSchema>;

/** The types that go through the SMS and voice provider (Twilio), which a deployment may not have. */
export const PHONE_TYPES = ["sms", "voice"] as const satisfies readonly ContactMethodType[];

/** How a person is reached: an email address, a Slack incoming webhook, a signed webhook, or a phone number (SMS, voice). */
export const contactMethodSchema = z.object({
  id: z.uuid(),
  type: contactMethodTypeSchema,
  name: z.string(),
  address: z.string().describe("An email address, a URL (a Slack URL's secret path is masked) or an E.164 phone number"),
  isAccountEmail: z.boolean().describe("The account's own email: there from the start, cannot be deleted"),
  createdAt: isoDateTime,
});
export type ContactMethod = z.infer<typeof contactMethodSchema>;

/** The creation response: a webhook's signing secret comes with it, this once. */
export const createdContactMethodSchema = contactMethodSchema.extend({
  secret: z.string().optional().describe("webhook only: the whsec_ signing secret of its deliveries, shown once"),
});
export type CreatedContactMethod = z.infer<typeof createdContactMethodSchema>;

export const contactMethodListSchema = z.object({ items: z.array(contactMethodSchema) });
export type ContactMethodList = z.infer<typeof contactMethodListSchema>;

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** What `address` must be for each type. */
const addressSchemas = {
  email: z.email(),
  slack: httpUrl,
  webhook: httpUrl,
  sms: z.string().regex(E164, "must be a phone number in E.164 form, e.g. +14155550100"),
  voice: z.string().regex(E164, "must be a phone number in E.164 form, e.g. +14155550100"),
} as const satisfies Record<ContactMethodType, z.ZodType<string>>;

export const MAX_CONTACT_METHODS = 20;

export const createContactMethodInput = z
  .object({
    type: contactMethodTypeSchema,
    name: z.string().trim().min(1).max(100).describe('What you call it, e.g. "Work phone"'),
    address: z.string().trim().min(1).max(2000),
  })
  .superRefine((value, ctx) => {
    const result = addressSchemas[value.type].safeParse(value.address);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["address"] });
  });
export type CreateContactMethodInput = z.infer<typeof createContactMethodInput>;

export const contactMethodIdInput = z.object({ contactMethodId: z.uuid() });
export type ContactMethodIdInput = z.infer<typeof contactMethodIdInput>;

export const notificationRuleSchema = z.object({
  contactMethodId: z.uuid(),
  delayMinutes: z.number().int().min(0).max(1440).describe("Minutes after the page; 0: at once"),
});
export type NotificationRule = z.infer<typeof notificationRuleSchema>;

export const notificationRulesSchema = z.object({
  rules: z.array(notificationRuleSchema).describe("In the order they fire: by delay"),
});
export type NotificationRules = z.infer<typeof notificationRulesSchema>;

/** PUT: the rules become exactly these (at least one, so that a page always reaches you). */
export const setNotificationRulesInput = z.object({
  rules: z
    .array(notificationRuleSchema)
    .min(1, "keep at least one rule: without one you are never paged")
    .max(MAX_NOTIFICATION_RULES)
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((rule, i) => {
        const key = `${rule.contactMethodId}:${rule.delayMinutes}`;
        if (seen.has(key)) ctx.addIssue({ code: "custom", message: "the same contact method at the same delay twice", path: [i, "delayMinutes"] });
        seen.add(key);
      });
    }),
});
export type SetNotificationRulesInput = z.infer<typeof setNotificationRulesInput>;
