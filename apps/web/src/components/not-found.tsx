import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { toastApiError } from "@/lib/error-toast";
import { useTRPC } from "@/lib/trpc";
import { useSession, useSessionManager } from "@/lib/use-session";

export function NotFound({ what = "page", children }: { what?: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 py-16 text-center">
      <p className="text-muted-foreground font-mono text-sm">404</p>
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-muted-foreground max-w-sm text-sm">
        This {what} does not exist, or it belongs to an organisation you are not signed in to.
      </p>
      {children}
      <Button asChild variant="outline">
        <Link to="/incidents">Go to incidents</Link>
      </Button>
    </div>
  );
}

/**
 * The signed-in person's organisations other than the one they are signed in to, and a switch to
 * one of them that keeps the page (a failure is a toast).
 */
export function useOtherOrganisations() {
  const trpc = useTRPC();
  const manager = useSessionManager();
  const { org } = useSession();
  const me = useQuery(trpc.auth.me.queryOptions());
  const others = (me.data?.memberships ?? []).filter((membership) => membership.id !== org.id);
  const switchTo = (orgId: string) => manager.switchOrg(orgId).catch((error: unknown) => toastApiError(error));
  return { others, switchTo };
}

/**
 * The person's other organisations, each a button that switches to it and shows the same page
 * there: a link from a notification or a colleague names no organisation.
 */
function LookInOtherOrganisations() {
  const { others, switchTo } = useOtherOrganisations();
  if (others.length === 0) return null;
  return (
    <div className="flex flex-col items-center gap-2">
      <p className="text-sm">Look for it in another of your organisations:</p>
      <div className="flex flex-wrap justify-center gap-2">
        {others.map((membership) => (
          <Button key={membership.id} size="sm" onClick={() => void switchTo(membership.id)}>
            Switch to {membership.name}
          </Button>
        ))}
      </div>
    </div>
  );
}

/** A thing the signed-in organisation does not have (or a malformed id): the 404, and the person's other organisations to look in. */
export function ResourceNotFound({ what }: { what: string }) {
  return (
    <NotFound what={what}>
      <LookInOtherOrganisations />
    </NotFound>
  );
}
