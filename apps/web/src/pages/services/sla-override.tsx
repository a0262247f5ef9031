import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { toast } from "sonner";
import { SeverityBadge } from "@/components/badges";
import { ConfirmButton } from "@/components/confirm-button";
import { QueryState } from "@/components/page";
import { SlaTargetsEditor } from "@/components/sla-targets-editor";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SEVERITIES, type ServiceSlaPolicy, type SlaTargets } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { describeTarget, describeWarning } from "@/lib/sla";
import { useTRPC } from "@/lib/trpc";

function TargetsSummary({ policy }: { policy: ServiceSlaPolicy }) {
  return (
    <ul className="space-y-1.5 text-sm" aria-label="SLA targets in force">
      {SEVERITIES.map((severity) => (
        <li key={severity} className="flex items-center gap-2">
          <SeverityBadge severity={severity} />
          <span className="text-muted-foreground">{describeTarget(policy[severity])}</span>
        </li>
      ))}
      <li className="text-muted-foreground">{describeWarning(policy.warnAtPercent)}</li>
    </ul>
  );
}

/** The service's SLA targets (admin): the organisation's, or its own in their place. */
export function ServiceSlaOverride({ serviceId }: { serviceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policy = useQuery(trpc.org.services.slaPolicy.get.queryOptions({ serviceId }));
  const put = useMutation(trpc.org.services.slaPolicy.put.mutationOptions());
  const drop = useMutation(trpc.org.services.slaPolicy.delete.mutationOptions());
  const [editing, setEditing] = useState(false);
  const key = trpc.org.services.slaPolicy.get.queryKey({ serviceId });

  const save = async (targets: SlaTargets) => {
    const saved = await put.mutateAsync({ serviceId, ...targets });
    queryClient.setQueryData(key, saved);
    setEditing(false);
    toast.success("This service's SLA targets saved");
  };
  const revert = async () => {
    try {
      queryClient.setQueryData(key, await drop.mutateAsync({ serviceId }));
      setEditing(false);
      toast.success("The organisation's SLA policy applies to this service again");
    } catch (error) {
      toastApiError(error);
    }
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">SLA targets</h2>
        </CardTitle>
        <CardDescription>
          {policy.data?.source === "service" ? (
            "This service has targets of its own, in place of the organisation's."
          ) : (
            <>
              It follows the organisation's <Link to="/sla-policy" className="underline underline-offset-4">SLA policy</Link>.
            </>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <QueryState query={policy} rows={3} errorTitle="The SLA targets could not be loaded">
          {(loaded) =>
            loaded.source === "service" || editing ? (
              <SlaTargetsEditor
                targets={loaded}
                onSave={save}
                saveLabel="Save service targets"
                actions={
                  loaded.source === "service" ? (
                    <ConfirmButton
                      size="default"
                      label="Use the organisation's"
                      title="Drop this service's own targets?"
                      description="Its new incidents get the organisation's deadlines again; running deadlines stay as they are."
                      onConfirm={() => void revert()}
                    />
                  ) : (
                    <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
                      Cancel
                    </Button>
                  )
                }
              />
            ) : (
              <div className="space-y-3">
                <TargetsSummary policy={loaded} />
                <Button variant="outline" onClick={() => setEditing(true)}>
                  Set targets for this service
                </Button>
              </div>
            )
          }
        </QueryState>
      </CardContent>
    </Card>
  );
}
