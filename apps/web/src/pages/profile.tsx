import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { KindCheckboxes } from "@/components/kind-checkboxes";
import { PageHeader, QueryState } from "@/components/page";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SelectField } from "@/components/select-field";
import { Form } from "@/components/ui/form";
import { SelectItem } from "@/components/ui/select";
import type { NotificationKind } from "@/lib/api-types";
import { showApiError } from "@/lib/api-form";
import { toastApiError } from "@/lib/error-toast";
import { useTRPC } from "@/lib/trpc";
import { useSession, useSessionManager } from "@/lib/use-session";
import { newPassword } from "./auth/sign-up";
import { PagingCards } from "./profile-paging";

const profileSchema = z.object({ name: z.string().trim().min(1, "Enter your name").max(200), timeZone: z.string().min(1) });

function ProfileCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const me = useQuery(trpc.auth.me.queryOptions());
  const update = useMutation(trpc.users.me.update.mutationOptions());
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const current = me.data?.user ?? user;
  const form = useForm({ resolver: zodResolver(profileSchema), defaultValues: { name: current.name, timeZone: current.timeZone } });
  useEffect(() => form.reset({ name: current.name, timeZone: current.timeZone }), [current.name, current.timeZone, form]);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      toast.success("Profile saved");
    } catch (error) {
      showApiError(form, error, ["name", "timeZone"]);
    }
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">Profile</h2>
        </CardTitle>
        <CardDescription>{current.email}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
            <TextField control={form.control} name="name" label="Name" autoComplete="name" />
            <SelectField control={form.control} name="timeZone" label="Time zone" contentClassName="max-h-72">
              {[...new Set(["UTC", ...zones])].map((zone) => (
                <SelectItem key={zone} value={zone}>
                  {zone}
                </SelectItem>
              ))}
            </SelectField>
            <FormError errors={form.formState.errors} />
            <Button type="submit" disabled={form.formState.isSubmitting}>
              Save profile
            </Button>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}

const passwordSchema = z.object({ currentPassword: z.string().min(1, "Enter your current password"), newPassword });

function PasswordCard() {
  const session = useSessionManager();
  const form = useForm({ resolver: zodResolver(passwordSchema), defaultValues: { currentPassword: "", newPassword: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await session.changePassword(values);
      form.reset();
      toast.success("Password changed: your other sessions were signed out");
    } catch (error) {
      const apiError = showApiError(form, error, ["currentPassword", "newPassword"]);
      if (apiError.code === "INVALID_CREDENTIALS") form.setError("currentPassword", { type: "server", message: apiError.message });
    }
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">Password</h2>
        </CardTitle>
        <CardDescription>Changing it signs out every other session of yours.</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
            <TextField control={form.control} name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
            <TextField control={form.control} name="newPassword" label="New password" type="password" autoComplete="new-password" />
            <FormError errors={form.formState.errors} />
            <Button type="submit" disabled={form.formState.isSubmitting}>
              Change password
            </Button>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}

function PreferencesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.users.me.notificationPreferences.get.queryOptions());
  const save = useMutation(trpc.users.me.notificationPreferences.update.mutationOptions());
  const [kinds, setKinds] = useState<NotificationKind[] | null>(null);
  const chosen = kinds ?? preferences.data?.eventKinds ?? [];
  const submit = async () => {
    try {
      const saved = await save.mutateAsync({ eventKinds: chosen });
      queryClient.setQueryData(trpc.users.me.notificationPreferences.get.queryKey(), saved);
      setKinds(null);
      toast.success("Notification preferences saved");
    } catch (error) {
      toastApiError(error);
    }
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">Notification preferences</h2>
        </CardTitle>
        <CardDescription>What escalation policies email you about.</CardDescription>
      </CardHeader>
      <CardContent>
        <QueryState query={preferences} rows={2}>
          {() =>
            (
              <fieldset className="space-y-3">
                <legend className="sr-only">Event kinds</legend>
                <KindCheckboxes value={chosen} onChange={setKinds} />
                <Button onClick={() => void submit()} disabled={save.isPending || kinds === null}>
                  Save preferences
                </Button>
              </fieldset>
            )
          }
        </QueryState>
      </CardContent>
    </Card>
  );
}

export function ProfilePage() {
  return (
    <div>
      <PageHeader title="My profile" />
      <div className="grid gap-5 lg:grid-cols-2">
        <ProfileCard />
        <PasswordCard />
        <PreferencesCard />
        <PagingCards />
      </div>
    </div>
  );
}
