import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, Loader2, Plus, Trash2 } from "lucide-react";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, type Control } from "react-hook-form";
import { toast } from "sonner";
import { SeverityBadge } from "@/components/badges";
import { FormError } from "@/components/form-error";
import { ResourceNotFound } from "@/components/not-found";
import { ErrorAlert, LoadingRows } from "@/components/page";
import { PersonSelect } from "@/components/person-select";
import { RelativeTime } from "@/components/relative-time";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toApiError } from "@/lib/api-error";
import { showApiError } from "@/lib/api-form";
import { roleAtLeast, type Postmortem } from "@/lib/api-types";
import { formatDateTime } from "@/lib/format";
import { usePeople } from "@/lib/people";
import { factDuration, formValuesOf, postmortemFormSchema, postmortemStage, putInputOf, STAGE_LABEL, type PostmortemForm } from "@/lib/postmortem";
import { slaClock } from "@/lib/sla";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { DownloadMarkdownButton } from "./postmortem-download";

const route = getRouteApi("/_app/incidents/$incidentId/postmortem");

const SECTIONS = [
  { name: "summary", label: "Summary", hint: "What happened, in a few sentences anyone in the company can follow." },
  { name: "impact", label: "Impact", hint: "Who was affected, how badly, for how long." },
  { name: "rootCause", label: "Root cause", hint: "Why it happened: the contributing causes, not who." },
] as const;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}

/** What the incident was: read live from it, not part of what is saved. */
function Facts({ postmortem }: { postmortem: Postmortem }) {
  const { facts } = postmortem;
  // The incident is resolved: each target was met, missed, or there was none.
  const sla = (kind: "acknowledge" | "resolve") => {
    const { state } = slaClock(facts, kind, Date.now());
    return state === "none" ? "no target" : state === "met" ? "met" : "breached";
  };
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle>
          <h2 className="text-sm">Facts</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <dl className="divide-y">
          <Fact label="Severity">
            <SeverityBadge severity={facts.severity} />
          </Fact>
          <Fact label="Service">{facts.service.name}</Fact>
          <Fact label="Triggered">{formatDateTime(facts.triggeredAt)}</Fact>
          <Fact label="Time to acknowledge">{factDuration(facts.timeToAcknowledgeSeconds)}</Fact>
          <Fact label="Time to resolve">{factDuration(facts.timeToResolveSeconds)}</Fact>
          <Fact label="Acknowledge SLA">{sla("acknowledge")}</Fact>
          <Fact label="Resolve SLA">{sla("resolve")}</Fact>
          <Fact label="Alerts">{facts.alertCount}</Fact>
        </dl>
      </CardContent>
    </Card>
  );
}

function PostmortemTimeline({ postmortem }: { postmortem: Postmortem }) {
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle>
          <h2 className="text-sm">Timeline</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <ol className="space-y-2 text-sm" aria-label="Incident timeline">
          {postmortem.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`} className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3">
              <time dateTime={entry.at} className="text-muted-foreground text-xs tabular-nums">
                {formatDateTime(entry.at)}
              </time>
              <span className="break-words">{entry.summary}</span>
            </li>
          ))}
        </ol>
        {postmortem.timelineTruncated && <p className="text-muted-foreground mt-2 text-xs">The incident has more events than shown here: see its page for all of them.</p>}
      </CardContent>
    </Card>
  );
}

function ActionItems({ control, canWrite }: { control: Control<PostmortemForm>; canWrite: boolean }) {
  const items = useFieldArray({ control, name: "actionItems" });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Action items</legend>
      {items.fields.length === 0 && <p className="text-muted-foreground text-sm">None yet: what will stop this from happening again, or make it shorter?</p>}
      <ul className="space-y-2" aria-label="Action items">
        {items.fields.map((item, index) => (
          <li key={item.id} className="flex flex-wrap items-start gap-2 rounded-md border p-2 sm:flex-nowrap">
            <FormField
              control={control}
              name={`actionItems.${index}.done`}
              render={({ field }) => (
                <Checkbox className="mt-2.5" checked={field.value} onCheckedChange={(on) => field.onChange(on === true)} disabled={!canWrite} aria-label={`Action item ${index + 1} done`} />
              )}
            />
            <FormField
              control={control}
              name={`actionItems.${index}.title`}
              render={({ field }) => (
                <FormItem className="min-w-0 flex-1 basis-48">
                  <FormLabel className="sr-only">Action item {index + 1}</FormLabel>
                  <FormControl>
                    <Input {...field} readOnly={!canWrite} placeholder="Add an alert on queue depth" />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={control}
              name={`actionItems.${index}.ownerId`}
              render={({ field }) => (
                <PersonSelect value={field.value} onChange={field.onChange} label={`Owner of action item ${index + 1}`} nobody="No owner" disabled={!canWrite} className="h-9 w-40" />
              )}
            />
            {canWrite && (
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove action item ${index + 1}`} onClick={() => items.remove(index)}>
                <Trash2 aria-hidden />
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <Button type="button" variant="outline" size="sm" onClick={() => items.append({ title: "", ownerId: null, done: false })}>
          <Plus aria-hidden /> Add action item
        </Button>
      )}
    </fieldset>
  );
}

