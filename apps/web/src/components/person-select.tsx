import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { Person } from "@/lib/api-types";
import { usePeople } from "@/lib/people";
import { cn } from "@/lib/utils";

const NOBODY = "nobody";

/**
 * Picks a member of the org (an assignee, an owner) or nobody. `current` is shown even if it is
 * no longer among the members (someone who left).
 */
export function PersonSelect({
  value,
  onChange,
  label,
  nobody,
  current,
  disabled,
  className,
}: {
  value: string | null;
  onChange: (userId: string | null) => void;
  /** The accessible name: "Assignee of Roll back". */
  label: string;
  /** What "nobody" is called: "Unassigned", "No owner". */
  nobody: string;
  current?: Person | null;
  disabled?: boolean;
  className?: string;
}) {
  const people = usePeople();
  const list = people.data?.list ?? [];
  const options = current != null && !list.some((p) => p.id === current.id) ? [current, ...list] : list;
  return (
    <Select value={value ?? NOBODY} onValueChange={(next) => onChange(next === NOBODY ? null : next)} disabled={disabled}>
      <SelectTrigger size="sm" className={cn("h-7 max-w-full min-w-0 px-2 text-xs", className)} aria-label={label}>
        <SelectValue placeholder={nobody} />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={NOBODY}>{nobody}</SelectItem>
        {options.map((person) => (
          <SelectItem key={person.id} value={person.id}>
            {person.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
