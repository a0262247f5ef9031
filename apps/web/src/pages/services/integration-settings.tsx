import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { SelectItem } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { showApiError } from "@/lib/api-form";
import type { RouterInputs, RouterOutputs } from "@/lib/api-types";
import { useTRPC } from "@/lib/trpc";

/** An integration key as the list returns it (the settings this form edits). */
export type IntegrationSettingsView = RouterOutputs["integrations"]["list"]["items"][number];

/** A ready webhook mapping (GET /v1/org/integrations/webhook-mapping-presets). */
export type MappingPreset = RouterOutputs["integrations"]["mappingPresets"]["items"][number];

type SettingsChange = Omit<RouterInputs["integrations"]["update"], "serviceId" | "integrationId">;
type Mapping = NonNullable<SettingsChange["mapping"]>;

const isJsonObject = (text: string) => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
};

const schema = z
  .object({
    grouping: z.enum(["group", "alert"]),
    signingSecret: z.string().refine((value) => value === "" || (value.length >= 16 && value.length <= 256), "16 to 256 characters, or empty to keep it"),
    mappingPreset: z.string(),
    customMapping: z.string(),
  })
  .refine((values) => values.mappingPreset !== "custom" || isJsonObject(values.customMapping), {
    path: ["customMapping"],
    message: "A JSON object: { \"title\": \"/title\", \"dedupKey\": \"/id\", ... }",
  });
type SettingsValues = z.infer<typeof schema>;

/** The preset the stored mapping is (compared as JSON), "custom" for another, "none" without one. */
function presetOf(mapping: Mapping | null, presets: readonly MappingPreset[]): string {
  if (mapping === null) return "none";
  return presets.find((preset) => JSON.stringify(preset.mapping) === JSON.stringify(mapping))?.id ?? "custom";
}

/** The mapping the form asks for: null (none), a preset's, or the custom JSON. */
function mappingOf(values: SettingsValues, presets: readonly MappingPreset[]): Mapping | null {
  if (values.mappingPreset === "none") return null;
  // The API checks it (400 naming the field).
  if (values.mappingPreset === "custom") return JSON.parse(values.customMapping) as Mapping;
  return presets.find((preset) => preset.id === values.mappingPreset)?.mapping ?? null;
}

/** A routing key's settings: Alertmanager/Grafana grouping, Grafana signing secret (write-only), webhook mapping. */
export function IntegrationSettingsForm({ serviceId, integration, presets }: { serviceId: string; integration: IntegrationSettingsView; presets: readonly MappingPreset[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.integrations.update.mutationOptions());
  const form = useForm<SettingsValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      grouping: integration.grouping,
      signingSecret: "",
      mappingPreset: presetOf(integration.mapping, presets),
      customMapping: integration.mapping === null ? "" : JSON.stringify(integration.mapping, null, 2),
    },
  });
  const preset = useWatch({ control: form.control, name: "mappingPreset" });
  const save = async (settings: SettingsChange) => {
    try {
      await update.mutateAsync({ serviceId, integrationId: integration.id, ...settings });
      await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ serviceId }) });
      form.resetField("signingSecret");
      toast.success(`Saved the settings of ${integration.name}`);
    } catch (error) {
      showApiError(form, error, ["grouping", "signingSecret", "customMapping"]);
    }
  };
  const onSubmit = form.handleSubmit(async (values) => {
    await save({
      grouping: values.grouping,
      ...(values.signingSecret === "" ? {} : { signingSecret: values.signingSecret }),
      mapping: mappingOf(values, presets),
    });
  });
  return (
    <Form {...form}>
      <form onSubmit={(e) => void onSubmit(e)} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={`Settings of ${integration.name}`}>
        <SelectField control={form.control} name="grouping" label="Alertmanager and Grafana grouping">
          <SelectItem value="group">One incident per group</SelectItem>
          <SelectItem value="alert">One incident per alert</SelectItem>
        </SelectField>
        <TextField
          control={form.control}
          name="signingSecret"
          label="Grafana signing secret"
          type="password"
          autoComplete="new-password"
          placeholder={integration.signingSecretSet ? "Set: type a new one to replace it" : "Not set"}
          description="The contact point's HMAC secret. Never shown again."
        />
        <SelectField control={form.control} name="mappingPreset" label="Webhook mapping">
          <SelectItem value="none">None (the webhook refuses payloads)</SelectItem>
          {presets.map((item) => (
            <SelectItem key={item.id} value={item.id}>
              {item.name}
            </SelectItem>
          ))}
          <SelectItem value="custom">Custom JSON</SelectItem>
        </SelectField>
        {preset === "custom" && (
          <FormField
            control={form.control}
            name="customMapping"
            render={({ field }) => (
              <FormItem className="sm:col-span-2">
                <FormLabel>Custom mapping (JSON Pointers)</FormLabel>
                <FormControl>
                  <Textarea rows={6} className="font-mono text-xs" {...field} />
                </FormControl>
                <FormDescription>dedupKey, title, severity {"{ pointer, values, default }"}, action {"{ pointer, trigger, resolve, acknowledge }"}</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        )}
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save settings
          </Button>
          {integration.signingSecretSet && (
            <Button type="button" variant="outline" onClick={() => void save({ signingSecret: null })}>
              Remove signing secret
            </Button>
          )}
        </div>
        <div className="sm:col-span-2">
          <FormError errors={form.formState.errors} />
        </div>
      </form>
    </Form>
  );
}
