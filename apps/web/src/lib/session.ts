import { ApiError, toApiError } from "./api-error";
import type { BrowserSession } from "./api-types";
import { checkedBrowserSession } from "./response-contract";
import type { SessionRoute, SessionTransport } from "./session-transport";
import { sleep } from "./sleep";

export type SessionState =
  /**
   * Restoring, not known yet. After a try that failed: `failure`, and `nextTryAt` (epoch ms) while
   * waiting for the next try (none: a try is under way).
   */
  | { status: "unknown"; failure?: ApiError; nextTryAt?: number }
  /** Restoring gave up (RESTORE_PAUSES_MS) without learning whether the cookie holds a session. */
  | { status: "unavailable"; error: ApiError }
  | { status: "signed-out"; reason: "signed-out" | "expired" }
  | { status: "signed-in"; session: BrowserSession; expiresAt: number };

/** Runs `fn` while holding a lock that other tabs of the app respect (Web Locks), or just runs it. */
export type CrossTabLock = <T>(fn: () => Promise<T>) => Promise<T>;

export const webLock: CrossTabLock = async <T>(fn: () => Promise<T>): Promise<T> => {
  if (typeof navigator === "undefined" || !("locks" in navigator)) return fn();
  let result: { value: T } | undefined;
  await navigator.locks.request("incidentops-session", async () => {
    result = { value: await fn() };
  });
  if (result === undefined) throw new Error("the session lock ran nothing");
  return result.value;
};

/** Renew this long before the access token expires, so a call never leaves with one about to. */
const RENEW_MARGIN_MS = 30_000;

/**
 * How long restoring waits before trying again when the API could not say whether the cookie
 * holds a session (rate limited, unavailable, unreachable): its Retry-After, at most the last of
 * these, else these pauses in turn. After them, `unavailable` (never the sign-in page: the
 * session may well be valid).
 */
const RESTORE_PAUSES_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/** What a tab tells the app's other tabs (`sessionTabs`) when it signs out. */
const SIGNED_OUT = "signed-out";

/** The channel the app's tabs share, where the browser has one. */
export const sessionTabs = (): BroadcastChannel | undefined => (typeof BroadcastChannel === "undefined" ? undefined : new BroadcastChannel("incidentops-session"));

/**
 * The browser's session: the access token in memory only (never in storage), renewed through the
 * refresh cookie the API keeps httpOnly. Every renewal is one "flight": calls that find the token
 * expired while one is under way wait for it rather than start another, and tabs take turns (a
 * Web Lock), because presenting a refresh token that another renewal already rotated makes the
 * API revoke what that renewal got, or, once that was used, end the whole session.
 */
export class SessionManager {
  private state: SessionState = { status: "unknown" };
  private readonly listeners = new Set<() => void>();
  private flight: Promise<string> | undefined;
  /** Ends restore's pause between tries at once (`tryNow`). */
  private wake: (() => void) | undefined;

