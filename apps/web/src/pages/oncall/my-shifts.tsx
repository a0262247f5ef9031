import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { CalendarPlus } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ConfirmButton } from "@/components/confirm-button";
import { useOtherOrganisations } from "@/components/not-found";
import { DialogFormEnd } from "@/components/form-error";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { SecretDialog, useSecretDialog } from "@/components/secret-dialog";
import { SecretOnce } from "@/components/secret-once";
import { SelectField } from "@/components/select-field";
import { TextField } from "@/components/text-field";
import { Section } from "@/components/section";
import { ZonedTime } from "@/components/zoned-time";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { SelectItem } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { act } from "@/lib/act";
import { showApiError } from "@/lib/api-form";
import type { CalendarFeed } from "@/lib/api-types";
import { formatDuration } from "@/lib/format";
import { useSchedules } from "@/lib/schedules";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { useViewerZone } from "@/lib/viewer-zone";

const MINE = "mine";
const feedSchema = z.object({ name: z.string().trim().min(1, "Name the feed").max(200), scope: z.string() });
const FULL = ":full";
const route = getRouteApi("/_app/my-shifts");

/** A new calendar feed: its secret URL is shown once, here. */
function NewFeedDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedules = useSchedules();
  const create = useMutation(trpc.users.me.calendarFeeds.create.mutationOptions());
  const form = useForm({ resolver: zodResolver(feedSchema), defaultValues: { name: "My on-call shifts", scope: MINE } });
  const dialog = useSecretDialog(() => form.reset());
  const onSubmit = form.handleSubmit(async ({ name, scope }) => {
    try {
      const scheduleId = scope === MINE ? undefined : scope.replace(FULL, "");
      const created = await create.mutateAsync({ name, ...(scheduleId === undefined ? {} : { scheduleId, fullSchedule: scope.endsWith(FULL) }) });
      dialog.show(created.url);
      await queryClient.invalidateQueries({ queryKey: trpc.users.me.calendarFeeds.pathKey() });
    } catch (error) {
      showApiError(form, error, ["name"]);
    }
  });
  return (
    <SecretDialog
      state={dialog}
      trigger={
        <Button>
          <CalendarPlus aria-hidden /> New calendar feed
        </Button>
      }
      title="New calendar feed"
      description="A secret address to subscribe to in any calendar app (Google Calendar, Outlook, Apple Calendar): your shifts of the next 90 days."
      result={(url) => <SecretOnce label="Calendar URL" value={url} />}
    >
      <Form {...form}>
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
          <TextField control={form.control} name="name" label="Name" />
          <SelectField control={form.control} name="scope" label="Shifts" contentClassName="max-h-72">
            <SelectItem value={MINE}>Mine, on every schedule</SelectItem>
            {schedules.flatMap((s) => [
              <SelectItem key={s.id} value={s.id}>
                Mine on {s.name}
              </SelectItem>,
              <SelectItem key={`${s.id}${FULL}`} value={`${s.id}${FULL}`}>
                Everyone's on {s.name}
              </SelectItem>,
            ])}
          </SelectField>
          <DialogFormEnd state={form.formState} label="Create feed" />
        </form>
      </Form>
    </SecretDialog>
  );
}

function describeFeed(feed: CalendarFeed, scheduleNames: Map<string, string>): string {
  if (feed.scheduleId === null) return "Your shifts on every schedule";
  const name = scheduleNames.get(feed.scheduleId) ?? "a schedule";
  return feed.fullSchedule ? `Everyone's shifts on ${name}` : `Your shifts on ${name}`;
}

