import { formatInZone } from "@/lib/calendar";

/** An instant on the viewer's wall clock, with the schedule's own wall clock beside it where the zones differ. */
export function ZonedTime({ iso, zone, otherZone }: { iso: string; zone: string; otherZone?: string }) {
  return (
    <time dateTime={iso}>
      {formatInZone(iso, zone)}
      {otherZone !== undefined && otherZone !== zone && (
        <span className="text-muted-foreground">
          {" "}
          ({formatInZone(iso, otherZone)} {otherZone})
        </span>
      )}
    </time>
  );
}
