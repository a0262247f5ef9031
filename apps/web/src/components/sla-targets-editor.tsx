import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, type ReactNode } from "react";
import { useForm, useWatch, type Control } from "react-hook-form";
import { SeverityBadge } from "@/components/badges";
import { FormError } from "@/components/form-error";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { showApiError } from "@/lib/api-form";
import { SEVERITIES, type Severity, type SlaTargets } from "@/lib/api-types";
import { formatMinutes, formToTargets, slaTargetsFormSchema, targetsToForm, warnAtPercentOf, warningExample, type SlaTargetsForm } from "@/lib/sla";

const FIELDS = [
  { name: "acknowledgeWithinMinutes", label: "Acknowledge within" },
  { name: "resolveWithinMinutes", label: "Resolve within" },
] as const;

function MinutesField({ control, severity, field: { name, label } }: { control: Control<SlaTargetsForm>; severity: Severity; field: (typeof FIELDS)[number] }) {
  const value = useWatch({ control, name: `${severity}.${name}` });
  const minutes = /^\d+$/.test(value.trim()) ? Number(value) : null;
  return (
    <FormField
      control={control}
      name={`${severity}.${name}`}
      render={({ field }) => (
        <FormItem>
          <FormLabel className="sr-only">
            {severity.toUpperCase()}: {label.toLowerCase()} (minutes)
          </FormLabel>
          <div className="flex items-center gap-2">
            <FormControl>
              <Input {...field} inputMode="numeric" placeholder="no target" className="w-20" />
            </FormControl>
            <span className="text-muted-foreground text-xs">min{minutes !== null && minutes >= 60 ? ` (${formatMinutes(minutes)})` : ""}</span>
          </div>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** When every deadline warns, as the share of its time that has passed (empty: no warning). */
function WarnAtPercentField({ control }: { control: Control<SlaTargetsForm> }) {
  const percent = warnAtPercentOf(useWatch({ control, name: "warnAtPercent" }));
  return (
    <FormField
      control={control}
      name="warnAtPercent"
      render={({ field }) => (
        <FormItem>
          <FormLabel>
            Warn when this much of the time has passed<span className="sr-only"> (percent)</span>
          </FormLabel>
          <div className="flex items-center gap-2">
            <FormControl>
              <Input {...field} inputMode="numeric" placeholder="no warning" className="w-24" />
            </FormControl>
            <span className="text-muted-foreground text-xs">%</span>
          </div>
          <FormDescription>{percent === null ? `E.g. ${warningExample(75)}` : warningExample(percent)}</FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/**
 * Per severity, the minutes from the trigger within which acknowledging and resolving are due
 * (empty: no target), and when their deadlines warn. `onSave` gets the targets; a refusal is shown on its fields.
 */
export function SlaTargetsEditor({ targets, onSave, saveLabel, actions }: { targets: SlaTargets; onSave: (targets: SlaTargets) => Promise<void>; saveLabel: string; actions?: ReactNode }) {
  const form = useForm<SlaTargetsForm>({ resolver: zodResolver(slaTargetsFormSchema), defaultValues: targetsToForm(targets) });
  // Saved (here or elsewhere): the form shows what is in force.
  useEffect(() => form.reset(targetsToForm(targets)), [targets, form]);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await onSave(formToTargets(values));
    } catch (error) {
      showApiError(form, error, [...SEVERITIES.flatMap((s) => FIELDS.map((f) => `${s}.${f.name}` as const)), "warnAtPercent"]);
    }
  });
  return (
    <Form {...form}>
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">SLA targets per severity, in minutes from the trigger</caption>
            <thead className="text-muted-foreground text-left text-xs">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Severity
                </th>
                {FIELDS.map((f) => (
                  <th key={f.name} scope="col" className="py-2 pr-3 font-medium">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y">
              {SEVERITIES.map((severity) => (
                <tr key={severity}>
                  <th scope="row" className="py-2 pr-3 text-left align-top font-normal">
                    <SeverityBadge severity={severity} className="mt-2" />
                  </th>
                  {FIELDS.map((f) => (
                    <td key={f.name} className="py-2 pr-3 align-top">
                      <MinutesField control={form.control} severity={severity} field={f} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <WarnAtPercentField control={form.control} />
        <FormError errors={form.formState.errors} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {saveLabel}
          </Button>
          {actions}
        </div>
      </form>
    </Form>
  );
}
