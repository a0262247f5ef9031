import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { SecretDialog, useSecretDialog } from "@/components/secret-dialog";
import { SecretOnce } from "@/components/secret-once";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { SelectField } from "@/components/select-field";
import { Form } from "@/components/ui/form";
import { SelectItem } from "@/components/ui/select";
import { showApiError } from "@/lib/api-form";
import { toastApiError } from "@/lib/error-toast";
import { useTRPC } from "@/lib/trpc";

const schema = z.object({ name: z.string().trim().min(1, "Name the key after its use").max(200), scope: z.enum(["read", "write"]), expiresOn: z.string() });

function NewKeyDialog({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.org.apiKeys.create.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", scope: "read" as const, expiresOn: "" } });
  const dialog = useSecretDialog(() => form.reset());
  const onSubmit = form.handleSubmit(async ({ name, scope, expiresOn }) => {
    try {
      const created = await create.mutateAsync({ name, scope, ...(expiresOn === "" ? {} : { expiresAt: new Date(`${expiresOn}T00:00:00`).toISOString() }) });
      dialog.show(created.secret);
      onCreated();
    } catch (error) {
      const apiError = showApiError(form, error, ["name", "scope"]);
      if (apiError.details.fields !== undefined && "expiresAt" in (apiError.details.fields as object)) form.setError("expiresOn", { type: "server", message: "must be in the future" });
    }
  });
  return (
    <SecretDialog
      state={dialog}
      trigger={
        <Button>
          <KeyRound aria-hidden /> New API key
        </Button>
      }
      title="New API key"
      description="For scripts and services: send it as Authorization: Bearer <key>."
      result={(secret) => <SecretOnce label="API key" value={secret} />}
    >
          <Form {...form}>
            <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
              <TextField control={form.control} name="name" label="Name" placeholder="grafana sync" />
              <SelectField control={form.control} name="scope" label="Scope">
                <SelectItem value="read">Read: queries only</SelectItem>
                <SelectItem value="write">Write: what a member may do</SelectItem>
              </SelectField>
              <TextField control={form.control} name="expiresOn" label="Expires on (optional)" type="date" />
              <FormError errors={form.formState.errors} />
              <DialogFooter>
                <Button type="submit" disabled={form.formState.isSubmitting}>
                  Create key
                </Button>
              </DialogFooter>
            </form>
          </Form>
    </SecretDialog>
  );
}

export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useInfiniteQuery(trpc.org.apiKeys.list.infiniteQueryOptions({ limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const revoke = useMutation(trpc.org.apiKeys.revoke.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.org.apiKeys.pathKey() });
  const items = keys.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <PageHeader title="API keys" description="Machine access to this organisation. A key is shown once, when it is created." actions={<NewKeyDialog onCreated={() => void refresh()} />} />
      <QueryState query={keys}>
        {() =>
          items.length === 0 ? (
            <EmptyState title="No API key yet" />
          ) : (
            <ul className="divide-y rounded-lg border" aria-label="API keys">
              {items.map((key) => (
                <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {key.name} <span className="text-muted-foreground font-mono text-xs">{key.prefix}…</span>
                    </p>
                    <p className="text-muted-foreground text-xs">
                      {key.scope} · {key.status}
                      {key.lastUsedAt !== null && (
                        <>
                          {" "}
                          · used <RelativeTime iso={key.lastUsedAt} />
                        </>
                      )}
                      {key.expiresAt !== null && (
                        <>
                          {" "}
                          · expires <RelativeTime iso={key.expiresAt} />
                        </>
                      )}
                    </p>
                  </div>
                  {key.status === "active" && (
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke ${key.name}`}
                      title={`Revoke ${key.name}?`}
                      description="Calls with this key are refused from now on."
                      onConfirm={() =>
                        void revoke
                          .mutateAsync({ keyId: key.id })
                          .then(refresh)
                          .catch((error: unknown) => toastApiError(error))
                      }
                    />
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {keys.hasNextPage && (
        <Button variant="outline" className="mt-3" onClick={() => void keys.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}
