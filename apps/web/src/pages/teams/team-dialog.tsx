import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { CreateOrEditButton } from "@/components/create-or-edit-button";
import { DialogFormEnd } from "@/components/form-error";
import { TextField } from "@/components/text-field";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { showApiError } from "@/lib/api-form";
import type { Team } from "@/lib/api-types";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useTRPC, useTRPCClient } from "@/lib/trpc";

const schema = z.object({ name: z.string().trim().min(1, "Name the team").max(200), description: z.string().max(2000) });

/** Creates a team (then opens it, to add its people) or renames one (admins). */
export function TeamDialog({ team }: { team?: Team }) {
  const [open, setOpen] = useState(false);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useKeyedMutation(useTRPCClient().org.teams.create.mutate);
  const update = useMutation(trpc.org.teams.update.mutationOptions());
  const defaults = { name: team?.name ?? "", description: team?.description ?? "" };
  const form = useForm({ resolver: zodResolver(schema), defaultValues: defaults });
  const onSubmit = form.handleSubmit(async ({ name, description }) => {
    try {
      if (team === undefined) {
        const created = await create.mutateAsync({ name, ...(description === "" ? {} : { description }) });
        await queryClient.invalidateQueries({ queryKey: trpc.org.teams.pathKey() });
        setOpen(false);
        await navigate({ to: "/teams/$teamId", params: { teamId: created.id } });
      } else {
        await update.mutateAsync({ teamId: team.id, name, description: description === "" ? null : description });
        await queryClient.invalidateQueries({ queryKey: trpc.org.teams.pathKey() });
        setOpen(false);
        toast.success("Team saved");
      }
    } catch (error) {
      showApiError(form, error, ["name", "description"]);
    }
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) form.reset(defaults);
      }}
    >
      <DialogTrigger asChild>
        <CreateOrEditButton creating={team === undefined} createLabel="New team" />
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{team === undefined ? "Create a team" : `Edit ${team.name}`}</DialogTitle>
          <DialogDescription>A team owns services, escalation policies and schedules; its managers manage them and its people.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
            <TextField control={form.control} name="name" label="Name" placeholder="Payments" />
            <TextField control={form.control} name="description" label="Description (optional)" />
            <DialogFormEnd state={form.formState} label={team === undefined ? "Create team" : "Save"} />
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
