import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useServices } from "@/lib/services";
import { useTeams } from "@/lib/teams";
import { cn } from "@/lib/utils";

const ALL = "all";

/** A filter by service: one of the org's, or all of them (`undefined`). */
export function ServiceFilter({ value, onChange, className }: { value: string | undefined; onChange: (serviceId: string | undefined) => void; className?: string }) {
  const services = useServices();
  return (
    <Select value={value ?? ALL} onValueChange={(next) => onChange(next === ALL ? undefined : next)}>
      <SelectTrigger className={cn("w-48", className)} aria-label="Service">
        <SelectValue placeholder="Service" />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>All services</SelectItem>
        {services.data?.list.map((service) => (
          <SelectItem key={service.id} value={service.id}>
            {service.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** A filter by team (the incidents of the services it owns): one of the org's, or all (`undefined`). */
export function TeamFilter({ value, onChange, className }: { value: string | undefined; onChange: (teamId: string | undefined) => void; className?: string }) {
  const teams = useTeams();
  return (
    <Select value={value ?? ALL} onValueChange={(next) => onChange(next === ALL ? undefined : next)}>
      <SelectTrigger className={cn("w-44", className)} aria-label="Team">
        <SelectValue placeholder="Team" />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>All teams</SelectItem>
        {teams.data?.items.map((team) => (
          <SelectItem key={team.id} value={team.id}>
            {team.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
