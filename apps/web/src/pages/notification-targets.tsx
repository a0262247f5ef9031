import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, RotateCw, Send, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { SeverityBadge } from "@/components/badges";
import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { KindCheckboxes } from "@/components/kind-checkboxes";
import { EVERY_SEVERITY, MinSeverityField, minSeverityOf } from "@/components/min-severity-field";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { SecretDialog, useSecretDialog } from "@/components/secret-dialog";
import { SecretOnce } from "@/components/secret-once";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { SelectField } from "@/components/select-field";
import { Form, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { SelectGroup, SelectItem, SelectLabel } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { showApiError } from "@/lib/api-form";
import type { NotificationTarget } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { describeKinds, NOTIFICATION_KINDS } from "@/lib/notification-kinds";
import { useServices } from "@/lib/services";
import { useTeams } from "@/lib/teams";
import { useTRPC } from "@/lib/trpc";

const TYPES = {
  webhook: "Webhook (signed)",
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams (Workflows webhook)",
  discord: "Discord webhook",
  mattermost: "Mattermost incoming webhook",
  email: "Email",
} as const;
type TargetType = keyof typeof TYPES;
/** What the destination field asks for, by type. */
const DESTINATION_LABEL: Record<TargetType, string> = {
  webhook: "URL",
  slack: "Slack webhook URL",
  teams: "Teams Workflows webhook URL",
  discord: "Discord webhook URL",
  mattermost: "Mattermost webhook URL",
  email: "Email address",
};
const EVERY_SERVICE = "any";

const schema = z.object({
  name: z.string().trim().min(1, "Name the target").max(200),
  type: z.enum(["webhook", "slack", "teams", "discord", "mattermost", "email"]),
  destination: z.string().trim().min(1, "Say where to deliver"),
  eventKinds: z.array(z.enum(NOTIFICATION_KINDS)).min(1, "Choose at least one kind"),
  minSeverity: z.string(),
  /** EVERY_SERVICE, `team:<id>` or `service:<id>`. */
  route: z.string(),
});

/** The routing a `route` choice asks for. */
const routingOf = (route: string) =>
  route.startsWith("team:") ? { teamIds: [route.slice("team:".length)] } : route.startsWith("service:") ? { serviceIds: [route.slice("service:".length)] } : {};

const configOf = (type: TargetType, destination: string) =>
  type === "slack" ? { webhookUrl: destination } : type === "email" ? { address: destination } : { url: destination };

function NewTargetDialog({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.org.notificationTargets.create.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", type: "webhook" as const, destination: "", eventKinds: NOTIFICATION_KINDS, minSeverity: EVERY_SEVERITY, route: EVERY_SERVICE } });
  const teams = useTeams();
  const services = useServices();
  const dialog = useSecretDialog(() => form.reset());
  const type = form.watch("type");
  const onSubmit = form.handleSubmit(async ({ name, type, destination, eventKinds, minSeverity, route }) => {
    try {
      const created = await create.mutateAsync({
        name,
        type,
        config: configOf(type, destination),
        eventKinds,
        minSeverity: minSeverityOf(minSeverity) ?? undefined,
        ...routingOf(route),
      });
      dialog.show(created.secret);
      onCreated();
    } catch (error) {
      const apiError = showApiError(form, error, ["name", "type", "eventKinds", "minSeverity", "route"]);
      const fields = apiError.details.fields;
      if (typeof fields === "object" && fields !== null) {
        const configMessage = Object.entries(fields).find(([field]) => field.startsWith("config"))?.[1] as string[] | undefined;
        if (configMessage?.[0] !== undefined) form.setError("destination", { type: "server", message: configMessage[0] });
      }
    }
  });
  return (
    <SecretDialog
      state={dialog}
      trigger={
        <Button>
          <Plus aria-hidden /> New target
        </Button>
      }
      title="New notification target"
      description="Every incident event of the kinds, severities and services you choose is delivered here."
      result={(secret) => (
        <>
          <SecretOnce label="Signing secret" value={secret} />
          <p className="text-muted-foreground text-sm">Verify each delivery's webhook-signature header with it (Standard Webhooks).</p>
        </>
      )}
    >
          <Form {...form}>
            <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
              <TextField control={form.control} name="name" label="Name" placeholder="ops webhook" />
              <SelectField control={form.control} name="type" label="Type">
                {Object.entries(TYPES).map(([value, label]) => (
                  <SelectItem key={value} value={value}>
                    {label}
                  </SelectItem>
                ))}
              </SelectField>
              <TextField
                control={form.control}
                name="destination"
                label={DESTINATION_LABEL[type]}
                type={type === "email" ? "email" : "url"}
                placeholder={type === "email" ? "oncall@example.com" : "https://"}
              />
              <FormField
                control={form.control}
                name="eventKinds"
                render={({ field }) => (
                  <FormItem>
                    <fieldset className="space-y-2">
                    <legend className="text-sm font-medium">Events</legend>
                    <KindCheckboxes value={field.value} onChange={field.onChange} />
                    </fieldset>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <MinSeverityField control={form.control} name="minSeverity" label="Severities" />
              <SelectField control={form.control} name="route" label="Incidents of">
                <SelectItem value={EVERY_SERVICE}>Every service</SelectItem>
                {(teams.data?.items.length ?? 0) > 0 && (
                  <SelectGroup>
                    <SelectLabel>A team's services</SelectLabel>
                    {teams.data?.items.map((team) => (
                      <SelectItem key={team.id} value={`team:${team.id}`}>
                        {team.name}
                      </SelectItem>
                    ))}
                  </SelectGroup>
                )}
                {(services.data?.list.length ?? 0) > 0 && (
                  <SelectGroup>
                    <SelectLabel>One service</SelectLabel>
                    {services.data?.list.map((service) => (
                      <SelectItem key={service.id} value={`service:${service.id}`}>
                        {service.name}
                      </SelectItem>
                    ))}
                  </SelectGroup>
                )}
              </SelectField>
              <FormError errors={form.formState.errors} />
              <DialogFooter>
                <Button type="submit" disabled={form.formState.isSubmitting}>
                  Create target
                </Button>
              </DialogFooter>
            </form>
          </Form>
    </SecretDialog>
  );
}

const destinationOf = (target: NotificationTarget) => target.config.url ?? target.config.webhookUrl ?? target.config.address ?? "";

/** Whose incidents a routed target takes, by name ("the Payments team's services, checkout"); null: every service's. */
function useRouteNames(): (target: NotificationTarget) => string | null {
  const teams = useTeams();
  const services = useServices();
  return (target) => {
    if (target.teamIds === null && target.serviceIds === null) return null;
    const teamNames = (target.teamIds ?? []).map((id) => {
      const name = teams.data?.items.find((team) => team.id === id)?.name;
      return name === undefined ? "a team's services" : `the ${name} team's services`;
    });
    const serviceNames = (target.serviceIds ?? []).map((id) => services.data?.byId.get(id)?.name ?? "a service");
    return [...teamNames, ...serviceNames].join(", ");
  };
}

function TargetRow({ target, refresh }: { target: NotificationTarget; refresh: () => Promise<void> }) {
  const trpc = useTRPC();
  const route = useRouteNames()(target);
  const update = useMutation(trpc.org.notificationTargets.update.mutationOptions());
  const test = useMutation(trpc.org.notificationTargets.test.mutationOptions());
  const rotate = useMutation(trpc.org.notificationTargets.rotateSecret.mutationOptions());
  const remove = useMutation(trpc.org.notificationTargets.delete.mutationOptions());
  const [secret, setSecret] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await refresh();
    } catch (error) {
      toastApiError(error);
    }
  };
  const sendTest = () =>
    act(async () => {
      const outcome = await test.mutateAsync({ targetId: target.id });
      if (outcome.ok) toast.success(`Test delivered to ${target.name}${outcome.httpStatus === null ? "" : ` (HTTP ${outcome.httpStatus})`} in ${Math.round(outcome.durationMs)} ms`);
      else toast.error(`Test to ${target.name} failed: ${outcome.error ?? `HTTP ${outcome.httpStatus ?? "?"}`}`);
    });
  return (
    <li className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium">{target.name}</p>
          <p className="text-muted-foreground truncate text-xs">
            {TYPES[target.type]} · <span className="font-mono">{destinationOf(target)}</span>
          </p>
          <p className="text-muted-foreground mt-1 flex flex-wrap items-center gap-1 text-xs">
            {target.eventKinds === null ? "every event" : describeKinds(target.eventKinds)}
            {target.minSeverity !== null && (
              <>
                {" · "}
                <SeverityBadge severity={target.minSeverity} /> or worse
              </>
            )}
            {route !== null && <> · only {route}</>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Label className="text-sm font-normal">
            <Switch checked={target.enabled} onCheckedChange={(enabled) => void act(() => update.mutateAsync({ targetId: target.id, enabled }))} aria-label={`${target.name} enabled`} />
            Enabled
          </Label>
          <Button size="sm" variant="outline" onClick={() => void sendTest()} disabled={test.isPending} aria-label={`Send test to ${target.name}`}>
            <Send aria-hidden /> Send test
          </Button>
          {target.type === "webhook" && (
            <ConfirmButton
              label={<><RotateCw aria-hidden /> Rotate secret</>}
              ariaLabel={`Rotate the secret of ${target.name}`}
              title="Rotate the signing secret?"
              description="Deliveries are signed with the new secret at once: update your receiver."
              onConfirm={() => void act(async () => setSecret((await rotate.mutateAsync({ targetId: target.id })).secret))}
            />
          )}
          <ConfirmButton
            label={<><Trash2 aria-hidden /> Delete</>}
            ariaLabel={`Delete ${target.name}`}
            title={`Delete ${target.name}?`}
            description="It is also removed from the escalation policies that name it."
            onConfirm={() => void act(() => remove.mutateAsync({ targetId: target.id }))}
          />
        </div>
      </div>
      {secret !== null && <SecretOnce label="New signing secret" value={secret} />}
    </li>
  );
}

export function NotificationTargetsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const targets = useInfiniteQuery(trpc.org.notificationTargets.list.infiniteQueryOptions({ limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.org.notificationTargets.pathKey() });
  const items = targets.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <PageHeader title="Notification targets" description="Webhooks, Slack, Teams, Discord and Mattermost channels and mailboxes that hear about incidents." actions={<NewTargetDialog onCreated={() => void refresh()} />} />
      <QueryState query={targets}>
        {() =>
          items.length === 0 ? (
            <EmptyState title="No notification target yet">Add a webhook, a Slack, Teams, Discord or Mattermost channel, or an email address.</EmptyState>
          ) : (
            <ul className="divide-y rounded-lg border" aria-label="Notification targets">
              {items.map((target) => (
                <TargetRow key={target.id} target={target} refresh={refresh} />
              ))}
            </ul>
          )
        }
      </QueryState>
      {targets.hasNextPage && (
        <Button variant="outline" className="mt-3" onClick={() => void targets.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}
