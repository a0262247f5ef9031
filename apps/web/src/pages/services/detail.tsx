import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { EVERY_SEVERITY, MinSeverityField, minSeverityOf } from "@/components/min-severity-field";
import { LoadingRows, PageHeader, ReadError } from "@/components/page";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SelectField } from "@/components/select-field";
import { Form } from "@/components/ui/form";
import { SelectItem } from "@/components/ui/select";
import { showApiError } from "@/lib/api-form";
import { roleAtLeast, STATUSES, type Service } from "@/lib/api-types";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { NewIncidentDialog } from "../incidents/new-incident-dialog";
import { Heartbeats } from "./heartbeats";
import { Integrations } from "./integrations";
import { ServiceSlaOverride } from "./sla-override";

const route = getRouteApi("/_app/services/$serviceId");
const NONE = "none";
const schema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000),
  escalationPolicyId: z.string(),
  /** EVERY_SEVERITY, or the least severe incident that pages. */
  pageMinSeverity: z.string(),
  // Empty: off.
  ackTimeoutMinutes: z.string().trim().regex(/^$|^\d+$/, "Whole minutes, or empty for none").refine((v) => v === "" || (Number(v) >= 1 && Number(v) <= 1440), "From 1 to 1440 minutes"),
});

/** Name, description, escalation policy, the severities it pages for and acknowledgement timeout (admin). */
function ServiceSettings({ service }: { service: Service }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.org.escalationPolicies.list.queryOptions({ limit: 200 }));
  const update = useMutation(trpc.org.services.update.mutationOptions());
  const values = { name: service.name, description: service.description ?? "", escalationPolicyId: service.escalationPolicyId ?? NONE, pageMinSeverity: service.pageMinSeverity ?? EVERY_SEVERITY, ackTimeoutMinutes: service.ackTimeoutMinutes === null ? "" : String(service.ackTimeoutMinutes) };
  const form = useForm({ resolver: zodResolver(schema), defaultValues: values });
  // Saved elsewhere (or here): the form shows the service as it now is.
  useEffect(() => form.reset(values), [service.updatedAt]);
  const onSubmit = form.handleSubmit(async ({ name, description, escalationPolicyId, pageMinSeverity, ackTimeoutMinutes }) => {
    try {
      const saved = await update.mutateAsync({
        serviceId: service.id,
        name,
        description: description.trim() === "" ? null : description,
        escalationPolicyId: escalationPolicyId === NONE ? null : escalationPolicyId,
        pageMinSeverity: minSeverityOf(pageMinSeverity),
        ackTimeoutMinutes: ackTimeoutMinutes === "" ? null : Number(ackTimeoutMinutes),
      });
      queryClient.setQueryData(trpc.org.services.get.queryKey({ serviceId: service.id }), saved);
      await queryClient.invalidateQueries({ queryKey: ["all-services"] });
      toast.success("Service saved");
    } catch (error) {
      showApiError(form, error, ["name", "description", "escalationPolicyId", "pageMinSeverity", "ackTimeoutMinutes"]);
    }
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">Settings</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
            <TextField control={form.control} name="name" label="Name" />
            <TextField control={form.control} name="description" label="Description" />
            <SelectField control={form.control} name="escalationPolicyId" label="Escalation policy">
              <SelectItem value={NONE}>None: nobody is paged</SelectItem>
              {policies.data?.items.map((policy) => (
                <SelectItem key={policy.id} value={policy.id}>
                  {policy.name}
                </SelectItem>
              ))}
            </SelectField>
            <MinSeverityField control={form.control} name="pageMinSeverity" label="Pages for" />
            <TextField
              control={form.control}
              name="ackTimeoutMinutes"
              label="Acknowledgement timeout (minutes)"
              inputMode="numeric"
              placeholder="Off"
              description="An acknowledged incident not mitigated or resolved within it returns to triggered and escalates again. Empty: off."
            />
            <FormError errors={form.formState.errors} />
            <Button type="submit" disabled={form.formState.isSubmitting}>
              Save
            </Button>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}

export function ServicePage() {
  const { serviceId } = route.useParams();
  const trpc = useTRPC();
  const { org } = useSession();
  const service = useQuery(trpc.org.services.get.queryOptions({ serviceId }));
  const counts = useQuery(trpc.incidents.counts.queryOptions({ serviceId }));
  if (service.isPending) return <LoadingRows />;
  if (service.isError) return <ReadError error={service.error} what="service" />;
  const isAdmin = roleAtLeast(org.role, "admin");
  return (
    <div className="space-y-5">
      <Link to="/services" className="text-muted-foreground inline-flex items-center gap-1 text-sm hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> Services
      </Link>
      <PageHeader title={service.data.name} description={service.data.description ?? undefined} actions={roleAtLeast(org.role, "member") && <NewIncidentDialog serviceId={serviceId} />} />
      <div className="flex flex-wrap gap-2 text-sm">
        {STATUSES.map((status) => (
          <Link key={status} to="/incidents" search={{ serviceId, status }} className="hover:bg-muted rounded-md border px-3 py-1.5 capitalize">
            {status} <span className="text-muted-foreground tabular-nums">{counts.data?.byStatus[status] ?? "–"}</span>
          </Link>
        ))}
      </div>
      {isAdmin && (
        <div className="grid gap-5 lg:grid-cols-[360px_minmax(0,1fr)]">
          <div className="space-y-5">
            <ServiceSettings service={service.data} />
            <ServiceSlaOverride serviceId={serviceId} />
          </div>
          <div className="space-y-5">
            <Integrations serviceId={serviceId} />
            <Heartbeats serviceId={serviceId} />
          </div>
        </div>
      )}
    </div>
  );
}
