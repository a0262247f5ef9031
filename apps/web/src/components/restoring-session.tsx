import { Loader2, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { ApiError } from "@/lib/api-error";
import { formatTime } from "@/lib/format";
import type { SessionState } from "@/lib/session";
import { useNow } from "@/lib/use-now";
import { useSessionManager } from "@/lib/use-session";
import { cn } from "@/lib/utils";
import { ErrorAlert } from "./page";
import { PublicFrame } from "./public-layout";

/**
 * What the app shows until it knows whether the browser holds a session (SessionManager.restore):
 * while the API cannot tell (down, restarting, out of reach), why and when it tries again; once
 * the tries ran out, the error. Never the sign-in form: the session may well be valid.
 */
export function RestoringSession({ state }: { state: Extract<SessionState, { status: "unknown" | "unavailable" }> }) {
  return <PublicFrame>{state.status === "unavailable" ? <Unavailable error={state.error} /> : <Connecting failure={state.failure} nextTryAt={state.nextTryAt} />}</PublicFrame>;
}

function Connecting({ failure, nextTryAt }: { failure: ApiError | undefined; nextTryAt: number | undefined }) {
  const session = useSessionManager();
  const now = useNow(1_000);
  return (
    // The first try usually answers at once: its card shows only if it takes a while.
    <Card className={cn(failure === undefined && "animate-in fade-in-0 fill-mode-backwards delay-500 duration-300")}>
      <CardContent className="space-y-4">
        <div role="status" aria-live="polite" className="space-y-2">
          <h1 className="flex items-center gap-2 text-lg font-semibold">
            <Loader2 className="size-5 animate-spin" aria-hidden /> Connecting to IncidentOps…
          </h1>
          {failure !== undefined && <p className="text-muted-foreground text-sm">{failure.message}</p>}
          {failure !== undefined && (
            <p className="text-sm">
              {nextTryAt === undefined ? (
                "Trying again now…"
              ) : (
                <>
                  Next try at {formatTime(nextTryAt)}
                  {/* A countdown read out every second would drown everything else. */}
                  <span aria-hidden> (in {Math.max(1, Math.floor((nextTryAt - now) / 1000))} s)</span>.
                </>
              )}
            </p>
          )}
        </div>
        {failure !== undefined && (
          <Button variant="outline" className="w-full" disabled={nextTryAt === undefined} onClick={() => session.tryNow()}>
            <RotateCw aria-hidden /> Try now
          </Button>
        )}
      </CardContent>
    </Card>
  );
}

function Unavailable({ error }: { error: ApiError }) {
  const session = useSessionManager();
  // The server answered, in a shape this build of the app does not know: trying again gets the same answer, the alert's reload mends it.
  const outdated = error.code === "CONTRACT_MISMATCH";
  return (
    <Card>
      <CardContent className="space-y-4">
        <h1 className="text-lg font-semibold">{outdated ? "This page is out of date" : "IncidentOps cannot be reached"}</h1>
        <ErrorAlert error={error} title="Your session could not be checked" />
        {!outdated && (
          <>
            <p className="text-muted-foreground text-sm">It is not lost: try again once the server is back.</p>
            <Button className="w-full" onClick={() => session.tryNow()}>
              <RotateCw aria-hidden /> Try again
            </Button>
          </>
        )}
      </CardContent>
    </Card>
  );
}
