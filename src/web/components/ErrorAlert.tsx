import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { KNOWN_VALIDATION_MESSAGES } from '../lib/validation';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** Explains a failed request in the UI language, with the server's detail and request id for support. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = useErrorMessage()(error);
  const requestId = isApiError(error) ? error.requestId : null;
  const detail = isApiError(error) && error.detail && error.detail !== message ? error.detail : null;
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {detail ? (
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        ) : null}
        {requestId ? (
          <Text size="xs" c="dimmed">
            {t('errors.requestId', { id: requestId })}
          </Text>
        ) : null}
        {onRetry ? (
          <Group>
            <Button size="xs" variant="outline" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** The UI's own message for an error code (falls back to a generic one). */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error)) {
      // A field message the UI knows says more than the code does (e.g. "already granted").
      const knownFieldMessages = error.fieldErrors
        .map((e) => KNOWN_VALIDATION_MESSAGES[e.message])
        .filter((id): id is string => id !== undefined)
        .map((id) => String(t(`validation.${id}` as never, { defaultValue: '' })))
        .filter((text) => text !== '');
      if (knownFieldMessages.length > 0) return knownFieldMessages.join(' ');
      const key = `errors.codes.${error.code}`;
      const known = t(key as never, { defaultValue: '' });
      if (typeof known === 'string' && known) return known;
      if (error.status >= 500) return t('errors.server');
      return error.detail || error.title || t('errors.generic');
    }
    return t('errors.generic');
  };
}

/** Refusals that say "not for you" or "not now": the page explains them in its own words. */
export const ACCESS_ERROR_CODES = [
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'WRONG_PHASE',
  'CONFLICT_OF_INTEREST',
] as const;
export type AccessErrorCode = (typeof ACCESS_ERROR_CODES)[number];

/** The access code of a refusal, or null for any other failure. */
export function accessErrorCode(error: unknown): AccessErrorCode | null {
  if (!isApiError(error)) return null;
  return ACCESS_ERROR_CODES.find((code) => code === error.code) ?? null;
}

interface AccessErrorAlertProps {
  error: unknown;
  /** The page's own explanation per code, in the UI language; a code left out gets the shared one. */
  messages: Partial<Record<AccessErrorCode, string>>;
  title?: string;
  onRetry?: () => void;
}

/**
 * A page the reader may not (or not yet) open: a translated explanation of why, without the server's
 * English detail or a request id (nothing went wrong that support would need to trace). Any other
 * failure is shown by ErrorAlert.
 */
export function AccessErrorAlert({ error, messages, title, onRetry }: AccessErrorAlertProps) {
  const { t } = useTranslation();
  const code = accessErrorCode(error);
  if (code === null) return <ErrorAlert error={error} title={title} onRetry={onRetry} />;
  return (
    <Alert color="yellow" variant="light" title={title ?? t('errors.title')} role="alert">
      <Text size="sm">{messages[code] ?? t(`errors.codes.${code}`)}</Text>
    </Alert>
  );
}
