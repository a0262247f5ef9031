import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { fieldErrorsOf, toApiError, type ApiError } from "./api-error";

/**
 * Shows an API refusal on the form: each field's message next to its field (VALIDATION_FAILED,
 * EMAIL_TAKEN ...), anything else as the form's own error (`root.server`). Returns the error.
 */
export function showApiError<T extends FieldValues>(form: UseFormReturn<T>, error: unknown, fieldNames: readonly Path<T>[]): ApiError {
  const apiError = toApiError(error);
  const fields = fieldErrorsOf(apiError);
  let placed = false;
  for (const [field, message] of Object.entries(fields)) {
    const name = fieldNames.find((candidate) => candidate === field);
    if (name !== undefined) {
      form.setError(name, { type: "server", message });
      placed = true;
    }
  }
  if (!placed) form.setError("root.server", { type: "server", message: apiError.message });
  return apiError;
}
