import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { PageHeader, QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { SecretDialog, useSecretDialog } from "@/components/secret-dialog";
import { SecretOnce } from "@/components/secret-once";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DialogFooter } from "@/components/ui/dialog";
import { SelectField } from "@/components/select-field";
import { Form } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { showApiError } from "@/lib/api-form";
import { ROLES, type Role } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { useMembers } from "@/lib/people";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { RemoveMemberButton } from "./member-removal";

const ROLE_HELP: Record<Role, string> = { viewer: "reads everything", member: "also opens and works incidents", admin: "also manages the organisation" };

function RoleSelect({ value, onChange, label }: { value: Role; onChange: (role: Role) => void; label: string }) {
  return (
    <Select value={value} onValueChange={(role) => onChange(role as Role)}>
      <SelectTrigger className="w-32" aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {ROLES.map((role) => (
          <SelectItem key={role} value={role} className="capitalize">
            {role}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

const inviteSchema = z.object({ email: z.string().trim().min(1, "Enter an email"), role: z.enum(ROLES) });

function InviteDialog({ onInvited }: { onInvited: () => void }) {
  const trpc = useTRPC();
  const invite = useMutation(trpc.org.invitations.create.mutationOptions());
  const form = useForm({ resolver: zodResolver(inviteSchema), defaultValues: { email: "", role: "member" as const } });
  const dialog = useSecretDialog(() => form.reset());
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const created = await invite.mutateAsync(values);
      dialog.show(`${window.location.origin}/accept-invitation?token=${encodeURIComponent(created.token)}`);
      onInvited();
    } catch (error) {
      showApiError(form, error, ["email", "role"]);
    }
  });
  return (
    <SecretDialog
      state={dialog}
      trigger={
        <Button>
          <UserPlus aria-hidden /> Invite
        </Button>
      }
      title="Invite someone"
      description="They get an email with a link, valid for 7 days."
      result={(link) => (
        <>
          <p className="text-sm" role="status">
            Invitation sent to {form.getValues("email")}.
          </p>
          <SecretOnce label="Invitation link" value={link} />
        </>
      )}
    >
          <Form {...form}>
            <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
              <TextField control={form.control} name="email" label="Email" type="email" />
              <SelectField control={form.control} name="role" label="Role">
                {ROLES.map((role) => (
                  <SelectItem key={role} value={role}>
                    <span className="capitalize">{role}</span> <span className="text-muted-foreground">({ROLE_HELP[role]})</span>
                  </SelectItem>
                ))}
              </SelectField>
              <FormError errors={form.formState.errors} />
              <DialogFooter>
                <Button type="submit" disabled={form.formState.isSubmitting}>
                  Send invitation
                </Button>
              </DialogFooter>
            </form>
          </Form>
    </SecretDialog>
  );
}

export function MembersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const members = useMembers();
  const invitations = useInfiniteQuery(trpc.org.invitations.list.infiniteQueryOptions({ status: "pending", limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const updateRole = useMutation(trpc.org.members.update.mutationOptions());
  const remove = useMutation(trpc.org.members.remove.mutationOptions());
  const revoke = useMutation(trpc.org.invitations.revoke.mutationOptions());
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      toast.success(done);
    } catch (error) {
      toastApiError(error);
    }
    await queryClient.invalidateQueries({ queryKey: ["all-members"] });
    await queryClient.invalidateQueries({ queryKey: trpc.org.invitations.pathKey() });
  };
  const pending = invitations.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-5">
      <PageHeader title="Members" description="Who is in the organisation, and what they may do." actions={<InviteDialog onInvited={() => void queryClient.invalidateQueries({ queryKey: trpc.org.invitations.pathKey() })} />} />
      <QueryState query={members}>
        {(loaded) =>
          (
            <ul className="divide-y rounded-lg border" aria-label="Members">
              {loaded.list.map((member) => (
                <li key={member.user.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {member.user.name}
                      {member.user.id === user.id && <span className="text-muted-foreground font-normal"> (you)</span>}
                    </p>
                    <p className="text-muted-foreground truncate text-sm">{member.user.email}</p>
                  </div>
                  <div className="flex items-center gap-2">
                    <RoleSelect
                      value={member.role}
                      label={`Role of ${member.user.name}`}
                      onChange={(role) => void act(() => updateRole.mutateAsync({ userId: member.user.id, role }), `${member.user.name} is now ${role}`)}
                    />
                    <RemoveMemberButton
                      userId={member.user.id}
                      name={member.user.name}
                      onConfirm={() => void act(() => remove.mutateAsync({ userId: member.user.id }), `${member.user.name} was removed`)}
                    />
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-base">Pending invitations</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {pending.length === 0 ? (
            <p className="text-muted-foreground text-sm">None.</p>
          ) : (
            <ul className="divide-y" aria-label="Pending invitations">
              {pending.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <p className="text-sm">{invitation.email}</p>
                    <p className="text-muted-foreground text-xs">
                      <span className="capitalize">{invitation.role}</span> · expires <RelativeTime iso={invitation.expiresAt} />
                    </p>
                  </div>
                  <ConfirmButton
                    label="Revoke"
                    ariaLabel={`Revoke the invitation of ${invitation.email}`}
                    title="Revoke this invitation?"
                    description="Its link stops working."
                    onConfirm={() => void act(() => revoke.mutateAsync({ invitationId: invitation.id }), "Invitation revoked")}
                  />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
