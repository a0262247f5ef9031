import { createContext, useContext, useSyncExternalStore } from "react";
import type { BrowserSession } from "./api-types";
import type { SessionManager } from "./session";

export const SessionContext = createContext<SessionManager | null>(null);

export function useSessionManager(): SessionManager {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSessionManager outside <App>");
  return session;
}

/** The signed-in session (the app's screens render only when there is one). */
export function useSession(): BrowserSession {
  const manager = useSessionManager();
  const state = useSyncExternalStore(manager.subscribe, manager.getState);
  if (state.status !== "signed-in") throw new Error("useSession needs a signed-in session");
  return state.session;
}
