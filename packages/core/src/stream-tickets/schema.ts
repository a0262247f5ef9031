import { z } from "zod";
import { isoDateTime } from "../schema.js";

/** A ticket that opens one live stream, shown only in the response that issues it. */
export const streamTicketSchema = z.object({
  ticket: z.string().describe("Send as tRPC's connectionParams `{ \"ticket\": \"...\" }` of the `live.incidents` subscription: it opens one stream, once"),
  expiresAt: isoDateTime.describe("Unused by then, it opens nothing: ask for a new one at every (re)connection"),
});
export type StreamTicket = z.infer<typeof streamTicketSchema>;
