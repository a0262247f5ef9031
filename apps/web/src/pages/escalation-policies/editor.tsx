import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, Plus, Trash2, X } from "lucide-react";
import { useFieldArray, useForm, type Control } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { LoadingRows, PageHeader, ReadError } from "@/components/page";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import { showApiError } from "@/lib/api-form";
import type { EscalationPolicy } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useMembers } from "@/lib/people";
import { useSchedules } from "@/lib/schedules";
import { useTeams } from "@/lib/teams";
import { useTRPC, useTRPCClient } from "@/lib/trpc";

const route = getRouteApi("/_app/escalation-policies/$policyId");

/**
 * A target as the form keeps it: "user:<id>", "target:<id>", "schedule:<id>" or "team:<id>:<role or empty>".
 */
type TargetKey = `user:${string}` | `target:${string}` | `schedule:${string}` | `team:${string}:${string}`;
type Target = EscalationPolicy["levels"][number]["targets"][number];

const schema = z.object({
  name: z.string().trim().min(1, "Name the policy").max(200),
  description: z.string().max(2000),
  repeat: z.coerce.number<string | number>().int().min(1, "At least once").max(10, "At most 10 times"),
  levels: z
    .array(
      z.object({
        delayMinutes: z.coerce.number<string | number>().min(0, "Not negative").max(1440, "At most a day"),
        targets: z.array(z.string()).min(1, "Notify at least one person or target"),
      }),
    )
    .min(1, "Add a level"),
});
type Values = z.input<typeof schema>;

function toKey(target: Target): TargetKey {
  switch (target.type) {
    case "user":
      return `user:${target.userId}`;
    case "notification_target":
      return `target:${target.targetId}`;
    case "schedule":
      return `schedule:${target.scheduleId}`;
    case "team":
      return `team:${target.teamId}:${target.role ?? ""}`;
  }
}

function fromKey(key: string): Target {
  const [kind = "", id = "", role = ""] = key.split(":");
  if (kind === "user") return { type: "user", userId: id };
  if (kind === "schedule") return { type: "schedule", scheduleId: id };
  if (kind === "team") return role === "manager" || role === "member" ? { type: "team", teamId: id, role } : { type: "team", teamId: id };
  return { type: "notification_target", targetId: id };
}

/** What a schedule or team target is called until their names have loaded (or once it is gone). */
const fallbackName = (key: string) =>
  key.startsWith("schedule:") ? "whoever is on call (schedule)" : key.startsWith("team:") ? `a team${key.endsWith(":manager") ? "'s managers" : ""}` : "removed";

const valuesOf = (policy: EscalationPolicy | undefined): Values => ({
  name: policy?.name ?? "",
  description: policy?.description ?? "",
  repeat: policy?.repeat ?? 1,
  levels: policy?.levels.map((level) => ({ delayMinutes: level.delaySeconds / 60, targets: level.targets.map(toKey) })) ?? [{ delayMinutes: 5, targets: [] }],
});

/** Whom a team target pages: everyone on the team, or only its managers or members. */
const TEAM_ROLES = [
  ["", "everyone"],
  ["manager", "managers"],
  ["member", "members"],
] as const;

