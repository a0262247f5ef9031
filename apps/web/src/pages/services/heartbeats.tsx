import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CodeBlock } from "@/components/code-block";
import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { TextField } from "@/components/text-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { act } from "@/lib/act";
import { showApiError } from "@/lib/api-form";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useTRPC, useTRPCClient } from "@/lib/trpc";

/** How to ping: by hand, and from cron after a job that succeeded. */
export function heartbeatPingConfig(pingUrl: string): string {
  return [
    `curl -fsS -X POST ${pingUrl}`,
    "",
    "# crontab: ping only when the job succeeded",
    `0 * * * * /usr/local/bin/backup && curl -fsS -X POST ${pingUrl} > /dev/null`,
  ].join("\n");
}

const STATUS = {
  inactive: { label: "Waiting for a first ping", variant: "secondary" },
  healthy: { label: "Healthy", variant: "outline" },
  expired: { label: "Missed", variant: "destructive" },
} as const;

// One minute to one week, as the API allows (in seconds there).
const schema = z.object({
  name: z.string().trim().min(1, "Name it after the job that pings").max(200),
  intervalMinutes: z.coerce.number<string | number>().int("Whole minutes").min(1, "At least a minute").max(10_080, "At most a week (10080 minutes)"),
});

/** The service's heartbeat monitors (admin): a job pings its URL; a missed ping opens an incident, the next one resolves it. */
export function Heartbeats({ serviceId }: { serviceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const heartbeats = useQuery(trpc.org.services.heartbeats.list.queryOptions({ serviceId }));
  const create = useKeyedMutation(useTRPCClient().org.services.heartbeats.create.mutate);
  const remove = useMutation(trpc.org.services.heartbeats.delete.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", intervalMinutes: "60" } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.org.services.heartbeats.list.queryKey({ serviceId }) });
  const onSubmit = form.handleSubmit(async ({ name, intervalMinutes }) => {
    try {
      await create.mutateAsync({ serviceId, name, intervalSeconds: intervalMinutes * 60 });
      form.reset();
      await refresh();
    } catch (error) {
      showApiError(form, error, ["name"]);
    }
  });
  const deleteHeartbeat = (heartbeat: { id: string; name: string }) =>
    act(async () => {
      await remove.mutateAsync({ serviceId, heartbeatId: heartbeat.id });
      await refresh();
    }, `Deleted ${heartbeat.name}`);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">Heartbeats</h2>
        </CardTitle>
        <CardDescription>A job pings its URL at least once per interval. A missed ping opens an incident on this service; the next ping resolves it.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="flex flex-wrap items-end gap-2" noValidate>
            <div className="min-w-44 flex-1">
              <TextField control={form.control} name="name" label="Heartbeat name" placeholder="Nightly backup" />
            </div>
            <div className="w-36">
              <TextField control={form.control} name="intervalMinutes" label="Interval (minutes)" type="number" inputMode="numeric" min={1} max={10_080} />
            </div>
            <Button type="submit" disabled={form.formState.isSubmitting}>
              Create heartbeat
            </Button>
            <div className="w-full">
              <FormError errors={form.formState.errors} />
            </div>
          </form>
        </Form>
        <QueryState query={heartbeats} rows={2}>
          {(loaded) =>
            loaded.items.length === 0 ? (
              <p className="text-muted-foreground text-sm">No heartbeat yet.</p>
            ) : (
              <ul className="space-y-4">
                {loaded.items.map((heartbeat) => (
                  <li key={heartbeat.id} className="space-y-3 rounded-lg border p-3" data-heartbeat={heartbeat.id}>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <div className="min-w-0 space-y-1">
                        <p className="font-medium">
                          {heartbeat.name} <Badge variant={STATUS[heartbeat.status].variant}>{STATUS[heartbeat.status].label}</Badge>
                        </p>
                        <p className="text-muted-foreground text-xs">
                          Every {heartbeat.intervalSeconds / 60} min · last ping {heartbeat.lastPingAt === null ? "never" : <RelativeTime iso={heartbeat.lastPingAt} />} · due{" "}
                          <RelativeTime iso={heartbeat.dueAt} />
                        </p>
                      </div>
                      <ConfirmButton
                        label={<><Trash2 aria-hidden /> Delete</>}
                        ariaLabel={`Delete ${heartbeat.name}`}
                        title={`Delete ${heartbeat.name}?`}
                        description="Its pings will be refused (404); an incident it opened stays open."
                        onConfirm={() => void deleteHeartbeat(heartbeat)}
                      />
                    </div>
                    <CodeBlock code={heartbeatPingConfig(heartbeat.pingUrl)} label={`How to ping ${heartbeat.name}`} />
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
