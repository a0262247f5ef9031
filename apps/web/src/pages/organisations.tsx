import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Check } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { PageHeader, QueryState } from "@/components/page";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { showApiError } from "@/lib/api-form";
import { toastApiError } from "@/lib/error-toast";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { useSession, useSessionManager } from "@/lib/use-session";

const schema = z.object({ name: z.string().trim().min(1, "Name it").max(200) });

/** Your organisations: switch to one, or create another. */
export function OrganisationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const manager = useSessionManager();
  const { org } = useSession();
  const navigate = useNavigate();
  const orgs = useInfiniteQuery(trpc.orgs.list.infiniteQueryOptions({ limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const create = useKeyedMutation(useTRPCClient().orgs.create.mutate);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "" } });
  const switchTo = async (orgId: string) => {
    try {
      await manager.switchOrg(orgId);
      await navigate({ to: "/incidents" });
    } catch (error) {
      toastApiError(error);
    }
  };
  const onSubmit = form.handleSubmit(async ({ name }) => {
    try {
      await create.mutateAsync({ name });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: trpc.orgs.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
    } catch (error) {
      showApiError(form, error, ["name"]);
    }
  });
  const items = orgs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-5">
      <PageHeader title="Organisations" description="Switching moves this session to another organisation; everything you see is that organisation's." />
      <QueryState query={orgs} rows={3}>
        {() =>
          (
            <ul className="divide-y rounded-lg border" aria-label="Your organisations">
              {items.map((membership) => (
                <li key={membership.id} className="flex items-center justify-between gap-3 px-4 py-3">
                  <div>
                    <p className="font-medium">{membership.name}</p>
                    <p className="text-muted-foreground text-sm capitalize">{membership.role}</p>
                  </div>
                  {membership.id === org.id ? (
                    <span className="text-muted-foreground inline-flex items-center gap-1 text-sm">
                      <Check className="size-4" aria-hidden /> Current
                    </span>
                  ) : (
                    <Button variant="outline" size="sm" onClick={() => void switchTo(membership.id)} aria-label={`Switch to ${membership.name}`}>
                      Switch
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <Card className="max-w-md">
        <CardHeader>
          <CardTitle>
            <h2 className="text-base">Create an organisation</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <Form {...form}>
            <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
              <TextField control={form.control} name="name" label="Organisation name" />
              <FormError errors={form.formState.errors} />
              <Button type="submit" disabled={form.formState.isSubmitting}>
                Create organisation
              </Button>
            </form>
          </Form>
        </CardContent>
      </Card>
    </div>
  );
}
