import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';

interface ProblemAlertProps {
  error: unknown;
  /** What this screen says for a problem code (e.g. VERSION_CONFLICT), instead of the generic text. */
  codeMessages: Partial<Record<string, string>>;
}

/** A refused write explained in the screen's own words where it has them; the shared alert otherwise. */
export function ProblemAlert({ error, codeMessages }: ProblemAlertProps) {
  const { t } = useTranslation();
  const own = isApiError(error) ? codeMessages[error.code] : undefined;
  if (!own || !isApiError(error)) return <ErrorAlert error={error} />;
  return (
    <Alert
      color={error.status === 409 ? 'orange' : 'red'}
      variant="light"
      title={t('errors.title')}
      role="alert"
    >
      <Stack gap={4}>
        <Text size="sm">{own}</Text>
        {error.detail ? (
          <Text size="xs" c="dimmed">
            {error.detail}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
