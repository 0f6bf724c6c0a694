/** Client-side validation with the same zod contracts the server uses, with messages in the UI language. */
import type { z } from 'zod';
import enLocale from 'zod/v4/locales/en.js';
import jaLocale from 'zod/v4/locales/ja.js';
import type { AppLocale } from '../i18n';
import { zodFieldErrors, type FieldErrorMap } from './form-errors';

const errorMaps = { ja: jaLocale().localeError, en: enLocale().localeError } as const;

export type ValidationResult<T> = { success: true; data: T } | { success: false; errors: FieldErrorMap };

/** Parses a request body before sending it; errors are keyed `body.<path>` like the server's. */
export function validateBody<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: AppLocale,
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(input, { error: errorMaps[locale] });
  if (result.success) return { success: true, data: result.data };
  return { success: false, errors: zodFieldErrors(result.error) };
}

/** Messages written in the contracts (English) that the UI translates; others are shown as the server wrote them. */
export const KNOWN_VALIDATION_MESSAGES: Record<string, string> = {
  'at least 12 characters': 'passwordTooShort',
  'give the name in Japanese or English': 'nameRequired',
  'lower-case letters, digits and hyphens, 2–40 characters': 'clusterKeyFormat',
  'a JIS prefecture code 01–47': 'prefectureCode',
  'from must not be after to': 'fromAfterTo',
  'wrong password': 'wrongPassword',
  'must not be before startFy': 'endBeforeStart',
  'must not be before fromFy': 'endBeforeStart',
  'already in use': 'alreadyInUse',
  'already granted': 'alreadyGranted',
  'duplicate prefecture': 'duplicatePrefecture',
  'cannot disable yourself': 'cannotDisableSelf',
  'your own administrator grant': 'ownAdministratorGrant',
  required: 'required',
};
