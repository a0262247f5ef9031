import type { ApiShape } from "./api-types.js";
import { isIncidentOpsError, type IncidentOpsError } from "./errors.js";

/** What login, refresh and switch-org answer: the token pair, the user and the current org. */
export type TokenResponse = ApiShape["auth"]["refresh"]["output"];

/** The tokens a client holds. */
export interface Tokens {
  accessToken: string;
  /** Without it the client cannot renew an expired access token. */
  refreshToken?: string | undefined;
}

/**
 * How the client authenticates:
 * - `{ accessToken, refreshToken }`: tokens from a login you did (e.g. restored from storage);
 *   renewed automatically, the new pair handed to `onTokens`.
 * - `{ apiKey }`: an org API key, sent as `Authorization: Bearer <key>`. Available once the
 *   server issues API keys; never refreshed.
 * - `{ email, password, orgId? }`: logs in on first use and again whenever the session cannot
 *   be renewed. Keeps the password in memory: for scripts and services, not for browsers. For
 *   a one-time login that keeps only the tokens, use `IncidentOpsClient.login(...)`.
 */
export type IncidentOpsAuth = Tokens | { apiKey: string } | { email: string; password: string; orgId?: string | undefined };

type Credentials = { email: string; password: string; orgId?: string | undefined };

/** Calls one procedure without the session (no Authorization header, no refresh), sent again only when the API applied nothing of it (CONCURRENT_CHANGE). */
export type RawCall = (path: "auth.login" | "auth.refresh" | "auth.switchOrg" | "auth.logout", input: unknown) => Promise<unknown>;

export interface SessionHooks {
  onTokens?: ((tokens: TokenResponse) => void | Promise<void>) | undefined;
  onSessionExpired?: ((error: IncidentOpsError) => void) | undefined;
}

/** Resolves with `promise`, or rejects with `signal.reason` as soon as the caller aborts. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      const reason = signal.reason as Error; // an AbortError, unless the caller gave a reason
      reject(reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * The client's credentials and their renewal. Whatever rotates the refresh token (a refresh, a
 * switch of org, a login) runs as the single "flight": callers that need new tokens while one
 * is under way wait for it instead of starting another, because presenting an already-rotated
 * refresh token makes the API revoke what that rotation gave, or, once that was used, the whole
 * session.
 */
export class Session {
  private accessToken: string | undefined;
  private refreshToken: string | undefined;
  private readonly apiKey: string | undefined;
  private readonly credentials: Credentials | undefined;
  private flight: Promise<TokenResponse> | undefined;
  /** Refresh tokens the API refused, with its answer: never presented again. */
  private readonly refused = new Map<string, IncidentOpsError>();

  constructor(
    auth: IncidentOpsAuth | undefined,
    private readonly raw: RawCall,
    private readonly hooks: SessionHooks,
  ) {
    if (auth === undefined) return;
    if ("apiKey" in auth) this.apiKey = auth.apiKey;
    else if ("accessToken" in auth) {
      this.accessToken = auth.accessToken;
      this.refreshToken = auth.refreshToken;
    } else this.credentials = { email: auth.email, password: auth.password, orgId: auth.orgId };
  }

  /** The bearer credential to send now, if any. */
  bearer(): string | undefined {
    return this.apiKey ?? this.accessToken;
  }

  tokens(): Tokens | undefined {
    return this.accessToken === undefined ? undefined : { accessToken: this.accessToken, refreshToken: this.refreshToken };
  }

  currentRefreshToken(): string | undefined {
    return this.refreshToken;
  }

  setTokens(tokens: Tokens | null): void {
    this.accessToken = tokens?.accessToken;
    this.refreshToken = tokens?.refreshToken;
  }

  /** With email and password: logs in before the first call. */
  async ready(signal: AbortSignal | undefined): Promise<void> {
    if (this.credentials !== undefined && this.accessToken === undefined) {
      await abortable(this.fly(() => this.login()), signal);
    }
  }

  /**
   * The API answered UNAUTHORIZED to a call sent with `used`. Resolves true when the call
   * should be replayed (with newer credentials), false when nothing can be renewed; rejects
   * with the refresh's own error when renewal was refused.
   */
  async recover(used: string | undefined, signal: AbortSignal | undefined): Promise<boolean> {
    if (this.apiKey !== undefined) return false;
    // Renewed while this call was in flight: replay with the new token, no second refresh.
    if (this.accessToken !== undefined && this.accessToken !== used) return true;
    if (this.flight !== undefined) {
      await abortable(this.flight, signal);
      return true;
    }
    if (this.refreshToken !== undefined) {
      const refusal = this.refused.get(this.refreshToken);
      if (refusal !== undefined && this.credentials === undefined) throw refusal;
      await abortable(this.rotate("auth.refresh", {}), signal);
      return true;
    }
    if (this.credentials !== undefined) {
      await abortable(this.fly(() => this.login()), signal);
      return true;
    }
    return false;
  }

  /**
   * Renews the tokens with the current refresh token (`auth.refresh`, or `auth.switchOrg` with
   * `extra.orgId`), as the single flight: a rotation already under way is joined, not repeated.
   */
  rotate(path: "auth.refresh" | "auth.switchOrg", extra: { orgId?: string }): Promise<TokenResponse> {
    return this.fly(async () => {
      const refreshToken = this.refreshToken;
      if (refreshToken === undefined) {
        if (this.credentials !== undefined) return this.login();
        throw new Error("This client holds no refresh token: log in first");
      }
      const previous = this.refused.get(refreshToken);
      if (previous !== undefined) {
        if (this.credentials !== undefined) return this.login();
        throw previous;
      }
      try {
        return await this.adopt((await this.raw(path, { ...extra, refreshToken })) as TokenResponse);
      } catch (error) {
        // Refused (expired, revoked, reused): this token is dead. A network failure is not a
        // refusal: the next call may try again (the API may not have seen this attempt).
        if (isIncidentOpsError(error) && error.code === "UNAUTHORIZED") {
          this.refused.set(refreshToken, error);
          if (this.credentials !== undefined) return this.login();
          this.hooks.onSessionExpired?.(error);
        }
        throw error;
      }
    });
  }

  /** Revokes the session (`auth.logout`) and forgets the tokens. */
  async logout(): Promise<void> {
    if (this.flight !== undefined) await this.flight.catch(() => undefined);
    const refreshToken = this.refreshToken;
    this.setTokens(null);
    if (refreshToken !== undefined) await this.raw("auth.logout", { refreshToken });
  }

  private fly(run: () => Promise<TokenResponse>): Promise<TokenResponse> {
    if (this.flight !== undefined) return this.flight;
    const flight = run().finally(() => {
      if (this.flight === flight) this.flight = undefined;
    });
    this.flight = flight;
    return flight;
  }

  private async login(): Promise<TokenResponse> {
    if (this.credentials === undefined) throw new Error("This client has no email and password to log in with");
    const { email, password, orgId } = this.credentials;
    const input = orgId === undefined ? { email, password } : { email, password, orgId };
    return this.adopt((await this.raw("auth.login", input)) as TokenResponse);
  }

  private async adopt(tokens: TokenResponse): Promise<TokenResponse> {
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
    await this.hooks.onTokens?.(tokens);
    return tokens;
  }
}