function useTargetNames() {
  const trpc = useTRPC();
  const members = useMembers();
  const schedules = useSchedules();
  const teams = useTeams();
  const targets = useInfiniteQuery(trpc.org.notificationTargets.list.infiniteQueryOptions({ limit: 200 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const names = new Map<string, string>();
  for (const member of members.data?.list ?? []) names.set(`user:${member.user.id}`, `${member.user.name} (${member.user.email})`);
  for (const target of targets.data?.pages.flatMap((page) => page.items) ?? []) names.set(`target:${target.id}`, `${target.name} (${target.type})`);
  for (const schedule of schedules) names.set(`schedule:${schedule.id}`, `On call: ${schedule.name}`);
  const teamList = teams.data?.items ?? [];
  for (const team of teamList) for (const [role, label] of TEAM_ROLES) names.set(`team:${team.id}:${role}`, `${team.name}: ${label}`);
  return { names, people: members.data?.list ?? [], targets: targets.data?.pages.flatMap((page) => page.items) ?? [], schedules, teams: teamList };
}

function LevelTargets({ control, index, options }: { control: Control<Values>; index: number; options: ReturnType<typeof useTargetNames> }) {
  return (
    <FormField
      control={control}
      name={`levels.${index}.targets`}
      render={({ field }) => (
        <FormItem>
          <FormLabel>Notify</FormLabel>
          <ul className="flex flex-wrap gap-1.5">
            {field.value.map((key) => (
              <li key={key} className="bg-muted inline-flex items-center gap-1 rounded-full py-0.5 pr-1 pl-2.5 text-xs">
                {options.names.get(key) ?? fallbackName(key)}
                <Button type="button" variant="ghost" size="icon-xs" aria-label={`Remove ${options.names.get(key) ?? "target"}`} onClick={() => field.onChange(field.value.filter((k) => k !== key))}>
                  <X aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
          <Select value="" onValueChange={(key) => field.value.includes(key) || field.onChange([...field.value, key])}>
            <FormControl>
              <SelectTrigger className="w-full sm:w-72" aria-label={`Add someone to level ${index + 1}`}>
                <SelectValue placeholder="Add a person, target, schedule or team…" />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              <SelectGroup>
                <SelectLabel>People</SelectLabel>
                {options.people.map((member) => (
                  <SelectItem key={member.user.id} value={`user:${member.user.id}`}>
                    {member.user.name}
                  </SelectItem>
                ))}
              </SelectGroup>
              <SelectGroup>
                <SelectLabel>Notification targets</SelectLabel>
                {options.targets.map((target) => (
                  <SelectItem key={target.id} value={`target:${target.id}`}>
                    {target.name}
                  </SelectItem>
                ))}
              </SelectGroup>
              <SelectGroup>
                <SelectLabel>Whoever is on call</SelectLabel>
                {options.schedules.map((schedule) => (
                  <SelectItem key={schedule.id} value={`schedule:${schedule.id}`}>
                    On call: {schedule.name}
                  </SelectItem>
                ))}
              </SelectGroup>
              <SelectGroup>
                <SelectLabel>Teams</SelectLabel>
                {options.teams.flatMap((team) =>
                  TEAM_ROLES.map(([role, label]) => (
                    <SelectItem key={`${team.id}:${role}`} value={`team:${team.id}:${role}`}>
                      {team.name}: {label}
                    </SelectItem>
                  )),
                )}
              </SelectGroup>
            </SelectContent>
          </Select>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

function PolicyForm({ policy }: { policy?: EscalationPolicy }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const options = useTargetNames();
  const create = useKeyedMutation(useTRPCClient().org.escalationPolicies.create.mutate);
  const replace = useMutation(trpc.org.escalationPolicies.replace.mutationOptions());
  const remove = useMutation(trpc.org.escalationPolicies.delete.mutationOptions());
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: valuesOf(policy) });
  const levels = useFieldArray({ control: form.control, name: "levels" });

  const onSubmit = form.handleSubmit(async (values) => {
    const body = {
      name: values.name,
      ...(values.description.trim() === "" ? {} : { description: values.description }),
      repeat: values.repeat,
      levels: values.levels.map((level) => ({ delaySeconds: Math.round(level.delayMinutes * 60), targets: level.targets.map(fromKey) })),
    };
    try {
      const saved = policy === undefined ? await create.mutateAsync(body) : await replace.mutateAsync({ policyId: policy.id, ...body });
      await queryClient.invalidateQueries({ queryKey: trpc.org.escalationPolicies.pathKey() });
      toast.success(`Saved ${saved.name}`);
      await navigate({ to: "/escalation-policies/$policyId", params: { policyId: saved.id } });
    } catch (error) {
      showApiError(form, error, ["name", "description", "repeat", "levels"]);
    }
  });

  const deletePolicy = async () => {
    if (policy === undefined) return;
    try {
      await remove.mutateAsync({ policyId: policy.id });
      await queryClient.invalidateQueries({ queryKey: trpc.org.escalationPolicies.pathKey() });
      await navigate({ to: "/escalation-policies" });
    } catch (error) {
      toastApiError(error);
    }
  };

  return (
    <Form {...form}>
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-5" noValidate>
        <Card>
          <CardContent className="grid gap-4 sm:grid-cols-[1fr_1fr_120px]">
            <TextField control={form.control} name="name" label="Name" />
            <TextField control={form.control} name="description" label="Description" />
            <FormField
              control={form.control}
              name="repeat"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Run through</FormLabel>
                  <FormControl>
                    <Input type="number" min={1} max={10} {...field} value={field.value} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
        </Card>
        <ol className="space-y-3">
          {levels.fields.map((level, index) => (
            <li key={level.id}>
              <Card className="gap-3">
                <CardHeader className="flex flex-row items-center justify-between">
                  <CardTitle>
                    <h2 className="text-sm">Level {index + 1}</h2>
                  </CardTitle>
                  {levels.fields.length > 1 && (
                    <Button type="button" variant="ghost" size="sm" onClick={() => levels.remove(index)} aria-label={`Remove level ${index + 1}`}>
                      <Trash2 aria-hidden /> Remove
                    </Button>
                  )}
                </CardHeader>
                <CardContent className="space-y-4">
                  <LevelTargets control={form.control} index={index} options={options} />
                  <FormField
                    control={form.control}
                    name={`levels.${index}.delayMinutes`}
                    render={({ field }) => (
                      <FormItem className="max-w-xs">
                        <FormLabel>Minutes before the next level, if unacknowledged</FormLabel>
                        <FormControl>
                          <Input type="number" min={0} max={1440} step="any" {...field} value={field.value} />
                        </FormControl>
                        <FormMessage />
                      </FormItem>
                    )}
                  />
                </CardContent>
              </Card>
            </li>
          ))}
        </ol>
        <Button type="button" variant="outline" onClick={() => levels.append({ delayMinutes: 10, targets: [] })}>
          <Plus aria-hidden /> Add level
        </Button>
        <FormError errors={form.formState.errors} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save policy
          </Button>
          {policy !== undefined && (
            <ConfirmButton
              label={<><Trash2 aria-hidden /> Delete</>}
              ariaLabel={`Delete ${policy.name}`}
              size="default"
              title={`Delete ${policy.name}?`}
              description="A policy still given to a service cannot be deleted: give those services another one first."
              onConfirm={() => void deletePolicy()}
            />
          )}
        </div>
      </form>
    </Form>
  );
}

const Back = () => (
  <Link to="/escalation-policies" className="text-muted-foreground inline-flex items-center gap-1 text-sm hover:underline">
    <ArrowLeft className="size-4" aria-hidden /> Escalation policies
  </Link>
);

export function NewEscalationPolicyPage() {
  return (
    <div className="space-y-4">
      <Back />
      <PageHeader title="New escalation policy" description="Level 1 is notified when an incident opens; each next level after its delay, while nobody acknowledges." />
      <PolicyForm />
    </div>
  );
}

export function EditEscalationPolicyPage() {
  const { policyId } = route.useParams();
  const trpc = useTRPC();
  const policy = useQuery(trpc.org.escalationPolicies.get.queryOptions({ policyId }));
  if (policy.isPending) return <LoadingRows />;
  if (policy.isError) return <ReadError error={policy.error} what="escalation policy" />;
  return (
    <div className="space-y-4">
      <Back />
      <PageHeader title={policy.data.name} description="Level 1 is notified when an incident opens; each next level after its delay, while nobody acknowledges." />
      <PolicyForm key={policy.data.updatedAt} policy={policy.data} />
    </div>
  );
}
