import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useNavigate } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { showApiError } from "@/lib/api-form";
import { useSessionManager } from "@/lib/use-session";
import { AuthCard } from "./auth-card";

export const newPassword = z.string().min(8, "At least 8 characters").max(256, "At most 256 characters");

const schema = z.object({
  name: z.string().trim().min(1, "Enter your name"),
  email: z.string().trim().min(1, "Enter your email"),
  password: newPassword,
  orgName: z.string().trim().min(1, "Name your organisation"),
});

export function SignUpPage() {
  const session = useSessionManager();
  const navigate = useNavigate();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", email: "", password: "", orgName: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await session.signIn("register", values);
      await navigate({ to: "/services" });
    } catch (error) {
      showApiError(form, error, ["name", "email", "password", "orgName"]);
    }
  });
  return (
    <AuthCard
      title="Create an account"
      description="and an organisation for your team"
      footer={
        <span>
          Have an account?{" "}
          <Link to="/sign-in" className="underline underline-offset-4">
            Sign in
          </Link>
        </span>
      }
    >
      <Form {...form}>
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
          <TextField control={form.control} name="name" label="Name" autoComplete="name" autoFocus />
          <TextField control={form.control} name="email" label="Email" type="email" autoComplete="email" />
          <TextField control={form.control} name="password" label="Password" type="password" autoComplete="new-password" description="8 characters or more, not your email" />
          <TextField control={form.control} name="orgName" label="Organisation" autoComplete="organization" />
          <FormError errors={form.formState.errors} />
          <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
            Create account
          </Button>
        </form>
      </Form>
    </AuthCard>
  );
}
