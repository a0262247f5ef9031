import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { DateTime } from "luxon";
import { useState } from "react";
import { toast } from "sonner";
import { ErrorAlert } from "@/components/page";
import { SelectBox } from "@/components/select-box";
import { Section } from "@/components/section";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { fieldErrorsOf, toApiError } from "@/lib/api-error";
import type { LayerInput, NamedPerson, Restriction, Schedule } from "@/lib/api-types";
import { fromLocalInput, toLocalInput } from "@/lib/calendar";
import { formatDuration } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";

const UNITS = ["hour", "day", "week"] as const;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

interface Draft {
  id?: string;
  name: string;
  unit: (typeof UNITS)[number];
  length: string;
  rotationStart: string;
  participants: string[];
  restrictions: Restriction[];
}

const toDraft = (layer: Schedule["layers"][number], zone: string): Draft => ({
  id: layer.id,
  name: layer.name,
  unit: layer.rotation.unit,
  length: String(layer.rotation.length),
  rotationStart: toLocalInput(layer.rotationStart, zone),
  participants: layer.participants,
  restrictions: layer.restrictions,
});

function toInput(draft: Draft, existing: Schedule["layers"][number] | undefined, zone: string): LayerInput {
  const rotationStart = fromLocalInput(draft.rotationStart, zone) ?? "";
  return {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    name: draft.name,
    // A new layer takes effect from its rotation start; a kept one keeps its own start and end.
    start: existing?.start ?? rotationStart,
    end: existing?.end ?? null,
    rotationStart,
    rotation: { unit: draft.unit, length: Number(draft.length) },
    participants: draft.participants,
    restrictions: draft.restrictions,
  };
}

/** "layers.0.participants" as "Layer 1 participants". */
const fieldLabel = (field: string) => field.replace(/^layers\.(\d+)\.?/, (_, n: string) => `Layer ${Number(n) + 1} `).replaceAll(".", " ").trim();

/** `list` with its item at `from` moved to `to`. */
const moved = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};


function RestrictionRow({ restriction, index, layerName, onChange, onRemove }: { restriction: Restriction; index: number; layerName: string; onChange: (r: Restriction) => void; onRemove: () => void }) {
  const label = (what: string) => `${layerName}: restriction ${index + 1} ${what}`;
  return (
    <li className="flex flex-wrap items-center gap-2">
      <SelectBox
        label={label("kind")}
        value={restriction.type}
        options={[
          { value: "daily", label: "Every day" },
          { value: "weekly", label: "Every week" },
        ]}
        onChange={(type) => onChange(type === "weekly" ? { ...restriction, type, startDay: restriction.startDay ?? 1 } : { type, startTime: restriction.startTime, durationMinutes: Math.min(restriction.durationMinutes, 1440) })}
      />
      {restriction.type === "weekly" && (
        <SelectBox
          label={label("day")}
          value={String(restriction.startDay ?? 1)}
          options={WEEKDAYS.map((day, i) => ({ value: String(i + 1), label: day }))}
          onChange={(day) => onChange({ ...restriction, startDay: Number(day) })}
        />
      )}
      <Input className="w-28" type="time" aria-label={label("start time")} value={restriction.startTime} onChange={(e) => onChange({ ...restriction, startTime: e.target.value })} />
      <Input
        className="w-28"
        type="number"
        min={1}
        aria-label={label("minutes")}
        value={restriction.durationMinutes}
        onChange={(e) => onChange({ ...restriction, durationMinutes: Number(e.target.value) })}
      />
      <span className="text-muted-foreground text-sm">minutes{restriction.durationMinutes >= 60 && ` (${formatDuration(restriction.durationMinutes * 60_000)})`}</span>
      <Button type="button" variant="ghost" size="sm" onClick={onRemove} aria-label={label("remove")}>
        <Trash2 aria-hidden />
      </Button>
    </li>
  );
}

