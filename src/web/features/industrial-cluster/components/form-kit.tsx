/** What every Industrial Cluster form shares: field errors (server's and the contracts'), the refusal alert, the buttons. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AppLocale } from '../../../i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody, type ValidationResult } from '../../../lib/validation';

/** `(field) => message` for a form: the contracts' checks made before sending, then the server's answer. */
export type FieldErrorOf = (field: string) => string | undefined;

export function useFormErrors(error: unknown, local: FieldErrorMap): FieldErrorOf {
  return useFieldErrors({ ...apiFieldErrors(error), ...local });
}

/** Whether a refusal names one of the form's fields (then the field says it, not an alert). */
export function namesAField(error: unknown, fields: readonly string[]): boolean {
  const named = Object.keys(apiFieldErrors(error));
  return named.some((n) => fields.some((f) => n === f || n.startsWith(`${f}.`)));
}

/** The refusal of a write, unless the form's fields already explain it. */
export function FormProblem({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error || namesAField(error, fields)) return null;
  return <ErrorAlert error={error} />;
}

interface FormActionsProps {
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
  disabled?: boolean;
}

/** Cancel and submit, right-aligned, as in every modal of the app. */
export function FormActions({ onCancel, submitLabel, loading, disabled }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/** A number input's value as the contracts expect it: a number, or null when empty. */
export function numberOrNull(value: string | number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A body checked with the contract before it is sent, in the reader's language; `extra` holds the
 * form's own findings (empty required fields, dates in the wrong order), which come first.
 */
export function checkBody<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: AppLocale,
  extra: FieldErrorMap = {},
): ValidationResult<z.output<S>> {
  const checked = validateBody(schema, input, locale);
  const errors = { ...(checked.success ? {} : checked.errors), ...extra };
  if (checked.success && Object.keys(extra).length === 0) return checked;
  return { success: false, errors };
}

/** `required` (translated by the validation messages) for each named field that is still empty. */
export function requiredErrors(fields: Record<string, boolean>): FieldErrorMap {
  const errors: FieldErrorMap = {};
  for (const [field, isEmpty] of Object.entries(fields)) if (isEmpty) errors[field] = 'required';
  return errors;
}
