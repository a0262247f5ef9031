import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { useState } from "react";
import { BackLink } from "@/components/back-link";
import { ConfirmButton, DeleteButton } from "@/components/confirm-button";
import { EmptyState, ErrorAlert, LoadingRows, PageHeader, QueryState, ReadError } from "@/components/page";
import { ZonedTime } from "@/components/zoned-time";
import { Section } from "@/components/section";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { act } from "@/lib/act";
import { roleAtLeast, type Override, type NamedPerson, type Schedule, type Shift } from "@/lib/api-types";
import { formatInZone, twoWeeksFrom } from "@/lib/calendar";
import { usePeopleFor } from "@/lib/people-options";
import { useManagesTeam, useTeams } from "@/lib/teams";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { useViewerZone } from "@/lib/viewer-zone";
import { ScheduleCalendar } from "./calendar";
import { LayersEditor } from "./layers-editor";
import { OverrideDialog, type OverrideRequest } from "./override-dialog";
import { ScheduleDialog } from "./schedule-dialog";

const route = getRouteApi("/_app/schedules/$scheduleId");

const sourceOf = (schedule: Schedule, shift: Shift) =>
  shift.overrideId !== null ? "Override" : (schedule.layers.find((l) => l.id === shift.layerId)?.name ?? "A layer");

