import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@incidentops/core";
import { z } from "zod";

export const pageInput = {
  cursor: z.string().min(1).max(512).optional().describe("nextCursor of the previous page"),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

export const okSchema = z.object({ ok: z.literal(true) });
