import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { TextField } from "@/components/text-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { showApiError } from "@/lib/api-form";
import { useTRPC } from "@/lib/trpc";
import { AuthCard } from "./auth-card";
import { newPassword } from "./sign-up";

const schema = z.object({ password: newPassword });
const route = getRouteApi("/_public/reset-password");

/** The emailed link: /reset-password?token=... */
export function ResetPasswordPage() {
  const { token } = route.useSearch();
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { password: "" } });
  const onSubmit = form.handleSubmit(async ({ password }) => {
    try {
      await reset.mutateAsync({ token: token ?? "", password });
    } catch (error) {
      showApiError(form, error, ["password"]);
    }
  });
  const signIn = (
    <Link to="/sign-in" className="underline underline-offset-4">
      Sign in
    </Link>
  );
  if (token === undefined || token === "") {
    return (
      <AuthCard title="Reset your password" footer={signIn}>
        <p className="text-sm">This link has no token: open the link from the email again, or ask for a new one.</p>
        <Button asChild variant="link" className="px-0">
          <Link to="/forgot-password">Ask for a new link</Link>
        </Button>
      </AuthCard>
    );
  }
  if (reset.isSuccess) {
    return (
      <AuthCard title="Password changed" footer={signIn}>
        <Alert>
          <AlertDescription>Your new password is set, and every session of your account was signed out. Sign in with it.</AlertDescription>
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" footer={signIn}>
      <Form {...form}>
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
          <TextField control={form.control} name="password" label="New password" type="password" autoComplete="new-password" autoFocus />
          <FormError errors={form.formState.errors} />
          <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
            Set password
          </Button>
        </form>
      </Form>
    </AuthCard>
  );
}