function CalendarFeeds() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feeds = useQuery(trpc.users.me.calendarFeeds.list.queryOptions());
  const schedules = useSchedules();
  const revoke = useMutation(trpc.users.me.calendarFeeds.delete.mutationOptions());
  const scheduleNames = new Map(schedules.map((s) => [s.id, s.name]));
  const onRevoke = async (feed: CalendarFeed) => {
    await act(() => revoke.mutateAsync({ feedId: feed.id }), `${feed.name} revoked`);
    await queryClient.invalidateQueries({ queryKey: trpc.users.me.calendarFeeds.pathKey() });
  };
  return (
    <Section title="Calendar feeds" actions={<NewFeedDialog />}>
        <QueryState query={feeds} rows={2}>
          {(loaded) =>
            loaded.items.length === 0 ? (
              <p className="text-muted-foreground text-sm">No feed yet: create one to see your shifts in your own calendar.</p>
            ) : (
              <ul className="divide-y rounded-lg border" aria-label="Calendar feeds">
                {loaded.items.map((feed) => (
                  <li key={feed.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                    <div className="min-w-0">
                      <p className="font-medium">
                        {feed.name} <span className="text-muted-foreground font-mono text-xs">{feed.prefix}…</span>
                      </p>
                      <p className="text-muted-foreground text-xs">
                        {describeFeed(feed, scheduleNames)}
                        {feed.lastUsedAt === null ? " · never fetched" : <> · fetched <RelativeTime iso={feed.lastUsedAt} /></>}
                      </p>
                    </div>
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke ${feed.name}`}
                      title={`Revoke ${feed.name}?`}
                      description="Its address stops working at once; calendars subscribed to it stop updating."
                      onConfirm={() => void onRevoke(feed)}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
    </Section>
  );
}

/**
 * A link about the person's shifts in another of their organisations (`?org=`: a calendar event,
 * a shift notice) opened while signed in to this one: the page shows this one's, so it says so
 * and offers to switch there.
 */
function ShiftsOfAnotherOrganisation() {
  const { org: linked } = route.useSearch();
  const { others, switchTo } = useOtherOrganisations();
  const other = others.find((membership) => membership.id === linked);
  if (other === undefined) return null;
  return (
    <Alert>
      <AlertDescription className="flex flex-wrap items-center justify-between gap-3">
        <span>This link is about your shifts in {other.name}.</span>
        <Button size="sm" onClick={() => void switchTo(other.id)}>
          Switch to {other.name}
        </Button>
      </AlertDescription>
    </Alert>
  );
}

/** "My shifts": when the viewer is on call in the next four weeks, on every schedule of the org, and their calendar feeds. */
export function MyShiftsPage() {
  const trpc = useTRPC();
  const zone = useViewerZone();
  const { org } = useSession();
  const shifts = useQuery(trpc.users.me.oncall.queryOptions({}));
  return (
    <div className="space-y-5">
      <PageHeader title="My shifts" description={`When you are on call in ${org.name} in the next four weeks. Times are on your clock (${zone}).`} />
      <ShiftsOfAnotherOrganisation />
      <QueryState query={shifts}>
        {(loaded) =>
          loaded.items.length === 0 ? (
            <EmptyState title={`You are not on call in ${org.name} in the next four weeks`} />
          ) : (
            <Table aria-label="My shifts">
              <TableHeader>
                <TableRow>
                  <TableHead>Schedule</TableHead>
                  <TableHead>From</TableHead>
                  <TableHead>Until</TableHead>
                  <TableHead>For</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {loaded.items.map((shift) => (
                  <TableRow key={`${shift.scheduleId}-${shift.start}`}>
                    <TableCell className="font-medium">
                      <Link to="/schedules/$scheduleId" params={{ scheduleId: shift.scheduleId }} className="hover:underline">
                        {shift.scheduleName}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <ZonedTime iso={shift.start} zone={zone} otherZone={shift.timeZone} />
                    </TableCell>
                    <TableCell>
                      <ZonedTime iso={shift.end} zone={zone} otherZone={shift.timeZone} />
                    </TableCell>
                    <TableCell>{formatDuration(Date.parse(shift.end) - Date.parse(shift.start))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </QueryState>
      <CalendarFeeds />
    </div>
  );
}
