import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CodeBlock } from "@/components/code-block";
import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { QueryState } from "@/components/page";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { showApiError } from "@/lib/api-form";
import { toastApiError } from "@/lib/error-toast";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { IntegrationSettingsForm, type MappingPreset } from "./integration-settings";

/** Ready-to-paste configuration for a routing key, on this app's origin. */
export function pagerDutyConfig(origin: string, routingKey: string): string {
  return [
    "# Any PagerDuty Events API v2 client: point it at IncidentOps with this routing key.",
    `curl -X POST ${origin}/v2/enqueue \\`,
    "  -H 'content-type: application/json' \\",
    `  -d '{"routing_key":"${routingKey}","event_action":"trigger","dedup_key":"disk-full-db-1",`,
    `       "payload":{"summary":"Disk full on db-1","source":"db-1","severity":"critical"}}'`,
  ].join("\n");
}

export function alertmanagerConfig(origin: string, routingKey: string): string {
  return [
    "# alertmanager.yml",
    "receivers:",
    "  - name: incidentops",
    "    webhook_configs:",
    `      - url: ${origin}/v1/integrations/alertmanager/${routingKey}`,
    "        send_resolved: true",
    "route:",
    "  receiver: incidentops",
  ].join("\n");
}

/** Opsgenie's Alert API: Alertmanager's opsgenie_configs, and any Opsgenie client with its base URL and key changed. */
export function opsgenieConfig(origin: string, routingKey: string): string {
  return [
    "# alertmanager.yml: Alertmanager's Opsgenie receiver, pointed at IncidentOps (one incident per group).",
    "receivers:",
    "  - name: incidentops",
    "    opsgenie_configs:",
    `      - api_url: ${origin}/`,
    `        api_key: ${routingKey}`,
    "        send_resolved: true",
    "route:",
    "  receiver: incidentops",
    "",
    "# Any Opsgenie Alert API client: change its base URL to this origin and its key to the routing key.",
    `curl -X POST ${origin}/v2/alerts \\`,
    `  -H 'Authorization: GenieKey ${routingKey}' \\`,
    "  -H 'content-type: application/json' \\",
    `  -d '{"message":"Disk full on db-1","alias":"disk-full-db-1","priority":"P1"}'`,
    `curl -X POST '${origin}/v2/alerts/disk-full-db-1/close?identifierType=alias' \\`,
    `  -H 'Authorization: GenieKey ${routingKey}' -H 'content-type: application/json' -d '{}'`,
  ].join("\n");
}

export function grafanaConfig(origin: string, routingKey: string): string {
  return [
    "# Grafana: Alerting -> Contact points -> Add contact point -> Integration: Webhook (POST),",
    "# or provisioned (with a signing secret set below, set the same one under HMAC Signature):",
    "apiVersion: 1",
    "contactPoints:",
    "  - orgId: 1",
    "    name: incidentops",
    "    receivers:",
    "      - uid: incidentops",
    "        type: webhook",
    "        settings:",
    `          url: ${origin}/v1/integrations/grafana/${routingKey}`,
    "          httpMethod: POST",
    "          hmacConfig:",
    "            secret: <the signing secret>",
    "            header: X-Grafana-Alerting-Signature",
    "            timestampHeader: X-Grafana-Alerting-Signature-Timestamp",
  ].join("\n");
}

/** The webhook URL, and the body each ready mapping expects its tool to send. */
export function webhookConfig(origin: string, routingKey: string, presets: readonly MappingPreset[]): string {
  return [
    `# POST any JSON object to ${origin}/v1/integrations/webhook/${routingKey}`,
    "# read by this key's mapping (set it below). The body to configure in each tool:",
    ...presets.flatMap((preset) => ["", `# ${preset.name}`, preset.payloadTemplate]),
  ].join("\n");
}

const schema = z.object({ name: z.string().trim().min(1, "Name it after what sends the alerts").max(200) });

