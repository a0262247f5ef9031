import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { SelectField } from "@/components/select-field";
import { SelectItem } from "@/components/ui/select";
import { SEVERITIES, type Severity } from "@/lib/api-types";

/** The field's value for "every severity" (no minimum). */
export const EVERY_SEVERITY = "any";

/** The minimum severity a field's value names: null for EVERY_SEVERITY. */
export const minSeverityOf = (value: string): Severity | null => (value === EVERY_SEVERITY ? null : (value as Severity));

/** A select of a minimum severity (SEV3 and more severe, ...), or every severity, bound to a form field. */
export function MinSeverityField<T extends FieldValues>({ control, name, label }: { control: Control<T>; name: FieldPath<T>; label: string }) {
  return (
    <SelectField control={control} name={name} label={label}>
      <SelectItem value={EVERY_SEVERITY}>Every severity</SelectItem>
      {SEVERITIES.slice(0, 3).map((severity) => (
        <SelectItem key={severity} value={severity}>
          {severity.toUpperCase()} and more severe
        </SelectItem>
      ))}
    </SelectField>
  );
}