/** A newer postmortem than the one the person edited: theirs is kept in the form until they choose. */
interface Stale {
  latest: Postmortem;
  status: Postmortem["status"];
}

function StaleAlert({ stale, onOverwrite, onDiscard, busy }: { stale: Stale; onOverwrite: () => void; onDiscard: () => void; busy: boolean }) {
  const people = usePeople();
  const who = stale.latest.updatedBy === null ? "Someone" : (people.data?.byId.get(stale.latest.updatedBy)?.name ?? "Someone");
  return (
    <Alert role="alert">
      <AlertTitle>This postmortem was saved by someone else meanwhile</AlertTitle>
      <AlertDescription>
        <p>
          {who} saved it{stale.latest.updatedAt === null ? "" : <> <RelativeTime iso={stale.latest.updatedAt} /></>} ({stale.latest.status}). Your changes were not saved; they are still in the form.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button size="sm" onClick={onOverwrite} disabled={busy}>
            Save mine over theirs
          </Button>
          <Button size="sm" variant="outline" onClick={onDiscard} disabled={busy}>
            Discard mine, show theirs
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}

function Editor({ postmortem, canWrite }: { postmortem: Postmortem; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const put = useMutation(trpc.incidents.postmortem.put.mutationOptions());
  const form = useForm<PostmortemForm>({ resolver: zodResolver(postmortemFormSchema), defaultValues: formValuesOf(postmortem) });
  /** The version the form's content was based on: sent with a save. */
  const [base, setBase] = useState(postmortem.version);
  const [stale, setStale] = useState<Stale | null>(null);
  const key = trpc.incidents.postmortem.get.queryKey({ incidentId: postmortem.incidentId });

  // Saved elsewhere while this form is untouched: show it.
  useEffect(() => {
    if (postmortem.version !== base && !form.formState.isDirty && stale === null) {
      form.reset(formValuesOf(postmortem));
      setBase(postmortem.version);
    }
  }, [postmortem, base, form, stale]);

  const save = async (values: PostmortemForm, status: Postmortem["status"], version: number) => {
    try {
      const saved = await put.mutateAsync(putInputOf(postmortem.incidentId, values, status, version));
      queryClient.setQueryData(key, saved);
      form.reset(formValuesOf(saved));
      setBase(saved.version);
      setStale(null);
      void queryClient.invalidateQueries({ queryKey: trpc.incidents.events.pathKey() });
      toast.success(status === "published" ? (postmortem.status === "published" ? "Published postmortem updated" : "Postmortem published") : "Draft saved");
    } catch (error) {
      if (toApiError(error).code === "VERSION_CONFLICT") {
        const latest = await queryClient.query({ ...trpc.incidents.postmortem.get.queryOptions({ incidentId: postmortem.incidentId }), staleTime: 0 });
        setStale({ latest, status });
      } else showApiError(form, error, ["summary", "impact", "rootCause", "actionItems"]);
    }
  };
  const submit = (status: Postmortem["status"]) => form.handleSubmit((values) => save(values, status, base));
  const published = postmortem.status === "published";

  return (
    <Form {...form}>
      <form className="space-y-5" noValidate onSubmit={(e) => void submit(published ? "published" : "draft")(e)}>
        {stale !== null && (
          <StaleAlert
            stale={stale}
            busy={put.isPending}
            onOverwrite={() => void form.handleSubmit((values) => save(values, stale.status, stale.latest.version))()}
            onDiscard={() => {
              form.reset(formValuesOf(stale.latest));
              setBase(stale.latest.version);
              setStale(null);
            }}
          />
        )}
        {SECTIONS.map((section) => (
          <FormField
            key={section.name}
            control={form.control}
            name={section.name}
            render={({ field }) => (
              <FormItem>
                <FormLabel className="text-base font-semibold">{section.label}</FormLabel>
                <p className="text-muted-foreground text-xs">{section.hint}</p>
                <FormControl>
                  <Textarea rows={section.name === "summary" ? 5 : 4} readOnly={!canWrite} {...field} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        ))}
        <ActionItems control={form.control} canWrite={canWrite} />
        <FormError errors={form.formState.errors} />
        {canWrite && (
          <div className="bg-background/95 sticky bottom-0 flex flex-wrap items-center gap-2 border-t py-3 backdrop-blur">
            {published ? (
              <>
                <Button type="submit" disabled={put.isPending}>
                  {put.isPending && <Loader2 className="animate-spin" aria-hidden />}
                  Save changes
                </Button>
                <Button type="button" variant="outline" disabled={put.isPending} onClick={() => void submit("draft")()}>
                  Back to draft
                </Button>
              </>
            ) : (
              <>
                <Button type="button" disabled={put.isPending} onClick={() => void submit("published")()}>
                  {put.isPending && <Loader2 className="animate-spin" aria-hidden />}
                  Publish
                </Button>
                <Button type="submit" variant="outline" disabled={put.isPending}>
                  Save draft
                </Button>
              </>
            )}
            <span className="text-muted-foreground text-xs" aria-live="polite">
              {form.formState.isDirty ? "Unsaved changes" : postmortem.version === 0 ? "Not saved yet: a draft pre-filled from the incident" : "All changes saved"}
            </span>
          </div>
        )}
      </form>
    </Form>
  );
}

/** A resolved incident's postmortem: facts and timeline from the incident, the written parts, action items with owners. */
export function PostmortemPage() {
  const { incidentId } = route.useParams();
  const trpc = useTRPC();
  const { org } = useSession();
  const postmortem = useQuery(trpc.incidents.postmortem.get.queryOptions({ incidentId }));
  const canWrite = roleAtLeast(org.role, "member");

  const back = (
    <Link to="/incidents/$incidentId" params={{ incidentId }} className="text-muted-foreground inline-flex items-center gap-1 text-sm hover:underline">
      <ArrowLeft className="size-4" aria-hidden /> Incident
    </Link>
  );
  if (postmortem.isPending) return <LoadingRows rows={6} />;
  if (postmortem.isError) {
    const code = toApiError(postmortem.error).code;
    if (code === "NOT_FOUND" || code === "VALIDATION_FAILED") return <ResourceNotFound what="incident" />;
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-xl font-semibold">Postmortem</h1>
        <ErrorAlert error={postmortem.error} title={code === "CONFLICT" ? "No postmortem yet" : "The postmortem could not be loaded"} />
      </div>
    );
  }
  const data = postmortem.data;
  const stage = postmortemStage(data);
  return (
    <div className="space-y-5">
      {back}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-muted-foreground text-sm">
            Postmortem · <span className="font-medium" data-postmortem-stage={stage}>{STAGE_LABEL[stage]}</span>
            {data.publishedAt !== null && data.status === "published" && <> · published <RelativeTime iso={data.publishedAt} /></>}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight break-words">{data.facts.title}</h1>
        </div>
        <DownloadMarkdownButton incidentId={incidentId} title={data.facts.title} size="default" />
      </div>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0">
          <Editor key={incidentId} postmortem={data} canWrite={canWrite} />
        </div>
        <aside className="space-y-5">
          <Facts postmortem={data} />
          <PostmortemTimeline postmortem={data} />
        </aside>
      </div>
    </div>
  );
}
