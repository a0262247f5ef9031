import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { toApiError } from "@/lib/api-error";
import type { MemberRemovalPreview } from "@/lib/api-types";
import { useTRPC } from "@/lib/trpc";

type Changes = MemberRemovalPreview["changes"];
type Blockers = MemberRemovalPreview["blockers"];

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listed = (parts: string[]) => (parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`);

/** "Removing Ada also removes them from 2 escalation policies and 1 schedule's rotations, ...": what leaving takes them out of. */
export function removalSentence(name: string, changes: Changes): string {
  const from = [
    [changes.escalationPolicies.length, "escalation policy", "escalation policies"] as const,
    [changes.schedules.filter((s) => s.layers.length > 0).length, "schedule's rotations", "schedules' rotations"] as const,
    [changes.teams.length, "team", "teams"] as const,
  ]
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => counted(n, one, many));
  const overrides = changes.schedules.reduce((sum, s) => sum + s.overrides, 0);
  const parts = [
    ...(from.length > 0 ? [`removes them from ${listed(from)}`] : []),
    ...(overrides > 0 ? [`deletes their ${counted(overrides, "schedule override")}`] : []),
    ...(changes.incidents.length > 0 ? [`unassigns them from ${counted(changes.incidents.length, "open incident")}`] : []),
    ...(changes.tasks.length > 0 ? [`unassigns their ${counted(changes.tasks.length, "open task")}`] : []),
  ];
  return parts.length === 0 ? `${name} is on no escalation policy, schedule, team, open incident or open task.` : `Removing ${name} also ${listed(parts)}.`;
}

const isBlocked = (blockers: Blockers) => blockers.escalationLevels.length + blockers.scheduleLayers.length > 0;

function BlockersList({ name, blockers }: { name: string; blockers: Blockers }) {
  return (
    <>
      <span className="block">{name} cannot be removed yet: no one else would be paged by</span>
      {/* Spans: the description is a paragraph, where a <ul> may not go. */}
      <span role="list" aria-label="What to fix first" className="block">
        {blockers.escalationLevels.map((l) => (
          <span role="listitem" key={`${l.policyId}:${l.level}`} className="block pl-4">
            level {l.level} of escalation policy {l.policyName}
          </span>
        ))}
        {blockers.scheduleLayers.map((l) => (
          <span role="listitem" key={l.layerId} className="block pl-4">
            rotation {l.layerName} of schedule {l.scheduleName}
          </span>
        ))}
      </span>
      <span className="block">Add someone else there first.</span>
    </>
  );
}

function RemovalDescription({ name, preview }: { name: string; preview: ReturnType<typeof useRemovalPreview> }) {
  if (preview.isError) return <span className="block">{toApiError(preview.error).message}</span>;
  if (preview.data === undefined) return <span className="block">Checking what {name} is part of…</span>;
  if (isBlocked(preview.data.blockers)) return <BlockersList name={name} blockers={preview.data.blockers} />;
  return (
    <>
      <span className="block">{removalSentence(name, preview.data.changes)}</span>
      <span className="block">Their access ends at their next request, and their sessions in this organisation are revoked.</span>
    </>
  );
}

function useRemovalPreview(userId: string, open: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.org.members.removal.queryOptions({ userId }), enabled: open, staleTime: 0 });
}

/** "Remove" for a member, behind a confirmation that says what the removal also changes, or what to fix first. */
export function RemoveMemberButton({ userId, name, onConfirm }: { userId: string; name: string; onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  const preview = useRemovalPreview(userId, open);
  return (
    <ConfirmButton
      label="Remove"
      ariaLabel={`Remove ${name}`}
      title={`Remove ${name}?`}
      description={
        <span className="block space-y-2">
          <RemovalDescription name={name} preview={preview} />
        </span>
      }
      onOpenChange={setOpen}
      canConfirm={preview.data !== undefined && !isBlocked(preview.data.blockers)}
      onConfirm={onConfirm}
    />
  );
}
