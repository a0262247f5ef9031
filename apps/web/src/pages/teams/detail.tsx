import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, UserPlus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/confirm-button";
import { NotFound } from "@/components/not-found";
import { ErrorAlert, LoadingRows, PageHeader } from "@/components/page";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toApiError } from "@/lib/api-error";
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
  return (
    <Select value={value} onValueChange={(next) => onChange(next === "manager" ? "manager" : "member")} disabled={disabled}>
      <SelectTrigger className="w-32" aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {TEAM_ROLES.map((role) => (
          <SelectItem key={role.value} value={role.value}>
            {role.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
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
    try {
      await set.mutateAsync({ teamId: team.id, userId, role });
      await queryClient.invalidateQueries({ queryKey: trpc.org.teams.pathKey() });
      setUserId("");
      toast.success("Added to the team");
    } catch (error) {
      toast.error(toApiError(error).message);
    }
  };
  if (candidates.length === 0) return <p className="text-muted-foreground text-sm">Everyone in the organisation is on this team.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select value={userId} onValueChange={setUserId}>
        <SelectTrigger className="w-56" aria-label="Person to add">
          <SelectValue placeholder="Choose a person" />
        </SelectTrigger>
        <SelectContent>
          {candidates.map((m) => (
            <SelectItem key={m.user.id} value={m.user.id}>
              {m.user.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
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
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: trpc.org.teams.pathKey() });
      toast.success(done);
    } catch (error) {
      toast.error(toApiError(error).message);
    }
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
                <RoleSelect value={m.role} label={`${m.user.name}'s role`} disabled={set.isPending} onChange={(role) => void act(() => set.mutateAsync({ teamId: team.id, userId: m.user.id, role }), `${m.user.name} is now a ${role}`)} />
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
                  onConfirm={() => void act(() => remove.mutateAsync({ teamId: team.id, userId: m.user.id }), `${m.user.name} removed`)}
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
  if (team.isError) {
    const code = toApiError(team.error).code;
    return code === "NOT_FOUND" || code === "VALIDATION_FAILED" ? <NotFound what="team" /> : <ErrorAlert error={team.error} />;
  }
  const current = team.data;
  const isAdmin = org.role === "admin";
  const onDelete = async () => {
    try {
      await remove.mutateAsync({ teamId });
      await queryClient.invalidateQueries({ queryKey: trpc.org.teams.pathKey() });
      toast.success(`${current.name} deleted`);
      await navigate({ to: "/teams" });
    } catch (error) {
      toast.error(toApiError(error).message);
    }
  };
  return (
    <div className="space-y-5">
      <Link to="/teams" className="text-muted-foreground inline-flex items-center gap-1 text-sm hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> Teams
      </Link>
      <PageHeader
        title={current.name}
        {...(current.description === null ? {} : { description: current.description })}
        actions={
          isAdmin && (
            <>
              <TeamDialog team={current} />
              <ConfirmButton
                label="Delete"
                size="default"
                ariaLabel={`Delete ${current.name}`}
                title={`Delete ${current.name}?`}
                description="Its services, escalation policies and schedules stay, owned by no team."
                onConfirm={() => void onDelete()}
              />
            </>
          )
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-base">People</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {members.isPending ? (
            <LoadingRows rows={2} />
          ) : members.isError ? (
            <ErrorAlert error={members.error} />
          ) : members.data.items.length === 0 ? (
            <p className="text-muted-foreground text-sm">Nobody yet.</p>
          ) : (
            <MemberRows team={current} members={members.data.items} manages={manages} />
          )}
          {isAdmin && members.data !== undefined && <AddMember team={current} present={new Set(members.data.items.map((m) => m.user.id))} />}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-base">Schedules</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {schedules.isPending ? (
            <LoadingRows rows={2} />
          ) : schedules.isError ? (
            <ErrorAlert error={schedules.error} />
          ) : schedules.data.items.length === 0 ? (
            <p className="text-muted-foreground text-sm">No schedule of this team.</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm" aria-label="Team schedules">
              {schedules.data.items.map((s) => (
                <li key={s.id}>
                  <Link to="/schedules/$scheduleId" params={{ scheduleId: s.id }} className="hover:underline">
                    {s.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
