import { QueryCache, QueryClient, QueryClientProvider, MutationCache } from "@tanstack/react-query";
import { RouterProvider, type RouterHistory } from "@tanstack/react-router";
import { useEffect, useState, useSyncExternalStore } from "react";
import { RestoringSession } from "./components/restoring-session";
import { Toaster } from "./components/ui/sonner";
import { TooltipProvider } from "./components/ui/tooltip";
import { toApiError } from "./lib/api-error";
import type { SessionManager } from "./lib/session";
import { SessionContext } from "./lib/use-session";
import { TRPCProvider, type ApiClient } from "./lib/trpc";
import { createAppRouter } from "./routes";

/** A refusal that means the session is over (the renewal was refused too): back to sign-in. */
const endsSession = (error: unknown) => toApiError(error).status === 401;

export function App({ session, client, history }: { session: SessionManager; client: ApiClient; history?: RouterHistory }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 10_000,
            retry: (failures, error) => failures < 2 && toApiError(error).status >= 500,
          },
        },
        queryCache: new QueryCache({ onError: (error) => endsSession(error) && session.expire() }),
        mutationCache: new MutationCache({ onError: (error) => endsSession(error) && session.expire() }),
      }),
  );
  const [router] = useState(() => createAppRouter({ session, queryClient }, history));
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const restoring = state.status === "unknown" || state.status === "unavailable";

  // Signing in or out (here or because the session ended) or switching organisation re-runs the
  // routes' guards; cached data of the previous session or org never outlives it: dropped, and
  // what the page shows is read again as the new one. While the session is being restored the
  // router waits: its guards would send the page to sign-in.
  useEffect(() => {
    if (restoring) return;
    if (state.status === "signed-in") void queryClient.resetQueries();
    else queryClient.clear();
    void router.invalidate();
  }, [restoring, state.status, state.status === "signed-in" ? state.session.org.id : null, queryClient, router]);

  return (
    <SessionContext.Provider value={session}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={client} queryClient={queryClient}>
          <TooltipProvider delayDuration={300}>
            {restoring ? <RestoringSession state={state} /> : <RouterProvider router={router} />}
            <Toaster position="bottom-right" richColors closeButton />
          </TooltipProvider>
        </TRPCProvider>
      </QueryClientProvider>
    </SessionContext.Provider>
  );
}
