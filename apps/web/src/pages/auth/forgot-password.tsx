import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { MailCheck } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { showApiError } from "@/lib/api-form";
import { useTRPC } from "@/lib/trpc";
import { AuthCard } from "./auth-card";

const schema = z.object({ email: z.string().trim().min(1, "Enter your email") });

export function ForgotPasswordPage() {
  const trpc = useTRPC();
  const forgot = useMutation(trpc.auth.forgotPassword.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { email: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await forgot.mutateAsync(values);
    } catch (error) {
      showApiError(form, error, ["email"]);
    }
  });
  const back = (
    <Link to="/sign-in" className="underline underline-offset-4">
      Back to sign in
    </Link>
  );
  if (forgot.isSuccess) {
    return (
      <AuthCard title="Check your email" footer={back}>
        <p className="flex gap-2 text-sm" role="status">
          <MailCheck className="size-5 shrink-0" aria-hidden />
          If an account uses {form.getValues("email")}, a link to choose a new password is on its way. It works once, for an hour.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password?" description="We will email you a link to choose a new one." footer={back}>
      <Form {...form}>
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
          <TextField control={form.control} name="email" label="Email" type="email" autoComplete="email" autoFocus />
          <FormError errors={form.formState.errors} />
          <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
            Send reset link
          </Button>
        </form>
      </Form>
    </AuthCard>
  );
}
