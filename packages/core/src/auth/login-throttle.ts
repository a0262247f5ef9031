/** Failed logins an account may have in one window before further attempts are refused. */
export const LOGIN_MAX_FAILURES = 5;
/** The window starts at the first failure; once it is over, the account is unlocked. */
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export interface LoginThrottleState {
  failures: number;
  /** Seconds left in the current window (at least 1). */
  retryAfterSeconds: number;
}

export const isLockedOut = (state: LoginThrottleState) => state.failures >= LOGIN_MAX_FAILURES;
