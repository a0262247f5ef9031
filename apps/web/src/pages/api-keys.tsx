import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { EmptyState, ErrorAlert, LoadingRows, PageHeader } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { SecretOnce } from "@/components/secret-once";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toApiError } from "@/lib/api-error";
import { showApiError } from "@/lib/api-form";
import { useTRPC } from "@/lib/trpc";

const schema = z.object({ name: z.string().trim().min(1, "Name the key after its use").max(200), scope: z.enum(["read", "write"]), expiresOn: z.string() });

function NewKeyDialog({ onCreated }: { onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const trpc = useTRPC();
  const create = useMutation(trpc.org.apiKeys.create.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", scope: "read" as const, expiresOn: "" } });
  const onSubmit = form.handleSubmit(async ({ name, scope, expiresOn }) => {
    try {
      const created = await create.mutateAsync({ name, scope, ...(expiresOn === "" ? {} : { expiresAt: new Date(`${expiresOn}T00:00:00`).toISOString() }) });
      setSecret(created.secret);
      onCreated();
    } catch (error) {
      const apiError = showApiError(form, error, ["name", "scope"]);
      if (apiError.details.fields !== undefined && "expiresAt" in (apiError.details.fields as object)) form.setError("expiresOn", { type: "server", message: "must be in the future" });
    }
  });
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setSecret(null);
      form.reset();
    }
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogTrigger asChild>
        <Button>
          <KeyRound aria-hidden /> New API key
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New API key</DialogTitle>
          <DialogDescription>For scripts and services: send it as Authorization: Bearer &lt;key&gt;.</DialogDescription>
        </DialogHeader>
        {secret !== null ? (
          <div className="space-y-4">
            <SecretOnce label="API key" value={secret} />
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <Form {...form}>
            <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
              <TextField control={form.control} name="name" label="Name" placeholder="grafana sync" />
              <FormField
                control={form.control}
                name="scope"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Scope</FormLabel>
                    <Select value={field.value} onValueChange={field.onChange}>
                      <FormControl>
                        <SelectTrigger className="w-full">
                          <SelectValue />
                        </SelectTrigger>
                      </FormControl>
                      <SelectContent>
                        <SelectItem value="read">Read: queries only</SelectItem>
                        <SelectItem value="write">Write: what a member may do</SelectItem>
                      </SelectContent>
                    </Select>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <TextField control={form.control} name="expiresOn" label="Expires on (optional)" type="date" />
              <FormError errors={form.formState.errors} />
              <DialogFooter>
                <Button type="submit" disabled={form.formState.isSubmitting}>
                  Create key
                </Button>
              </DialogFooter>
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
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
      {keys.isPending ? (
        <LoadingRows />
      ) : keys.isError ? (
        <ErrorAlert error={keys.error} />
      ) : items.length === 0 ? (
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
                      .catch((error: unknown) => toast.error(toApiError(error).message))
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {keys.hasNextPage && (
        <Button variant="outline" className="mt-3" onClick={() => void keys.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}
