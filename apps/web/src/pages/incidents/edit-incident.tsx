import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Loader2, Pencil, X } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { SeverityBadge } from "@/components/badges";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { fieldErrorsOf, toApiError } from "@/lib/api-error";
import { SEVERITIES, type Incident, type Severity } from "@/lib/api-types";
import { useTRPC } from "@/lib/trpc";
import { InlineError, InlineForm } from "./panel";
import { useConflictHandler, type Conflict } from "./stale";

type Changes = { title?: string; description?: string | null; severity?: Severity; type?: string | null };

/**
 * Saves changes to the incident at a version: the one the page shows, unless the editor says
 * which it was opened at. A refusal for a newer version goes to `onConflict` (the page then shows
 * the latest state); the editor keeps the person's text, so saving again applies it to what is
 * there now. Resolves with whether it was saved, or with the message to show next to the field.
 */
function useIncidentEdit(incident: Incident, onConflict: (conflict: Conflict | null) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.incidents.update.mutationOptions());
  const handleRefusal = useConflictHandler(incident, onConflict);
  const save = async (changes: Changes, what: string, version = incident.version): Promise<{ saved: true } | { saved: false; fieldError?: string }> => {
    onConflict(null);
    try {
      const updated = await update.mutateAsync({ incidentId: incident.id, version, ...changes });
      queryClient.setQueryData(trpc.incidents.get.queryKey({ incidentId: incident.id }), updated);
      void queryClient.invalidateQueries({ queryKey: trpc.incidents.events.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.incidents.list.pathKey() });
      return { saved: true };
    } catch (error) {
      const fieldError = Object.values(fieldErrorsOf(toApiError(error)))[0];
      if (fieldError !== undefined) return { saved: false, fieldError };
      await handleRefusal(`edit of the ${what}`, error);
      return { saved: false };
    }
  };
  return { save, pending: update.isPending };
}

interface EditProps {
  incident: Incident;
  canEdit: boolean;
  onConflict: (conflict: Conflict | null) => void;
}

/**
 * An inline editor: the value, an Edit button (members), then a field with Save and Cancel. It
 * saves against the version it was opened at, not the one live updates have since brought: a
 * change made meanwhile by someone else is a conflict (shown by the page), never overwritten
 * unseen. After a conflict the person has seen the latest state, and saving again applies to it.
 */
function InlineEditor({
  label,
  canEdit,
  display,
  initial,
  version,
  multiline,
  inputClassName = "text-lg font-semibold",
  onSave,
}: {
  label: string;
  canEdit: boolean;
  display: React.ReactNode;
  initial: string;
  version: number;
  multiline?: boolean;
  inputClassName?: string;
  onSave: (value: string, version: number) => Promise<{ saved: boolean; fieldError?: string }>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [base, setBase] = useState(version);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  if (draft === null) {
    return (
      <div className="flex items-start gap-1">
        <div className="min-w-0">{display}</div>
        {canEdit && (
          <Button
            variant="ghost"
            size="icon"
            className="size-7 shrink-0"
            aria-label={`Edit ${label.toLowerCase()}`}
            onClick={() => {
              setBase(version);
              setDraft(initial);
            }}
          >
            <Pencil className="size-3.5" aria-hidden />
          </Button>
        )}
      </div>
    );
  }
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  const submit = async () => {
    setSaving(true);
    const result = await onSave(draft, base);
    setSaving(false);
    if (result.saved) cancel();
    else if (result.fieldError !== undefined) setError(result.fieldError);
    else {
      setError(null);
      setBase(version);
    }
  };
  const field = {
    id,
    value: draft,
    "aria-invalid": error !== null,
    "aria-describedby": error === null ? undefined : `${id}-error`,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(e.target.value),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Escape") cancel();
      if (e.key === "Enter" && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submit();
      }
    },
    autoFocus: true,
  };
  return (
    <InlineForm onSubmit={submit} className="space-y-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      {multiline ? <Textarea rows={4} {...field} /> : <Input {...field} className={inputClassName} />}
      <InlineError id={`${id}-error`} error={error} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={saving}>
          {saving ? <Loader2 className="animate-spin" aria-hidden /> : <Check aria-hidden />}
          Save {label.toLowerCase()}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={cancel}>
          <X aria-hidden /> Cancel
        </Button>
      </div>
    </InlineForm>
  );
}

export function EditableTitle({ incident, canEdit, onConflict }: EditProps) {
  const { save } = useIncidentEdit(incident, onConflict);
  return (
    <InlineEditor
      label="Title"
      canEdit={canEdit}
      initial={incident.title}
      version={incident.version}
      display={<h1 className="text-2xl font-semibold tracking-tight break-words">{incident.title}</h1>}
      onSave={(title, version) => (title.trim() === incident.title ? Promise.resolve({ saved: true }) : save({ title }, "title", version))}
    />
  );
}

export function EditableDescription({ incident, canEdit, onConflict }: EditProps) {
  const { save } = useIncidentEdit(incident, onConflict);
  const display =
    incident.description === null ? (
      canEdit ? <p className="text-muted-foreground text-sm italic">No description</p> : null
    ) : (
      <p className="text-muted-foreground whitespace-pre-wrap">{incident.description}</p>
    );
  return (
    <InlineEditor
      label="Description"
      canEdit={canEdit}
      multiline
      initial={incident.description ?? ""}
      version={incident.version}
      display={display}
      onSave={(text, version) => {
        const description = text.trim() === "" ? null : text;
        return description === incident.description ? Promise.resolve({ saved: true }) : save({ description }, "description", version);
      }}
    />
  );
}

/** What kind of incident it is (database, deploy, ...), in the org's words: empty clears it. */
export function EditableType({ incident, canEdit, onConflict }: EditProps) {
  const { save } = useIncidentEdit(incident, onConflict);
  const display =
    incident.type === null ? (
      canEdit ? <p className="text-muted-foreground text-sm italic">No type</p> : null
    ) : (
      <p className="text-sm">
        <span className="text-muted-foreground">Type:</span> {incident.type}
      </p>
    );
  return (
    <InlineEditor
      label="Type"
      canEdit={canEdit}
      initial={incident.type ?? ""}
      version={incident.version}
      inputClassName="max-w-xs"
      display={display}
      onSave={(text, version) => {
        const type = text.trim() === "" ? null : text.trim();
        return type === incident.type ? Promise.resolve({ saved: true }) : save({ type }, "type", version);
      }}
    />
  );
}

/** The severity: a badge, or for members a select that saves at once. */
export function SeverityControl({ incident, canEdit, onConflict }: EditProps) {
  const { save, pending } = useIncidentEdit(incident, onConflict);
  if (!canEdit) return <SeverityBadge severity={incident.severity} />;
  const change = async (severity: Severity) => {
    if (severity === incident.severity) return;
    const result = await save({ severity }, "severity");
    if (result.saved) toast.success(`Severity is now ${severity.toUpperCase()}: the SLA deadlines still running follow it`);
  };
  return (
    <Select value={incident.severity} onValueChange={(value) => void change(value as Severity)} disabled={pending}>
      <SelectTrigger size="sm" className="h-7 gap-1 px-1.5" aria-label={`Severity: ${incident.severity.toUpperCase()}. Change severity`}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {SEVERITIES.map((severity) => (
          <SelectItem key={severity} value={severity}>
            <SeverityBadge severity={severity} />
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
