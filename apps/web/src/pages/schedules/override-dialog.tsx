import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { DialogFormEnd } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { TextField } from "@/components/text-field";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { SelectItem } from "@/components/ui/select";
import { showApiError } from "@/lib/api-form";
import type { NamedPerson, Schedule } from "@/lib/api-types";
import { fromLocalInput, toLocalInput } from "@/lib/calendar";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useTRPC, useTRPCClient } from "@/lib/trpc";

const schema = z
  .object({ userId: z.string().min(1, "Choose who is on call instead"), start: z.string().min(1, "Give the start"), end: z.string().min(1, "Give the end") })
  .refine((v) => v.end > v.start, { path: ["end"], message: "The end must be after the start" });

/** What the dialog opens with: a shift's window (or any) and who is proposed to be on call in it. */
export interface OverrideRequest {
  start: string;
  end: string;
  userId: string;
}

/**
 * Puts someone on call instead, for a shift or any window (times on the viewer's wall clock). The
 * API decides who may: admins and the team's managers any override, a member taking a shift or
 * giving away their own. Open while `request` is set.
 */
export function OverrideDialog({ schedule, people, zone, request, onClose }: { schedule: Schedule; people: NamedPerson[]; zone: string; request: OverrideRequest | null; onClose: () => void }) {
  return (
    <Dialog open={request !== null} onOpenChange={(next) => !next && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create an override</DialogTitle>
          <DialogDescription>
            Someone else is on call for {schedule.name} in this window, whatever the layers say. Times are on your clock ({zone}).
          </DialogDescription>
        </DialogHeader>
        {request !== null && <OverrideForm schedule={schedule} people={people} zone={zone} request={request} onDone={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function OverrideForm({ schedule, people, zone, request, onDone }: { schedule: Schedule; people: NamedPerson[]; zone: string; request: OverrideRequest; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useKeyedMutation(useTRPCClient().org.schedules.overrides.create.mutate);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { userId: request.userId, start: toLocalInput(request.start, zone), end: toLocalInput(request.end, zone) } });
  const onSubmit = form.handleSubmit(async ({ userId, start, end }) => {
    try {
      await create.mutateAsync({ scheduleId: schedule.id, userId, start: fromLocalInput(start, zone) ?? "", end: fromLocalInput(end, zone) ?? "" });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.org.schedules.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.oncalls.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.users.me.oncall.pathKey() }),
      ]);
      toast.success("Override created");
      onDone();
    } catch (error) {
      showApiError(form, error, ["userId", "start", "end"]);
    }
  });
  return (
    <Form {...form}>
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
        <SelectField control={form.control} name="userId" label="On call instead">
          {people.map((person) => (
            <SelectItem key={person.id} value={person.id}>
              {person.name}
            </SelectItem>
          ))}
        </SelectField>
        <TextField control={form.control} name="start" label="Start" type="datetime-local" />
        <TextField control={form.control} name="end" label="End" type="datetime-local" />
        <DialogFormEnd state={form.formState} label="Create override" />
      </form>
    </Form>
  );
}
