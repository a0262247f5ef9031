import type { NamedPerson, RenderedSchedule, Schedule, Shift } from "@/lib/api-types";
import { colourIndexes, daysFrom, formatDayInZone, formatInZone, layoutRow, type Day, type Span } from "@/lib/calendar";
import { cn } from "@/lib/utils";

/** One colour per person (in the order they first appear); white text stays readable on each. */
const PALETTE = ["bg-sky-700", "bg-amber-700", "bg-emerald-700", "bg-violet-700", "bg-rose-700", "bg-teal-700", "bg-orange-700", "bg-indigo-700", "bg-lime-700", "bg-fuchsia-700"];
export const colourOf = (index: number | undefined) => PALETTE[(index ?? 0) % PALETTE.length] ?? "bg-sky-700";

interface Row {
  label: string;
  shifts: Shift[];
  gaps?: Span[];
}

/**
 * Two weeks of the final schedule as a picture, a column per day of the viewer's zone: a row for
 * the final schedule (gaps in red), one per layer (where it shows through) and one for the
 * overrides. Clicking an entry asks to override it. The picture is hidden from screen readers:
 * the same entries are listed in words (with their Override buttons) below it.
 */
export function ScheduleCalendar({
  schedule,
  rendered,
  people,
  from,
  zone,
  onPick,
}: {
  schedule: Schedule;
  rendered: RenderedSchedule;
  people: NamedPerson[];
  from: Date;
  zone: string;
  onPick?: (shift: Shift) => void;
}) {
  const days = daysFrom(from, 14, zone);
  const shifts = rendered.items;
  const colours = colourIndexes(shifts.map((s) => s.userId));
  const rows: Row[] = [
    { label: "Final schedule", shifts, gaps: rendered.gaps },
    ...schedule.layers.map((layer) => ({ label: layer.name, shifts: shifts.filter((s) => s.layerId === layer.id) })),
    { label: "Overrides", shifts: shifts.filter((s) => s.overrideId !== null) },
  ];
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto" aria-hidden data-testid="schedule-calendar">
        <div className="grid min-w-[760px] grid-cols-[120px_repeat(14,minmax(0,1fr))] gap-px text-xs">
          <div />
          {days.map((day) => (
            <div key={day.start.toISOString()} className="text-muted-foreground px-1 pb-1 text-center">
              {formatDayInZone(day.start, zone)}
            </div>
          ))}
          {rows.map((row) => (
            <CalendarRow key={row.label} row={row} days={days} colours={colours} names={names} zone={zone} onPick={onPick} />
          ))}
        </div>
      </div>
      <ul className="flex flex-wrap gap-3 text-xs" aria-label="Colours">
        {[...colours].map(([userId, index]) => (
          <li key={userId} className="flex items-center gap-1.5">
            <span className={cn("inline-block size-3 rounded-sm", colourOf(index))} aria-hidden />
            {names.get(userId) ?? "Someone"}
          </li>
        ))}
        {rendered.gaps.length > 0 && (
          <li className="flex items-center gap-1.5">
            <span className="bg-destructive/70 inline-block size-3 rounded-sm" aria-hidden />
            Nobody on call
          </li>
        )}
      </ul>
    </div>
  );
}

function CalendarRow({ row, days, colours, names, zone, onPick }: { row: Row; days: Day[]; colours: Map<string, number>; names: Map<string, string>; zone: string; onPick?: (shift: Shift) => void }) {
  const shiftCells = layoutRow(row.shifts, days);
  const gapCells = layoutRow(row.gaps ?? [], days);
  return (
    <>
      <div className="truncate py-1 pr-2 font-medium" title={row.label}>
        {row.label}
      </div>
      {days.map((day, d) => (
        <div key={day.start.toISOString()} className="bg-muted/50 relative h-7 overflow-hidden rounded-sm" data-day={day.start.toISOString()}>
          {gapCells[d]?.map(({ entry, segment }) => (
            <span key={`gap-${entry.start}`} data-gap className="bg-destructive/70 absolute inset-y-0" style={{ left: `${segment.left}%`, width: `${segment.width}%` }} />
          ))}
          {shiftCells[d]?.map(({ entry, segment }) => {
            const name = names.get(entry.userId) ?? "Someone";
            return (
              <span
                key={`${entry.start}-${entry.userId}`}
                title={`${name}: ${formatInZone(entry.start, zone)} to ${formatInZone(entry.end, zone)}`}
                data-shift={name}
                onClick={onPick === undefined ? undefined : () => onPick(entry)}
                className={cn(
                  "absolute inset-y-0.5 overflow-hidden px-0.5 leading-6 whitespace-nowrap text-white",
                  colourOf(colours.get(entry.userId)),
                  !segment.fromBefore && "rounded-l-sm",
                  !segment.untilAfter && "rounded-r-sm",
                  onPick !== undefined && "cursor-pointer hover:opacity-80",
                )}
                style={{ left: `${segment.left}%`, width: `${segment.width}%` }}
              >
                {segment.fromBefore ? "" : name}
              </span>
            );
          })}
        </div>
      ))}
    </>
  );
}
