import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { ZonedTime } from "@/components/zoned-time";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fromLocalInput } from "@/lib/calendar";
import { useSchedules } from "@/lib/schedules";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { useViewerZone } from "@/lib/viewer-zone";

/**
 * Who is on call now (or at a chosen moment): through each schedule, and on each escalation
 * policy's levels (GET /oncalls). Policy names are shown to those who may read policies (admins).
 */
export function OnCallNowPage() {
  const trpc = useTRPC();
  const { org } = useSession();
  const zone = useViewerZone();
  const [atInput, setAtInput] = useState("");
  const at = fromLocalInput(atInput, zone);
  const onCalls = useQuery({ ...trpc.oncalls.list.queryOptions(at === null ? {} : { at }), refetchInterval: at === null ? 60_000 : false });
  const schedules = useSchedules();
  const policies = useQuery({ ...trpc.org.escalationPolicies.list.queryOptions({ limit: 100 }), enabled: org.role === "admin" });
  const scheduleById = new Map(schedules.map((s) => [s.id, s]));
  const policyNames = new Map((policies.data?.items ?? []).map((p) => [p.id, p.name]));
  const names = new Map((onCalls.data?.people ?? []).map((p) => [p.id, p.name]));
  return (
    <div className="space-y-4">
      <PageHeader title="Who is on call" description={`Through every schedule and escalation level${at === null ? ", now" : ""}. Times are on your clock (${zone}).`} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <Label htmlFor="oncall-at">At another moment</Label>
          <Input id="oncall-at" type="datetime-local" className="w-56" value={atInput} onChange={(e) => setAtInput(e.target.value)} />
        </div>
        {atInput !== "" && (
          <Button variant="outline" onClick={() => setAtInput("")}>
            Now
          </Button>
        )}
      </div>
      <QueryState query={onCalls}>
        {(loaded) =>
          loaded.items.length === 0 ? (
            <EmptyState title="Nobody is on call">Create a schedule with a layer, or name people on escalation levels.</EmptyState>
          ) : (
            <Table aria-label="Who is on call">
              <TableHeader>
                <TableRow>
                  <TableHead>Who</TableHead>
                  <TableHead>Schedule</TableHead>
                  <TableHead>Escalation</TableHead>
                  <TableHead>Until</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {loaded.items.map((item) => {
                  const schedule = item.scheduleId === null ? undefined : scheduleById.get(item.scheduleId);
                  return (
                    <TableRow key={`${item.userId}-${item.scheduleId ?? ""}-${item.escalationPolicyId ?? ""}-${item.level ?? ""}`}>
                      <TableCell className="font-medium">{names.get(item.userId) ?? "Someone"}</TableCell>
                      <TableCell>
                        {item.scheduleId === null ? (
                          <span className="text-muted-foreground">Named on the level</span>
                        ) : (
                          <Link to="/schedules/$scheduleId" params={{ scheduleId: item.scheduleId }} className="hover:underline">
                            {schedule?.name ?? "A schedule"}
                          </Link>
                        )}
                      </TableCell>
                      <TableCell>
                        {item.escalationPolicyId === null ? (
                          <span className="text-muted-foreground">No policy</span>
                        ) : (
                          <>
                            {policyNames.get(item.escalationPolicyId) ?? "A policy"}, level {item.level}
                          </>
                        )}
                      </TableCell>
                      <TableCell>{item.end === null ? <span className="text-muted-foreground">Open-ended</span> : <ZonedTime iso={item.end} zone={zone} {...(schedule === undefined ? {} : { otherZone: schedule.timeZone })} />}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )
        }
      </QueryState>
    </div>
  );
}