  constructor(
    private readonly transport: SessionTransport,
    private readonly options: { lock?: CrossTabLock; now?: () => number; sleep?: (ms: number) => Promise<void>; tabs?: BroadcastChannel } = {},
  ) {
    // Signing out in one tab signs out the others: each holds its own access token in memory.
    options.tabs?.addEventListener("message", (event: MessageEvent) => {
      if (event.data === SIGNED_OUT && this.state.status !== "signed-out") this.set({ status: "signed-out", reason: "signed-out" });
    });
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** A route's answer that signs in: checked against the contract, then the session. */
  private accept(route: SessionRoute, answer: unknown): BrowserSession {
    const session = checkedBrowserSession(route, answer);
    this.set({ status: "signed-in", session, expiresAt: this.now() + session.expiresIn * 1000 });
    return session;
  }

  accessToken(): string | undefined {
    return this.state.status === "signed-in" ? this.state.session.accessToken : undefined;
  }

  /**
   * At start: a session if the cookie still holds one, else signed out. Only the API's 401 says
   * there is none: a 429, a 503 or a dropped connection is tried again (RESTORE_PAUSES_MS), so a
   * passing hiccup never sends a signed-in person to the sign-in page; the state says meanwhile
   * why and when the next try is, and `unavailable` once the tries ran out (at once for an answer
   * this build of the app does not know).
   */
  async restore(): Promise<void> {
    for (const pause of [...RESTORE_PAUSES_MS, undefined]) {
      try {
        await this.renew(undefined);
        return;
      } catch (thrown) {
        // Known after all: the API said there is no session, or another tab signed out.
        if (this.state.status !== "unknown") return;
        const error = toApiError(thrown);
        // An answer of a shape this build does not know comes again at every try: a reload mends it.
        if (pause === undefined || error.code === "CONTRACT_MISMATCH") {
          this.set({ status: "unavailable", error });
          return;
        }
        const retryAfterSeconds = error.details.retryAfterSeconds;
        const last = RESTORE_PAUSES_MS.at(-1) ?? pause;
        const wait = typeof retryAfterSeconds === "number" ? Math.min(retryAfterSeconds * 1000, last) : pause;
        this.set({ status: "unknown", failure: error, nextTryAt: this.now() + wait });
        await Promise.race([(this.options.sleep ?? sleep)(wait), new Promise<void>((resolve) => (this.wake = resolve))]);
        this.wake = undefined;
        // Known meanwhile: another tab signed out.
        if (this.getState().status !== "unknown") return;
        this.set({ status: "unknown", failure: error });
      }
    }
  }

  /** Restoring tries again now: ends the pause before the next try, or starts over once it gave up. */
  tryNow(): void {
    if (this.state.status === "unavailable") {
      this.set({ status: "unknown", failure: this.state.error });
      void this.restore();
    } else {
      this.wake?.();
    }
  }

  /** Signs in through one of the routes that start a session. */
  async signIn(route: Extract<SessionRoute, "login" | "register" | "accept-invitation">, body: unknown): Promise<BrowserSession> {
    return this.accept(route, await this.transport(route, body));
  }

  /**
   * A current access token, given that `used` was refused as expired (undefined: renew
   * unconditionally). If another call renewed it meanwhile, that token; otherwise one renewal,
   * shared by every caller. A refused renewal ends the session (`expired`) and rejects.
   */
  renew(used: string | undefined): Promise<string> {
    const current = this.accessToken();
    if (used !== undefined && current !== undefined && current !== used) return Promise.resolve(current);
    this.flight ??= this.rotate("refresh", {}).finally(() => (this.flight = undefined));
    return this.flight;
  }

  /** The access token to send now, renewed first when it is about to expire. */
  async freshAccessToken(): Promise<string> {
    if (this.flight !== undefined) return this.flight;
    if (this.state.status === "signed-in" && this.state.expiresAt - this.now() > RENEW_MARGIN_MS) return this.state.session.accessToken;
    return this.renew(undefined);
  }

  /** Moves the session to another of the person's orgs. */
  async switchOrg(orgId: string): Promise<void> {
    await (this.flight ?? Promise.resolve());
    this.flight = this.rotate("switch-org", { orgId }).finally(() => (this.flight = undefined));
    await this.flight;
  }

  /** Changes the password; this session stays, every other one ends. */
  async changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
    await this.transport("password", body, await this.freshAccessToken());
  }

  async signOut(): Promise<void> {
    const call = () => this.transport("logout", {});
    try {
      await (this.options.lock ? this.options.lock(call) : call());
    } finally {
      this.set({ status: "signed-out", reason: "signed-out" });
      this.options.tabs?.postMessage(SIGNED_OUT);
    }
  }

  /** The API refused the session (e.g. the member was removed): back to sign-in. */
  expire(): void {
    if (this.state.status !== "signed-out") this.set({ status: "signed-out", reason: "expired" });
  }

  private async rotate(route: "refresh" | "switch-org", body: unknown): Promise<string> {
    const call = () => this.transport(route, body);
    try {
      const session = this.accept(route, await (this.options.lock ? this.options.lock(call) : call()));
      return session.accessToken;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.set({ status: "signed-out", reason: this.state.status === "signed-in" ? "expired" : "signed-out" });
      }
      throw error;
    }
  }
}