function LayerCard({ draft, index, people, zone, onChange, onRemove }: { draft: Draft; index: number; people: NamedPerson[]; zone: string; onChange: (d: Draft) => void; onRemove: () => void }) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const id = `layer-${index}`;
  const [adding, setAdding] = useState("");
  return (
    <li className="space-y-3 rounded-lg border p-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <Label htmlFor={`${id}-name`}>Layer {index + 1} name</Label>
          <Input id={`${id}-name`} value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${id}-length`}>Turns of</Label>
          <div className="flex gap-2">
            <Input id={`${id}-length`} className="w-20" type="number" min={1} value={draft.length} onChange={(e) => onChange({ ...draft, length: e.target.value })} />
            <SelectBox label={`Layer ${index + 1} turn unit`} value={draft.unit} options={UNITS.map((u) => ({ value: u, label: `${u}s` }))} onChange={(unit) => onChange({ ...draft, unit })} />
          </div>
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${id}-start`}>First handoff ({zone} time)</Label>
          <Input id={`${id}-start`} type="datetime-local" value={draft.rotationStart} onChange={(e) => onChange({ ...draft, rotationStart: e.target.value })} />
        </div>
        <Button type="button" variant="outline" size="sm" onClick={onRemove}>
          <Trash2 aria-hidden /> Remove layer {index + 1}
        </Button>
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium">Rotation order</p>
        <ol className="space-y-1" aria-label={`Layer ${index + 1} rotation order`}>
          {draft.participants.map((userId, i) => (
            <li key={`${userId}-${i}`} className="flex items-center gap-2 text-sm">
              <span className="text-muted-foreground w-5 tabular-nums">{i + 1}.</span>
              <span className="min-w-32">{names.get(userId) ?? "Someone"}</span>
              <Button type="button" variant="ghost" size="sm" disabled={i === 0} aria-label={`Move ${names.get(userId) ?? "them"} earlier in layer ${index + 1}`} onClick={() => onChange({ ...draft, participants: moved(draft.participants, i, i - 1) })}>
                <ArrowUp aria-hidden />
              </Button>
              <Button type="button" variant="ghost" size="sm" disabled={i === draft.participants.length - 1} aria-label={`Move ${names.get(userId) ?? "them"} later in layer ${index + 1}`} onClick={() => onChange({ ...draft, participants: moved(draft.participants, i, i + 1) })}>
                <ArrowDown aria-hidden />
              </Button>
              <Button type="button" variant="ghost" size="sm" aria-label={`Take ${names.get(userId) ?? "them"} out of layer ${index + 1}`} onClick={() => onChange({ ...draft, participants: draft.participants.filter((_, j) => j !== i) })}>
                <Trash2 aria-hidden />
              </Button>
            </li>
          ))}
        </ol>
        <div className="flex gap-2">
          <SelectBox label={`NamedPerson to add to layer ${index + 1}`} className="w-56" value={adding} options={people.map((p) => ({ value: p.id, label: p.name }))} onChange={setAdding} />
          <Button type="button" variant="outline" size="sm" disabled={adding === ""} onClick={() => onChange({ ...draft, participants: [...draft.participants, adding] })}>
            <Plus aria-hidden /> Add to rotation
          </Button>
        </div>
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium">Restrictions {draft.restrictions.length === 0 && <span className="text-muted-foreground font-normal">(none: on call around the clock)</span>}</p>
        {draft.restrictions.length > 0 && <p className="text-muted-foreground text-xs">Windows on the wall clock of {zone}; a layer is on call only inside them.</p>}
        <ul className="space-y-2">
          {draft.restrictions.map((r, i) => (
            <RestrictionRow
              key={i}
              restriction={r}
              index={i}
              layerName={`Layer ${index + 1}`}
              onChange={(next) => onChange({ ...draft, restrictions: draft.restrictions.map((old, j) => (j === i ? next : old)) })}
              onRemove={() => onChange({ ...draft, restrictions: draft.restrictions.filter((_, j) => j !== i) })}
            />
          ))}
        </ul>
        <Button type="button" variant="outline" size="sm" onClick={() => onChange({ ...draft, restrictions: [...draft.restrictions, { type: "daily", startTime: "09:00", durationMinutes: 480 }] })}>
          <Plus aria-hidden /> Add a restriction
        </Button>
      </div>
    </li>
  );
}

/** The schedule's layers, edited together and saved at once (a later layer wins where it has someone). */
export function LayersEditor({ schedule, people }: { schedule: Schedule; people: NamedPerson[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.org.schedules.update.mutationOptions());
  const [drafts, setDrafts] = useState<Draft[]>(() => schedule.layers.map((l) => toDraft(l, schedule.timeZone)));
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      const layers = drafts.map((d) => toInput(d, schedule.layers.find((l) => l.id === d.id), schedule.timeZone));
      const saved = await update.mutateAsync({ scheduleId: schedule.id, layers });
      queryClient.setQueryData(trpc.org.schedules.get.queryKey({ scheduleId: schedule.id }), saved);
      setDrafts(saved.layers.map((l) => toDraft(l, saved.timeZone)));
      await queryClient.invalidateQueries({ queryKey: trpc.org.schedules.shifts.pathKey() });
      toast.success("Layers saved");
    } catch (e) {
      setError(e);
    }
  };
  const fieldErrors = error === null ? {} : fieldErrorsOf(toApiError(error));
  const fresh = (): Draft => ({ name: `Layer ${drafts.length + 1}`, unit: "week", length: "1", rotationStart: DateTime.now().setZone(schedule.timeZone).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toFormat("yyyy-MM-dd'T'HH:mm"), participants: [], restrictions: [] });
  return (
    <Section title="Layers" className="space-y-3">
        <p className="text-muted-foreground text-sm">Turns are counted on the wall clock of {schedule.timeZone}. A later layer wins wherever it has someone.</p>
        <ol className="space-y-3">
          {drafts.map((draft, i) => (
            <LayerCard key={draft.id ?? `new-${i}`} draft={draft} index={i} people={people} zone={schedule.timeZone} onChange={(next) => setDrafts(drafts.map((d, j) => (j === i ? next : d)))} onRemove={() => setDrafts(drafts.filter((_, j) => j !== i))} />
          ))}
        </ol>
        {error !== null && (
          <div role="alert" className="space-y-1">
            <ErrorAlert error={error} title="The layers were not saved" />
            {Object.entries(fieldErrors).map(([field, message]) => (
              <p key={field} className="text-destructive text-sm">
                {fieldLabel(field)}: {message}
              </p>
            ))}
          </div>
        )}
        <div className="flex gap-2">
          <Button type="button" variant="outline" onClick={() => setDrafts([...drafts, fresh()])}>
            <Plus aria-hidden /> Add a layer
          </Button>
          <Button type="button" onClick={() => void save()} disabled={update.isPending}>
            Save layers
          </Button>
        </div>
      </Section>
  );
}
