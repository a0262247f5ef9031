import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { PageHeader, QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { SlaTargetsEditor } from "@/components/sla-targets-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc";

/** The organisation's SLA targets per severity (admin); a service may have its own (its page). */
export function SlaPolicyPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policy = useQuery(trpc.org.slaPolicy.get.queryOptions());
  const save = useMutation(trpc.org.slaPolicy.put.mutationOptions());
  return (
    <div className="space-y-5">
      <PageHeader
        title="SLA policy"
        description="How soon each severity must be acknowledged and resolved. Incidents take their deadlines when they open and when their severity changes; a missed one is recorded on the timeline and notifies (SLA breached), and so, with a warning set, is one at risk (SLA at risk)."
      />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>
            <h2 className="text-base">Targets per severity</h2>
          </CardTitle>
          <CardDescription>
            Minutes from the trigger. Acknowledging or resolving meets the acknowledge target. Changing them does not move the deadlines of open incidents.
            {policy.data?.updatedAt != null && (
              <>
                {" "}
                Last changed <RelativeTime iso={policy.data.updatedAt} />.
              </>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <QueryState query={policy} rows={4} errorTitle="The SLA policy could not be loaded">
            {(loaded) =>
              (
                <SlaTargetsEditor
                  targets={loaded}
                  saveLabel="Save SLA policy"
                  onSave={async (targets) => {
                    const saved = await save.mutateAsync(targets);
                    queryClient.setQueryData(trpc.org.slaPolicy.get.queryKey(), saved);
                    void queryClient.invalidateQueries({ queryKey: trpc.org.services.slaPolicy.pathKey() });
                    toast.success("SLA policy saved: new incidents get these deadlines");
                  }}
                />
              )
            }
          </QueryState>
        </CardContent>
      </Card>
    </div>
  );
}
