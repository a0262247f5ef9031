import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { showApiError } from "@/lib/api-form";
import { roleAtLeast } from "@/lib/api-types";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useServices } from "@/lib/services";
import { useTRPCClient } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";

const schema = z.object({ name: z.string().trim().min(1, "Name the service").max(200), description: z.string().max(2000) });

function NewServiceDialog() {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useKeyedMutation(useTRPCClient().org.services.create.mutate);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", description: "" } });
  const onSubmit = form.handleSubmit(async ({ name, description }) => {
    try {
      const service = await create.mutateAsync({ name, ...(description.trim() === "" ? {} : { description }) });
      await queryClient.invalidateQueries({ queryKey: ["all-services"] });
      setOpen(false);
      form.reset();
      await navigate({ to: "/services/$serviceId", params: { serviceId: service.id } });
    } catch (error) {
      showApiError(form, error, ["name", "description"]);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> New service
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create a service</DialogTitle>
          <DialogDescription>Something that can break: an API, a job, a database. Incidents are opened against it.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
            <TextField control={form.control} name="name" label="Name" placeholder="checkout-api" />
            <TextField control={form.control} name="description" label="Description" placeholder="Takes payments" />
            <FormError errors={form.formState.errors} />
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                Create service
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

export function ServicesPage() {
  const services = useServices();
  const { org } = useSession();
  return (
    <div>
      <PageHeader title="Services" description="What your incidents are about, each with its escalation policy and alert integrations." actions={roleAtLeast(org.role, "member") && <NewServiceDialog />} />
      <QueryState query={services}>
        {(loaded) =>
          loaded.list.length === 0 ? (
            <EmptyState title="No services yet">Create one, then open incidents on it or connect your monitoring.</EmptyState>
          ) : (
            <ul className="divide-y rounded-lg border" aria-label="Services">
              {loaded.list.map((service) => (
                <li key={service.id} className="hover:bg-muted/40 flex items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <Link to="/services/$serviceId" params={{ serviceId: service.id }} className="font-medium hover:underline">
                      {service.name}
                    </Link>
                    <p className="text-muted-foreground truncate text-sm">{service.description ?? "No description"}</p>
                  </div>
                  <div className="text-muted-foreground shrink-0 text-right text-xs">
                    <p>{service.escalationPolicyId === null ? "No escalation" : "Escalates"}</p>
                    <p>
                      created <RelativeTime iso={service.createdAt} />
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
