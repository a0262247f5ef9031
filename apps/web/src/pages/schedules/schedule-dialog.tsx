import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { CreateOrEditButton } from "@/components/create-or-edit-button";
import { DialogFormEnd } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { TextField } from "@/components/text-field";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { SelectItem } from "@/components/ui/select";
import { showApiError } from "@/lib/api-form";
import type { Schedule } from "@/lib/api-types";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useManagedTeamIds, useTeams } from "@/lib/teams";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { useViewerZone } from "@/lib/viewer-zone";

const NONE = "none";
const schema = z.object({ name: z.string().trim().min(1, "Name the schedule").max(200), description: z.string().max(2000), timeZone: z.string().min(1, "Choose a time zone"), teamId: z.string() });
type Values = z.infer<typeof schema>;

/**
 * Creates a schedule (then opens it, to add its layers) or changes one's name, description, time
 * zone and team. Admins choose any team or none; a team manager one of the teams they manage.
 */
export function ScheduleDialog({ schedule }: { schedule?: Schedule }) {
  const [open, setOpen] = useState(false);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const viewerZone = useViewerZone();
  const teams = useTeams();
  const managed = useManagedTeamIds();
  const create = useKeyedMutation(useTRPCClient().org.schedules.create.mutate);
  const update = useMutation(trpc.org.schedules.update.mutationOptions());
  const choices = (teams.data?.items ?? []).filter((team) => managed === "all" || managed.has(team.id) || team.id === schedule?.teamId);
  const defaults: Values = {
    name: schedule?.name ?? "",
    description: schedule?.description ?? "",
    timeZone: schedule?.timeZone ?? viewerZone,
    teamId: schedule?.teamId ?? (managed === "all" ? NONE : ([...managed][0] ?? NONE)),
  };
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf("timeZone");
    return known.includes(defaults.timeZone) ? known : [defaults.timeZone, ...known];
  }, [defaults.timeZone]);
  const form = useForm({ resolver: zodResolver(schema), values: defaults, resetOptions: { keepDirtyValues: true } });
  const onSubmit = form.handleSubmit(async ({ name, description, timeZone, teamId }) => {
    try {
      if (schedule === undefined) {
        const created = await create.mutateAsync({ name, timeZone, ...(description === "" ? {} : { description }), ...(teamId === NONE ? {} : { teamId }), layers: [] });
        await queryClient.invalidateQueries({ queryKey: trpc.org.schedules.list.pathKey() });
        setOpen(false);
        await navigate({ to: "/schedules/$scheduleId", params: { scheduleId: created.id } });
      } else {
        const saved = await update.mutateAsync({ scheduleId: schedule.id, name, timeZone, description: description === "" ? null : description, teamId: teamId === NONE ? null : teamId });
        queryClient.setQueryData(trpc.org.schedules.get.queryKey({ scheduleId: schedule.id }), saved);
        await queryClient.invalidateQueries({ queryKey: trpc.org.schedules.pathKey() });
        setOpen(false);
        toast.success("Schedule saved");
      }
    } catch (error) {
      showApiError(form, error, ["name", "description", "timeZone", "teamId"]);
    }
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset(defaults);
      }}
    >
      <DialogTrigger asChild>
        <CreateOrEditButton creating={schedule === undefined} createLabel="New schedule" />
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{schedule === undefined ? "Create a schedule" : `Edit ${schedule.name}`}</DialogTitle>
          <DialogDescription>
            {schedule === undefined ? "You add its layers (who rotates, how often) next." : "Handoffs and restrictions follow the wall clock of its time zone."}
          </DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
            <TextField control={form.control} name="name" label="Name" placeholder="Payments primary" />
            <TextField control={form.control} name="description" label="Description (optional)" />
            <SelectField control={form.control} name="timeZone" label="Time zone" contentClassName="max-h-72">
              {zones.map((zone) => (
                <SelectItem key={zone} value={zone}>
                  {zone}
                </SelectItem>
              ))}
            </SelectField>
            <SelectField control={form.control} name="teamId" label="Team">
              {managed === "all" && <SelectItem value={NONE}>No team</SelectItem>}
              {choices.map((team) => (
                <SelectItem key={team.id} value={team.id}>
                  {team.name}
                </SelectItem>
              ))}
            </SelectField>
            <DialogFormEnd state={form.formState} label={schedule === undefined ? "Create schedule" : "Save"} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
