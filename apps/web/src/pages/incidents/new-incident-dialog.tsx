import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SelectField } from "@/components/select-field";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { SelectItem } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { showApiError } from "@/lib/api-form";
import { SEVERITIES } from "@/lib/api-types";
import { useKeyedWrite } from "@/lib/idempotency-keys";
import { useServices } from "@/lib/services";
import { useTRPCClient } from "@/lib/trpc";

const schema = z.object({
  serviceId: z.string().min(1, "Choose a service"),
  title: z.string().trim().min(1, "Say what is wrong").max(300),
  severity: z.enum(SEVERITIES),
  description: z.string().max(10_000),
  type: z.string().trim().max(100),
});

export function NewIncidentDialog({ serviceId }: { serviceId?: string }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const services = useServices();
  // Sent again after an answer that never came, the same incident is answered, not a second one opened.
  const openIncident = useKeyedWrite(useTRPCClient().incidents.create.mutate);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { serviceId: serviceId ?? "", title: "", severity: "sev3" as const, description: "", type: "" } });
  const onSubmit = form.handleSubmit(async ({ description, type, ...values }) => {
    try {
      const input = { ...values, ...(description.trim() === "" ? {} : { description }), ...(type === "" ? {} : { type }) };
      const incident = await openIncident(input);
      setOpen(false);
      form.reset();
      await navigate({ to: "/incidents/$incidentId", params: { incidentId: incident.id } });
    } catch (error) {
      showApiError(form, error, ["serviceId", "title", "severity", "description", "type"]);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> New incident
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Open an incident</DialogTitle>
          <DialogDescription>The service's escalation policy pages its people at once.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
            <SelectField control={form.control} name="serviceId" label="Service" placeholder={services.data?.list.length === 0 ? "Create a service first" : "Choose a service"}>
              {services.data?.list.map((service) => (
                <SelectItem key={service.id} value={service.id}>
                  {service.name}
                </SelectItem>
              ))}
            </SelectField>
            <TextField control={form.control} name="title" label="Title" placeholder="Checkout returns 502" />
            <SelectField control={form.control} name="severity" label="Severity">
              {SEVERITIES.map((severity) => (
                <SelectItem key={severity} value={severity}>
                  {severity.toUpperCase()}
                  {severity === "sev1" ? " (most severe)" : ""}
                </SelectItem>
              ))}
            </SelectField>
            <TextField control={form.control} name="type" label="Type (optional)" placeholder="database, deploy, network…" />
            <FormField
              control={form.control}
              name="description"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Description</FormLabel>
                  <FormControl>
                    <Textarea rows={3} {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormError errors={form.formState.errors} />
            <DialogFooter>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                Open incident
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
