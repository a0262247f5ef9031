import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { ConfirmButton } from "@/components/confirm-button";
import { DialogFormEnd } from "@/components/form-error";
import { EmptyState, ErrorAlert, LoadingRows, QueryState } from "@/components/page";
import { Section } from "@/components/section";
import { SecretDialog, useSecretDialog } from "@/components/secret-dialog";
import { SecretOnce } from "@/components/secret-once";
import { SelectField } from "@/components/select-field";
import { TextField } from "@/components/text-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { act } from "@/lib/act";
import { showApiError } from "@/lib/api-form";
import type { ContactMethod, ContactMethodType, NotificationRule } from "@/lib/api-types";
import { useTRPC } from "@/lib/trpc";

// How a person is paged: their contact methods, the rules that page them through those, and
// the reminder before each of their on-call shifts.

const TYPE_LABEL: Record<ContactMethodType, string> = { email: "Email", slack: "Slack", webhook: "Webhook", sms: "SMS", voice: "Voice call" };
const TYPES = Object.keys(TYPE_LABEL) as ContactMethodType[];
const ADDRESS_HINT: Record<ContactMethodType, string> = {
  email: "you@example.com",
  slack: "https://hooks.slack.com/services/…",
  webhook: "https://example.com/hooks/paging",
  sms: "+14155550100",
  voice: "+14155550100",
};

const contactMethodForm = z.object({
  type: z.enum(TYPES as [ContactMethodType, ...ContactMethodType[]]),
  name: z.string().trim().min(1, "Name it, e.g. Work phone").max(100),
  address: z.string().trim().min(1, "Enter where to reach you").max(2000),
});

function useContactMethods() {
  const trpc = useTRPC();
  return useQuery(trpc.users.me.contactMethods.list.queryOptions());
}

function AddContactMethodDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.users.me.contactMethods.create.mutationOptions());
  const defaults = { type: "email" as ContactMethodType, name: "", address: "" };
  const form = useForm({ resolver: zodResolver(contactMethodForm), defaultValues: defaults });
  const dialog = useSecretDialog(() => form.reset(defaults));
  const type = form.watch("type");
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.users.me.contactMethods.pathKey() });
      if (created.secret === undefined) {
        dialog.onOpenChange(false);
        toast.success(`${created.name} added: add a notification rule to be paged through it`);
      } else dialog.show(created.secret);
    } catch (error) {
      showApiError(form, error, ["type", "name", "address"]);
    }
  });
  return (
    <SecretDialog
      state={dialog}
      trigger={
        <Button size="sm">
          <Plus aria-hidden /> Add contact method
        </Button>
      }
      title="Add a contact method"
      description="Where you can be paged. SMS and voice calls work only where the deployment has a phone provider."
      result={(secret) => <SecretOnce label="Signing secret" value={secret} />}
    >
      <Form {...form}>
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
          <SelectField control={form.control} name="type" label="Type">
            {TYPES.map((t) => (
              <SelectItem key={t} value={t}>
                {TYPE_LABEL[t]}
              </SelectItem>
            ))}
          </SelectField>
          <TextField control={form.control} name="name" label="Name" placeholder="Work phone" />
          <TextField control={form.control} name="address" label={type === "sms" || type === "voice" ? "Phone number" : type === "email" ? "Email address" : "URL"} placeholder={ADDRESS_HINT[type]} />
          <DialogFormEnd state={form.formState} label="Add" />
        </form>
      </Form>
    </SecretDialog>
  );
}

function ContactMethodsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const methods = useContactMethods();
  const remove = useMutation(trpc.users.me.contactMethods.delete.mutationOptions());
  const deleteMethod = (method: ContactMethod) =>
    void act(async () => {
      await remove.mutateAsync({ contactMethodId: method.id });
      await queryClient.invalidateQueries({ queryKey: trpc.users.me.pathKey() });
    }, `${method.name} deleted`);
  return (
    <Section title="Contact methods" description="Where pages reach you." className="space-y-3">
        <QueryState query={methods} rows={2}>
          {(loaded) =>
            loaded.items.length === 0 ? (
              <EmptyState title="No contact methods">Add one to be paged.</EmptyState>
            ) : (
              <ul className="divide-y" aria-label="Contact methods">
                {loaded.items.map((method) => (
                  <li key={method.id} className="flex items-center gap-2 py-2 text-sm">
                    <Badge variant="secondary">{TYPE_LABEL[method.type]}</Badge>
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{method.name}</span>
                      <span className="text-muted-foreground block truncate text-xs">{method.address}</span>
                    </span>
                    {!method.isAccountEmail && (
                      <ConfirmButton
                        label={<Trash2 aria-hidden />}
                        ariaLabel={`Delete ${method.name}`}
                        confirmLabel="Delete"
                        title={`Delete ${method.name}?`}
                        description="The notification rules that use it are deleted with it."
                        onConfirm={() => deleteMethod(method)}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
        <AddContactMethodDialog />
    </Section>
  );
}

const MAX_DELAY = 1440;

function NotificationRulesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const methods = useContactMethods();
  const rules = useQuery(trpc.users.me.notificationRules.get.queryOptions());
  const save = useMutation(trpc.users.me.notificationRules.update.mutationOptions());
  const [draft, setDraft] = useState<NotificationRule[] | null>(null);
  const shown = draft ?? rules.data?.rules ?? [];
  const methodList = methods.data?.items ?? [];
  const nameOf = (id: string) => methodList.find((m) => m.id === id)?.name ?? "a deleted contact method";
  const change = (i: number, rule: NotificationRule) => setDraft(shown.map((r, j) => (j === i ? rule : r)));
  const submit = () =>
    act(async () => {
      queryClient.setQueryData(trpc.users.me.notificationRules.get.queryKey(), await save.mutateAsync({ rules: shown }));
      setDraft(null);
    }, "Notification rules saved");
  return (
    <Section title="Notification rules" description="When a page reaches you: each rule sends to a contact method after its delay, unless the incident was acknowledged by then." className="space-y-3">
        {rules.isPending || methods.isPending ? (
          <LoadingRows rows={2} />
        ) : rules.isError ? (
          <ErrorAlert error={rules.error} />
        ) : (
          <>
            <ol className="space-y-2" aria-label="Notification rules">
              {shown.map((rule, i) => (
                <li key={i} className="flex flex-wrap items-end gap-2">
                  <div className="min-w-40 flex-1 space-y-1">
                    <Label className="text-xs" id={`rule-${i}-method`}>
                      Rule {i + 1}: contact method
                    </Label>
                    <Select value={rule.contactMethodId} onValueChange={(contactMethodId) => change(i, { ...rule, contactMethodId })}>
                      <SelectTrigger className="w-full" aria-labelledby={`rule-${i}-method`}>
                        <SelectValue>{nameOf(rule.contactMethodId)}</SelectValue>
                      </SelectTrigger>
                      <SelectContent>
                        {methodList.map((m) => (
                          <SelectItem key={m.id} value={m.id}>
                            {m.name} ({TYPE_LABEL[m.type]})
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  </div>
                  <div className="w-28 space-y-1">
                    <Label className="text-xs" htmlFor={`rule-${i}-delay`}>
                      After (minutes)
                    </Label>
                    <Input
                      id={`rule-${i}-delay`}
                      type="number"
                      min={0}
                      max={MAX_DELAY}
                      value={rule.delayMinutes}
                      onChange={(e) => change(i, { ...rule, delayMinutes: Math.max(0, Math.min(MAX_DELAY, Math.trunc(Number(e.target.value)) || 0)) })}
                    />
                  </div>
                  <Button variant="outline" size="icon" aria-label={`Remove rule ${i + 1}`} onClick={() => setDraft(shown.filter((_, j) => j !== i))}>
                    <Trash2 aria-hidden />
                  </Button>
                </li>
              ))}
            </ol>
            {shown.length === 0 && <p className="text-muted-foreground text-sm">No rules: you are never paged. Keep at least one.</p>}
            <div className="flex flex-wrap gap-2">
              <Button
                variant="outline"
                size="sm"
                disabled={methodList.length === 0}
                onClick={() => {
                  const first = methodList[0];
                  if (first !== undefined) setDraft([...shown, { contactMethodId: first.id, delayMinutes: (shown.at(-1)?.delayMinutes ?? -5) + 5 }]);
                }}
              >
                <Plus aria-hidden /> Add rule
              </Button>
              <Button size="sm" onClick={() => void submit()} disabled={save.isPending || draft === null}>
                Save rules
              </Button>
            </div>
          </>
        )}
    </Section>
  );
}

function HandoffReminderCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const update = useMutation(trpc.users.me.update.mutationOptions());
  const current = me.data?.user.handoffReminderMinutes ?? null;
  const [value, setValue] = useState("");
  useEffect(() => setValue(current === null ? "" : String(current)), [current]);
  const submit = async () => {
    const minutes = value.trim() === "" ? null : Number(value);
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)) {
      toast.error("Give whole minutes from 1 to 1440, or leave it empty for no reminder");
      return;
    }
    await act(async () => {
      await update.mutateAsync({ handoffReminderMinutes: minutes });
      await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
    }, minutes === null ? "Shift reminders turned off" : `You will be reminded ${minutes} minutes before each shift`);
  };
  return (
    <Section title="Shift reminders" description="A reminder before each of your on-call shifts. Leave it empty for none.">
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="w-48 space-y-1">
            <Label htmlFor="handoff-minutes">Minutes before a shift</Label>
            <Input id="handoff-minutes" type="number" min={1} max={1440} value={value} onChange={(e) => setValue(e.target.value)} />
          </div>
          <Button type="submit" disabled={update.isPending}>
            Save reminder
          </Button>
        </form>
    </Section>
  );
}

/** The profile's paging cards. */
export function PagingCards() {
  return (
    <>
      <ContactMethodsCard />
      <NotificationRulesCard />
      <HandoffReminderCard />
    </>
  );
}
