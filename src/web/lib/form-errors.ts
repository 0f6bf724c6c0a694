/** Field errors from the server (problem+json `errors[]`) or from the shared zod contracts, keyed by field path. */
import type { z } from 'zod';
import { isApiError, type FieldError } from './api-client';

export type FieldErrorMap = Record<string, string>;

/** `body.name.en` → message; the first message per field wins. */
export function toFieldErrorMap(errors: readonly FieldError[]): FieldErrorMap {
  const map: FieldErrorMap = {};
  for (const error of errors) {
    if (!(error.field in map)) map[error.field] = error.message;
  }
  return map;
}

/** The field errors an API error carries (none for other errors). */
export function apiFieldErrors(error: unknown): FieldErrorMap {
  return isApiError(error) ? toFieldErrorMap(error.fieldErrors) : {};
}

/** zod issues as field errors named the way the server names them (`body.` + the issue path). */
export function zodFieldErrors(error: z.ZodError, prefix = 'body'): FieldErrorMap {
  return toFieldErrorMap(
    error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.message,
    })),
  );
}

/** The message for a field: exact match first, then anything nested under it. */
export function fieldMessage(errors: FieldErrorMap, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${field}.`));
  return nested ? errors[nested] : undefined;
}