/** The service's routing keys (admin): create one, copy its configuration per source, change its settings, delete it. */
export function Integrations({ serviceId }: { serviceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.integrations.list.queryOptions({ serviceId }));
  const presets = useQuery(trpc.integrations.mappingPresets.queryOptions());
  const presetItems = presets.data?.items ?? [];
  const create = useKeyedMutation(useTRPCClient().integrations.create.mutate);
  const remove = useMutation(trpc.integrations.delete.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "" } });
  const origin = window.location.origin;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ serviceId }) });
  const onSubmit = form.handleSubmit(async ({ name }) => {
    try {
      await create.mutateAsync({ serviceId, name });
      form.reset();
      await refresh();
    } catch (error) {
      showApiError(form, error, ["name"]);
    }
  });
  const deleteKey = async (integrationId: string) => {
    try {
      await remove.mutateAsync({ serviceId, integrationId });
      await refresh();
    } catch (error) {
      toastApiError(error);
    }
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">Integrations</h2>
        </CardTitle>
        <CardDescription>Routing keys your monitoring sends alerts with. Each alert opens an incident here, or counts on the open one with its dedup key.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="flex flex-wrap items-end gap-2" noValidate>
            <div className="min-w-52 flex-1">
              <TextField control={form.control} name="name" label="Integration name" placeholder="Prometheus production" />
            </div>
            <Button type="submit" disabled={form.formState.isSubmitting}>
              Create routing key
            </Button>
            <div className="w-full">
              <FormError errors={form.formState.errors} />
            </div>
          </form>
        </Form>
        <QueryState query={keys} rows={2}>
          {(loaded) =>
            loaded.items.length === 0 ? (
              <p className="text-muted-foreground text-sm">No routing key yet.</p>
            ) : (
              <ul className="space-y-4">
                {loaded.items.map((key) => (
                  <li key={key.id} className="space-y-3 rounded-lg border p-3">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <div className="min-w-0">
                        <p className="font-medium">{key.name}</p>
                        <p className="text-muted-foreground font-mono text-xs break-all">{key.routingKey}</p>
                      </div>
                      <ConfirmButton
                        label={<><Trash2 aria-hidden /> Delete</>}
                        ariaLabel={`Delete ${key.name}`}
                        title={`Delete ${key.name}?`}
                        description="Alerts sent with this routing key will be refused (404)."
                        onConfirm={() => void deleteKey(key.id)}
                      />
                    </div>
                    <Tabs defaultValue="pagerduty">
                      <TabsList>
                        <TabsTrigger value="pagerduty">PagerDuty Events v2</TabsTrigger>
                        <TabsTrigger value="alertmanager">Alertmanager</TabsTrigger>
                        <TabsTrigger value="opsgenie">Opsgenie</TabsTrigger>
                        <TabsTrigger value="grafana">Grafana</TabsTrigger>
                        <TabsTrigger value="webhook">Webhook</TabsTrigger>
                      </TabsList>
                      <TabsContent value="pagerduty" forceMount className="data-[state=inactive]:hidden">
                        <CodeBlock code={pagerDutyConfig(origin, key.routingKey)} label={`PagerDuty Events v2 configuration for ${key.name}`} />
                      </TabsContent>
                      <TabsContent value="alertmanager" forceMount className="data-[state=inactive]:hidden">
                        <CodeBlock code={alertmanagerConfig(origin, key.routingKey)} label={`Alertmanager configuration for ${key.name}`} />
                      </TabsContent>
                      <TabsContent value="opsgenie" forceMount className="data-[state=inactive]:hidden">
                        <CodeBlock code={opsgenieConfig(origin, key.routingKey)} label={`Opsgenie configuration for ${key.name}`} />
                      </TabsContent>
                      <TabsContent value="grafana" forceMount className="data-[state=inactive]:hidden">
                        <CodeBlock code={grafanaConfig(origin, key.routingKey)} label={`Grafana configuration for ${key.name}`} />
                      </TabsContent>
                      <TabsContent value="webhook" forceMount className="data-[state=inactive]:hidden">
                        <CodeBlock code={webhookConfig(origin, key.routingKey, presetItems)} label={`Webhook configuration for ${key.name}`} />
                      </TabsContent>
                    </Tabs>
                    {presets.isPending ? null : <IntegrationSettingsForm serviceId={serviceId} integration={key} presets={presetItems} />}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </CardContent>
    </Card>
  );
}
