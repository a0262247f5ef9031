import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlarmClockOff, UserPlus } from "lucide-react";
import { useState, type SyntheticEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Incident } from "@/lib/api-types";
import { usePeople } from "@/lib/people";
import { useTRPC } from "@/lib/trpc";

/** What a dialog does with the incident once the API answers: keep the new one, or hand a refusal to the page's conflict handler. */
interface IncidentChange {
  incident: Incident;
  disabled: boolean;
  /** Handles a refusal (a conflict shows the latest incident); whether it was a conflict. */
  onRefusal: (action: string, error: unknown) => Promise<boolean>;
}

function useKeepIncident(incidentId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (updated: Incident) => {
    queryClient.setQueryData(trpc.incidents.get.queryKey({ incidentId }), updated);
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.events.pathKey() });
  };
}

/** Replaces the incident's assignees with the people picked (those new to it are paged). */
export function AssignDialog({ incident, disabled, onRefusal }: IncidentChange) {
  const trpc = useTRPC();
  const people = usePeople();
  const assign = useMutation(trpc.incidents.assign.mutationOptions());
  const keep = useKeepIncident(incident.id);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (chosen.size === 0) {
      setError("Pick at least one person");
      return;
    }
    try {
      keep(await assign.mutateAsync({ incidentId: incident.id, userIds: [...chosen], version: incident.version }));
      setOpen(false);
      toast.success("Assigned: the new assignees are being paged");
    } catch (refusal) {
      setOpen(false);
      await onRefusal("assignment", refusal);
    }
  };
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setChosen(new Set(incident.assignees.map((a) => a.id)));
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" disabled={disabled}>
          <UserPlus aria-hidden />
          Assign
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Assign the incident</DialogTitle>
          <DialogDescription>The people you pick replace the current assignees; those new to it are paged through their notification rules.</DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
          <fieldset className="max-h-72 space-y-2 overflow-y-auto" aria-describedby={error === null ? undefined : "assign-error"}>
            <legend className="sr-only">Assignees</legend>
            {people.isPending && <p className="text-muted-foreground text-sm">Loading people…</p>}
            {people.data?.list.map((person) => (
              <Label key={person.id} className="font-normal">
                <Checkbox checked={chosen.has(person.id)} onCheckedChange={(on) => toggle(person.id, on === true)} />
                {person.name}
              </Label>
            ))}
          </fieldset>
          {error !== null && (
            <p id="assign-error" role="alert" className="text-destructive text-sm">
              {error}
            </p>
          )}
          <DialogFooter>
            <Button type="submit" disabled={assign.isPending}>
              Assign
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

const SNOOZE_MAX = 1440;

/** Snoozes an acknowledged incident: it returns to triggered (and escalates again) after the minutes chosen. */
export function SnoozeDialog({ incident, disabled, onRefusal }: IncidentChange) {
  const trpc = useTRPC();
  const snooze = useMutation(trpc.incidents.snooze.mutationOptions());
  const keep = useKeepIncident(incident.id);
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState("60");
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > SNOOZE_MAX) {
      setError(`Give whole minutes from 1 to ${SNOOZE_MAX}`);
      return;
    }
    try {
      keep(await snooze.mutateAsync({ incidentId: incident.id, minutes: value, version: incident.version }));
      setOpen(false);
      toast.success(`Snoozed for ${value} minute${value === 1 ? "" : "s"}`);
    } catch (refusal) {
      setOpen(false);
      await onRefusal("snooze", refusal);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" disabled={disabled}>
          <AlarmClockOff aria-hidden />
          Snooze
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Snooze the incident</DialogTitle>
          <DialogDescription>It stays acknowledged for this long, then returns to triggered and escalates again from the first level. Any change before then ends the snooze.</DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate>
          <div className="space-y-2">
            <Label htmlFor="snooze-minutes">Minutes</Label>
            <Input
              id="snooze-minutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={SNOOZE_MAX}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              aria-invalid={error !== null}
              aria-describedby={error === null ? undefined : "snooze-error"}
            />
            {error !== null && (
              <p id="snooze-error" role="alert" className="text-destructive text-sm">
                {error}
              </p>
            )}
          </div>
          <DialogFooter>
            <Button type="submit" disabled={snooze.isPending}>
              Snooze
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
