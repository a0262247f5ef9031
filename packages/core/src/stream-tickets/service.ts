import type { Db, Tx } from "@incidentops/db";
import { apiKeyActor } from "../api-keys/authenticate.js";
import { findLiveApiKey } from "../api-keys/repository.js";
import { AppError } from "../errors.js";
import { iso } from "../mapping.js";
import type { Actor } from "../policy.js";
import { enterUserScope, setScope, transact } from "../scope.js";
import { deleteExpiredStreamTickets, insertStreamTicket, takeStreamTicket } from "./repository.js";
import type { StreamTicket } from "./schema.js";
import { hashSecretToken, newSecretToken } from "../secret-tokens.js";

/** How long a ticket may wait to be used: long enough for the client to open its stream. */
export const STREAM_TICKET_TTL_SECONDS = 30;

/** Who a stream acts for, as its ticket named them: checked again whenever the stream reads. */
export type StreamHolder =
  | { kind: "user"; orgId: string; userId: string; accessTokenExpiresAt: Date }
  | { kind: "api_key"; orgId: string; apiKeyId: string };

/** The request that acts, for the actor. */
type CallSource = Pick<Actor, "requestId" | "ip">;

/** One message for every ticket that opens nothing, so that none tells whether it existed. */
const invalidTicket = () => new AppError("UNAUTHORIZED", "Invalid, expired or already used stream ticket: ask for a new one (POST /v1/live/tickets)");

/**
 * A ticket for the caller's next stream: 256 random bits, stored only as their SHA-256, valid
 * for one opening within STREAM_TICKET_TTL_SECONDS. A person's names the expiry of the access
 * token they asked with (`accessTokenExpiresAt`; null for an API key), when their stream will
 * end. The org's tickets that expired unused go with it.
 */
export async function issueStreamTicket(db: Db | Tx, actor: Actor, accessTokenExpiresAt: Date | null): Promise<StreamTicket> {
  const ticket = newSecretToken();
  const expiresAt = await transact(db, async (tx) => {
    await deleteExpiredStreamTickets(tx, actor.orgId);
    return insertStreamTicket(tx, {
      orgId: actor.orgId,
      tokenHash: hashSecretToken(ticket),
      userId: actor.kind === "user" ? actor.userId : null,
      apiKeyId: actor.kind === "api_key" ? actor.apiKeyId : null,
      accessTokenExpiresAt,
      ttlSeconds: STREAM_TICKET_TTL_SECONDS,
    });
  });
  return { ticket, expiresAt: iso(expiresAt) };
}

/**
 * The holder as they are now, with the transaction scoped to their org: null when the person is
 * no longer a member (or their access token has expired), or the key was revoked or has expired.
 */
async function currentActorOf(tx: Tx, holder: StreamHolder, source: CallSource): Promise<Actor | null> {
  if (holder.kind === "api_key") {
    await setScope(tx, { orgId: holder.orgId });
    const key = await findLiveApiKey(tx, holder.orgId, holder.apiKeyId);
    return key === undefined ? null : apiKeyActor(key, source);
  }
  if (holder.accessTokenExpiresAt.getTime() <= Date.now()) return null;
  const role = await enterUserScope(tx, { orgId: holder.orgId, userId: holder.userId });
  return role === null ? null : { kind: "user", userId: holder.userId, orgId: holder.orgId, role, ...source };
}

/** Whom a ticket row names (the table's checks make it a person with their token's expiry, or a key). */
function holderOf(row: { org_id: string; user_id: string | null; api_key_id: string | null; access_token_expires_at: Date | null }): StreamHolder {
  if (row.api_key_id !== null) return { kind: "api_key", orgId: row.org_id, apiKeyId: row.api_key_id };
  if (row.user_id === null || row.access_token_expires_at === null) throw new Error("unreachable: a stream ticket names a person or an API key");
  return { kind: "user", orgId: row.org_id, userId: row.user_id, accessTokenExpiresAt: row.access_token_expires_at };
}

/**
 * Uses up a ticket: it is deleted (of concurrent uses, exactly one gets it) and its holder, who
 * must still be who it was issued to, is returned with the transaction scoped to their org.
 * An unknown, used or expired ticket, or one whose holder is gone, is 401 with one message.
 */
export async function redeemStreamTicket(tx: Tx, ticket: string, source: CallSource): Promise<{ holder: StreamHolder; actor: Actor }> {
  const hash = hashSecretToken(ticket);
  await setScope(tx, { lookupHash: hash.toString("hex") });
  const row = await takeStreamTicket(tx, hash);
  if (row === undefined || !row.valid) throw invalidTicket();
  const holder = holderOf(row);
  const actor = await currentActorOf(tx, holder, source);
  if (actor === null) throw invalidTicket();
  return { holder, actor };
}

/**
 * The stream's holder checked again, the transaction scoped to their org: 401 once the person's
 * membership or access token, or the API key, has ended, so the stream stops sending.
 */
export async function recheckStreamHolder(tx: Tx, holder: StreamHolder, source: CallSource): Promise<Actor> {
  const actor = await currentActorOf(tx, holder, source);
  if (actor !== null) return actor;
  throw new AppError(
    "UNAUTHORIZED",
    holder.kind === "user"
      ? "This stream's access token has expired, or its membership no longer exists: open it again with a new ticket"
      : "This stream's API key was revoked or has expired",
  );
}