/** The shifts in words, each with "Override" to put someone else on call for it. */
function ShiftList({ schedule, shifts, names, zone, onOverride }: { schedule: Schedule; shifts: Shift[]; names: Map<string, string>; zone: string; onOverride?: (shift: Shift) => void }) {
  if (shifts.length === 0) return <EmptyState title="Nobody is on call in these two weeks">Add a layer with people in it, or an override.</EmptyState>;
  return (
    <Table aria-label="Shifts">
      <TableHeader>
        <TableRow>
          <TableHead>Who</TableHead>
          <TableHead>From</TableHead>
          <TableHead>Until</TableHead>
          <TableHead>Source</TableHead>
          {onOverride !== undefined && (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {shifts.map((shift) => {
          const name = names.get(shift.userId) ?? "Someone";
          return (
            <TableRow key={`${shift.start}-${shift.userId}`}>
              <TableCell className="font-medium">{name}</TableCell>
              <TableCell>
                <ZonedTime iso={shift.start} zone={zone} otherZone={schedule.timeZone} />
              </TableCell>
              <TableCell>
                <ZonedTime iso={shift.end} zone={zone} otherZone={schedule.timeZone} />
              </TableCell>
              <TableCell>{sourceOf(schedule, shift)}</TableCell>
              {onOverride !== undefined && (
                <TableCell className="text-right">
                  <Button variant="outline" size="sm" aria-label={`Override ${name}'s shift from ${formatInZone(shift.start, zone)}`} onClick={() => onOverride(shift)}>
                    Override
                  </Button>
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Whether the viewer may delete an override (the API's rule: managers any, a member those naming them or that they made). */
const mayDelete = (override: Override, userId: string, manages: boolean, isMember: boolean) => manages || (isMember && (override.userId === userId || override.createdBy === userId));

function UpcomingOverrides({ schedule, names, zone, manages }: { schedule: Schedule; names: Map<string, string>; zone: string; manages: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { org, user } = useSession();
  const overrides = useQuery(trpc.org.schedules.overrides.list.queryOptions({ scheduleId: schedule.id, limit: 100 }));
  const remove = useMutation(trpc.org.schedules.overrides.delete.mutationOptions());
  const onDelete = (overrideId: string) =>
    act(async () => {
      await remove.mutateAsync({ scheduleId: schedule.id, overrideId });
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.org.schedules.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.oncalls.pathKey() })]);
    }, "Override deleted");
  if (overrides.isPending) return <LoadingRows rows={2} />;
  if (overrides.isError) return <ErrorAlert error={overrides.error} />;
  if (overrides.data.items.length === 0) return <p className="text-muted-foreground text-sm">No override from now on.</p>;
  return (
    <ul className="divide-y rounded-lg border" aria-label="Overrides">
      {overrides.data.items.map((o) => {
        const name = names.get(o.userId) ?? "Someone";
        return (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
            <span>
              <span className="font-medium">{name}</span> from <ZonedTime iso={o.start} zone={zone} /> until <ZonedTime iso={o.end} zone={zone} />
            </span>
            {mayDelete(o, user.id, manages, roleAtLeast(org.role, "member")) && (
              <ConfirmButton
                label="Delete"
                ariaLabel={`Delete the override of ${name} from ${formatInZone(o.start, zone)}`}
                title="Delete this override?"
                description="The layers decide who is on call in its window again (one under way ends now)."
                onConfirm={() => void onDelete(o.id)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The person an override from a shift proposes: the viewer taking it, or, for their own shift, someone else. */
const proposedFor = (shift: { userId: string }, viewerId: string, people: NamedPerson[]) =>
  shift.userId === viewerId ? (people.find((p) => p.id !== viewerId)?.id ?? viewerId) : viewerId;

export function SchedulePage() {
  const { scheduleId } = route.useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { org, user } = useSession();
  const zone = useViewerZone();
  const [from] = useState(() => new Date());
  const range = twoWeeksFrom(from, zone);
  const schedule = useQuery(trpc.org.schedules.get.queryOptions({ scheduleId }));
  const shifts = useQuery(trpc.org.schedules.shifts.queryOptions({ scheduleId, ...range }));
  const onCall = useQuery(trpc.oncalls.list.queryOptions({ scheduleId }));
  const teams = useTeams();
  const people = usePeopleFor(schedule.data);
  const manages = useManagesTeam(schedule.data?.teamId ?? null);
  const remove = useMutation(trpc.org.schedules.delete.mutationOptions());
  const [overrideRequest, setOverrideRequest] = useState<OverrideRequest | null>(null);
  if (schedule.isPending) return <LoadingRows />;
  if (schedule.isError) return <ReadError error={schedule.error} what="schedule" />;
  const current = schedule.data;
  const canOverride = roleAtLeast(org.role, "member");
  const names = new Map([...current.people, ...(shifts.data?.people ?? []), ...(onCall.data?.people ?? []), ...people].map((p) => [p.id, p.name]));
  const now = onCall.data?.items.find((i) => i.scheduleId === scheduleId);
  const team = teams.data?.items.find((t) => t.id === current.teamId);
  const overrideShift = (shift: Shift) => setOverrideRequest({ start: shift.start, end: shift.end, userId: proposedFor(shift, user.id, people) });
  const onDelete = async () => {
    if (await act(() => remove.mutateAsync({ scheduleId }), `${current.name} deleted`)) {
      await queryClient.invalidateQueries({ queryKey: trpc.org.schedules.list.pathKey() });
      await navigate({ to: "/schedules" });
    }
  };
  return (
    <div className="space-y-5">
      <BackLink to="/schedules">Schedules</BackLink>
      <PageHeader
        title={current.name}
        description={
          <>
            {current.description ?? "Turns follow the wall clock of its time zone."} Time zone: {current.timeZone}
            {team !== undefined && <> · Team: {team.name}</>}
          </>
        }
        actions={
          <>
            {canOverride && (
              <Button variant="outline" onClick={() => setOverrideRequest({ start: new Date().toISOString(), end: new Date(Date.now() + 3_600_000).toISOString(), userId: user.id })}>
                <Plus aria-hidden /> New override
              </Button>
            )}
            {manages && (
              <>
                <ScheduleDialog schedule={current} />
                <DeleteButton name={current.name} description="Its layers and overrides go with it; escalation levels naming it find nobody through it." onConfirm={() => void onDelete()} />
              </>
            )}
          </>
        }
      />
      <p className="text-sm" aria-live="polite">
        {onCall.isPending ? (
          "…"
        ) : now === undefined ? (
          "Nobody is on call right now."
        ) : (
          <>
            On call now: <span className="font-semibold">{names.get(now.userId) ?? "Someone"}</span>
            {now.end !== null && (
              <>
                {" "}
                until <ZonedTime iso={now.end} zone={zone} otherZone={current.timeZone} />
              </>
            )}
          </>
        )}
      </p>
      <Section title="The next two weeks" className="space-y-4">
          <QueryState query={shifts} rows={3}>
            {(loaded) =>
              (
                <>
                  <ScheduleCalendar schedule={current} rendered={loaded} people={[...names].map(([id, name]) => ({ id, name }))} from={from} zone={zone} {...(canOverride ? { onPick: overrideShift } : {})} />
                  <p className="text-muted-foreground text-sm" data-testid="coverage">
                    Covered {Math.round(loaded.coveragePercent * 10) / 10}% of the time
                    {loaded.gaps.length > 0 ? `, ${loaded.gaps.length} gap${loaded.gaps.length === 1 ? "" : "s"} with nobody on call` : ""}. Times are on your clock ({zone})
                    {zone === current.timeZone ? "." : `; the schedule's own (${current.timeZone}) in brackets.`}
                  </p>
                  {loaded.gaps.length > 0 && (
                    <ul className="text-destructive space-y-0.5 text-sm" aria-label="Gaps">
                      {loaded.gaps.map((gap) => (
                        <li key={gap.start}>
                          Nobody on call from <ZonedTime iso={gap.start} zone={zone} /> until <ZonedTime iso={gap.end} zone={zone} />
                        </li>
                      ))}
                    </ul>
                  )}
                  <ShiftList schedule={current} shifts={loaded.items} names={names} zone={zone} {...(canOverride ? { onOverride: overrideShift } : {})} />
                </>
              )
            }
          </QueryState>
        </Section>
      <Section title="Overrides">
          <UpcomingOverrides schedule={current} names={names} zone={zone} manages={manages} />
        </Section>
      {manages && <LayersEditor key={current.updatedAt} schedule={current} people={people} />}
      {!manages && current.layers.length > 0 && <LayersSummary schedule={current} names={names} />}
      <OverrideDialog schedule={current} people={people} zone={zone} request={overrideRequest} onClose={() => setOverrideRequest(null)} />
    </div>
  );
}

/** The layers in words, for those who may not change them. */
function LayersSummary({ schedule, names }: { schedule: Schedule; names: Map<string, string> }) {
  return (
    <Section title="Layers">
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {schedule.layers.map((layer) => (
            <li key={layer.id}>
              <span className="font-medium">{layer.name}</span>: turns of {layer.rotation.length} {layer.rotation.unit}
              {layer.rotation.length === 1 ? "" : "s"} through {layer.participants.map((id) => names.get(id) ?? "someone").join(", ")}
              {layer.restrictions.length > 0 && ` (${layer.restrictions.length} restriction${layer.restrictions.length === 1 ? "" : "s"})`}
            </li>
          ))}
        </ol>
      </Section>
  );
}
