import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { toApiError } from "@/lib/api-error";
import type { Incident } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { incidentQueryOptions } from "@/lib/incident-query";
import { describeChanges } from "@/lib/transitions";
import { useTRPC } from "@/lib/trpc";

/** What to tell the person whose action met a newer incident than the one they saw. */
export interface Conflict {
  /** What they tried, as the alert names it: "Resolve", "edit of the title". */
  action: string;
  changes: string[];
}

/**
 * Handles the refusal of a change made at the version the page showed: when someone (or
 * something) got there first, the page shows the incident as it is now and says what changed
 * (`onConflict`); any other refusal is a toast. Returns whether it was a conflict.
 */
export function useConflictHandler(incident: Incident, onConflict: (conflict: Conflict) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (action: string, error: unknown): Promise<boolean> => {
      const apiError = toApiError(error);
      if (apiError.code !== "VERSION_CONFLICT" && apiError.code !== "INVALID_TRANSITION") {
        toastApiError(apiError);
        return false;
      }
      const latest = await queryClient.query({ ...incidentQueryOptions(trpc, incident.id), staleTime: 0 });
      onConflict({ action, changes: describeChanges(incident, latest) });
      return true;
    },
    [incident, onConflict, queryClient, trpc],
  );
}

export function ConflictAlert({ conflict }: { conflict: Conflict }) {
  return (
    <Alert role="alert">
      <AlertTitle>This incident changed while you were looking</AlertTitle>
      <AlertDescription>
        {conflict.changes.length > 0 ? `Since you loaded it, ${conflict.changes.join("; ")}.` : "It was updated meanwhile."} Your {conflict.action} was not applied: the page now shows the
        latest state, so check it and act again if you still need to.
      </AlertDescription>
    </Alert>
  );
}
