import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { BackLink } from "@/components/back-link";
import { ConfirmButton, DeleteButton } from "@/components/confirm-button";
import { LoadingRows, PageHeader, QueryState, ReadError } from "@/components/page";
import { Section } from "@/components/section";
import { Button } from "@/components/ui/button";
import { SelectBox } from "@/components/select-box";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { act } from "@/lib/act";
import type { Team, TeamMember, TeamRole } from "@/lib/api-types";
import { useMembers } from "@/lib/people";
import { useManagesTeam } from "@/lib/teams";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { TeamDialog } from "./team-dialog";

const route = getRouteApi("/_app/teams/$teamId");
const TEAM_ROLES: { value: TeamRole; label: string }[] = [
  { value: "member", label: "Member" },
  { value: "manager", label: "Manager" },
];

function RoleSelect({ value, label, onChange, disabled }: { value: TeamRole; label: string; onChange: (role: TeamRole) => void; disabled?: boolean }) {
  return <SelectBox label={label} value={value} options={TEAM_ROLES} onChange={onChange} className="w-32" {...(disabled === undefined ? {} : { disabled })} />;
}

/** Adds one of the organisation's members to the team (admins: only they read the member list). */
function AddMember({ team, present }: { team: Team; present: Set<string> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useMembers();
  const set = useMutation(trpc.org.teams.members.set.mutationOptions());
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<TeamRole>("member");
  const candidates = (members.data?.list ?? []).filter((m) => !present.has(m.user.id));
  const add = async () => {
    if (await act(() => set.mutateAsync({ teamId: team.id, userId, role }), "Added to the team")) setUserId("");
    await queryClient.invalidateQueries({ queryKey: trpc.org.teams.pathKey() });
  };
  if (candidates.length === 0) return <p className="text-muted-foreground text-sm">Everyone in the organisation is on this team.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SelectBox label="Person to add" className="w-56" placeholder="Choose a person" value={userId} options={candidates.map((m) => ({ value: m.user.id, label: m.user.name }))} onChange={setUserId} />
      <RoleSelect value={role} label="Their role on the team" onChange={setRole} />
      <Button variant="outline" disabled={userId === "" || set.isPending} onClick={() => void add()}>
        <UserPlus aria-hidden /> Add to team
      </Button>
    </div>
  );
}

function MemberRows({ team, members, manages }: { team: Team; members: TeamMember[]; manages: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const set = useMutation(trpc.org.teams.members.set.mutationOptions());
  const remove = useMutation(trpc.org.teams.members.remove.mutationOptions());
  const change = async (work: () => Promise<unknown>, done: string) => {
    await act(work, done);
    await queryClient.invalidateQueries({ queryKey: trpc.org.teams.pathKey() });
  };
  return (
    <Table aria-label="Team members">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Role</TableHead>
          {manages && (
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => (
          <TableRow key={m.user.id}>
            <TableCell className="font-medium">{m.user.name}</TableCell>
            <TableCell>
              {manages ? (
                <RoleSelect value={m.role} label={`${m.user.name}'s role`} disabled={set.isPending} onChange={(role) => void change(() => set.mutateAsync({ teamId: team.id, userId: m.user.id, role }), `${m.user.name} is now a ${role}`)} />
              ) : (
                <span className="capitalize">{m.role}</span>
              )}
            </TableCell>
            {manages && (
              <TableCell className="text-right">
                <ConfirmButton
                  label="Remove"
                  ariaLabel={`Remove ${m.user.name} from the team`}
                  title={`Remove ${m.user.name} from ${team.name}?`}
                  description="They stay in the organisation and on any schedule naming them."
                  onConfirm={() => void change(() => remove.mutateAsync({ teamId: team.id, userId: m.user.id }), `${m.user.name} removed`)}
                />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function TeamPage() {
  const { teamId } = route.useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { org } = useSession();
  const team = useQuery(trpc.org.teams.get.queryOptions({ teamId }));
  const members = useQuery(trpc.org.teams.members.list.queryOptions({ teamId }));
  const schedules = useQuery(trpc.org.schedules.list.queryOptions({ teamId, limit: 100 }));
  const manages = useManagesTeam(teamId);
  const remove = useMutation(trpc.org.teams.delete.mutationOptions());
  if (team.isPending) return <LoadingRows />;
  if (team.isError) return <ReadError error={team.error} what="team" />;
  const current = team.data;
  const isAdmin = org.role === "admin";
  const onDelete = async () => {
    if (await act(() => remove.mutateAsync({ teamId }), `${current.name} deleted`)) {
      await queryClient.invalidateQueries({ queryKey: trpc.org.teams.pathKey() });
      await navigate({ to: "/teams" });
    }
  };
  return (
    <div className="space-y-5">
      <BackLink to="/teams">Teams</BackLink>
      <PageHeader
        title={current.name}
        {...(current.description === null ? {} : { description: current.description })}
        actions={
          isAdmin && (
            <>
              <TeamDialog team={current} />
              <DeleteButton name={current.name} description="Its services, escalation policies and schedules stay, owned by no team." onConfirm={() => void onDelete()} />
            </>
          )
        }
      />
      <Section title="People" className="space-y-4">
          <QueryState query={members} rows={2}>
            {(loaded) =>
              loaded.items.length === 0 ? (
                <p className="text-muted-foreground text-sm">Nobody yet.</p>
              ) : (
                <MemberRows team={current} members={loaded.items} manages={manages} />
              )
            }
          </QueryState>
          {isAdmin && members.data !== undefined && <AddMember team={current} present={new Set(members.data.items.map((m) => m.user.id))} />}
        </Section>
      <Section title="Schedules">
          <QueryState query={schedules} rows={2}>
            {(loaded) =>
              loaded.items.length === 0 ? (
                <p className="text-muted-foreground text-sm">No schedule of this team.</p>
              ) : (
                <ul className="list-disc space-y-1 pl-5 text-sm" aria-label="Team schedules">
                  {loaded.items.map((s) => (
                    <li key={s.id}>
                      <Link to="/schedules/$scheduleId" params={{ scheduleId: s.id }} className="hover:underline">
                        {s.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </Section>
    </div>
  );
}
