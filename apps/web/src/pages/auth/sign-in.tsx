import { zodResolver } from "@hookform/resolvers/zod";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { TextField } from "@/components/text-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { showApiError } from "@/lib/api-form";
import { useSessionManager } from "@/lib/use-session";
import { safeRedirect } from "@/lib/redirect";
import { AuthCard } from "./auth-card";

const schema = z.object({ email: z.string().trim().min(1, "Enter your email"), password: z.string().min(1, "Enter your password") });

const route = getRouteApi("/_public/sign-in");

export function SignInPage() {
  const { redirect } = route.useSearch();
  const session = useSessionManager();
  const navigate = useNavigate();
  const state = session.getState();
  const expired = state.status === "signed-out" && state.reason === "expired";
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { email: "", password: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await session.signIn("login", values);
      await navigate({ href: safeRedirect(redirect) });
    } catch (error) {
      showApiError(form, error, ["email", "password"]);
    }
  });
  return (
    <AuthCard
      title="Sign in"
      description="to IncidentOps"
      footer={
        <>
          <Link to="/forgot-password" className="underline underline-offset-4">
            Forgot your password?
          </Link>
          <span>
            New here?{" "}
            <Link to="/sign-up" className="underline underline-offset-4">
              Create an account
            </Link>
          </span>
        </>
      }
    >
      {expired && (
        <Alert className="mb-4">
          <AlertDescription>Your session has ended: sign in again to carry on.</AlertDescription>
        </Alert>
      )}
      <Form {...form}>
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
          <TextField control={form.control} name="email" label="Email" type="email" autoComplete="email" autoFocus />
          <TextField control={form.control} name="password" label="Password" type="password" autoComplete="current-password" />
          <FormError errors={form.formState.errors} />
          <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
            Sign in
          </Button>
        </form>
      </Form>
    </AuthCard>
  );
}
