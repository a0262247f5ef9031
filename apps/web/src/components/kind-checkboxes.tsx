import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import type { NotificationKind } from "@/lib/api-types";
import { NOTIFICATION_KIND_LABEL, NOTIFICATION_KINDS } from "@/lib/notification-kinds";

/** A checkbox per notification kind; `value` the chosen ones (kept in the pickers' order). */
export function KindCheckboxes({ value, onChange }: { value: readonly NotificationKind[]; onChange: (kinds: NotificationKind[]) => void }) {
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {NOTIFICATION_KINDS.map((kind) => (
        <Label key={kind} className="font-normal">
          <Checkbox
            checked={value.includes(kind)}
            onCheckedChange={(on) => onChange(NOTIFICATION_KINDS.filter((k) => (k === kind ? on === true : value.includes(k))))}
          />
          {NOTIFICATION_KIND_LABEL[kind]}
        </Label>
      ))}
    </div>
  );
}
