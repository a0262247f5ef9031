import { z } from "zod";
import type { Postmortem, RouterInputs } from "./api-types";
import { formatDuration } from "./format";

export const postmortemFormSchema = z.object({
  summary: z.string().max(50_000),
  impact: z.string().max(50_000),
  rootCause: z.string().max(50_000),
  actionItems: z
    .array(z.object({ title: z.string().trim().min(1, "Say what is to be done").max(500), ownerId: z.string().nullable(), done: z.boolean() }))
    .max(100, "At most 100 action items"),
});
export type PostmortemForm = z.infer<typeof postmortemFormSchema>;

/** The editable part of a postmortem, as the form holds it. */
export const formValuesOf = (postmortem: Postmortem): PostmortemForm => ({
  summary: postmortem.summary,
  impact: postmortem.impact,
  rootCause: postmortem.rootCause,
  actionItems: postmortem.actionItems.map((item) => ({ title: item.title, ownerId: item.ownerId, done: item.done })),
});

/** What PUT /incidents/{id}/postmortem takes: the form's values, the status to save with, at `version`. */
export const putInputOf = (
  incidentId: string,
  values: PostmortemForm,
  status: Postmortem["status"],
  version: number,
): RouterInputs["incidents"]["postmortem"]["put"] => ({ incidentId, ...values, status, version });

export const STAGE_LABEL = { "not started": "Not started", draft: "Draft", published: "Published" } as const;

/** Where a postmortem stands. */
export function postmortemStage(postmortem: Pick<Postmortem, "version" | "status">): "not started" | "draft" | "published" {
  if (postmortem.version === 0) return "not started";
  return postmortem.status;
}

/** "postmortem-checkout-returns-502.md": the Markdown export's file name. */
export function markdownFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `postmortem${slug === "" ? "" : `-${slug}`}.md`;
}

/** A duration of the facts (seconds, or null when it did not happen) in words. */
export const factDuration = (seconds: number | null) => (seconds === null ? "—" : formatDuration(seconds * 1000));
