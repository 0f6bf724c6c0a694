import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';

/** The refusals of this feature's rules, each explained in the UI language (the shared table lacks them). */
const EXPLAINED = [
  'WRONG_PHASE',
  'SUBMISSION_LOCKED',
  'CONFLICT_OF_INTEREST',
  'WEIGHTS_NOT_LOCKED',
  'VERSION_CONFLICT',
  'RULE_VIOLATION',
] as const;
type ExplainedCode = (typeof EXPLAINED)[number];

function explainedCode(error: unknown): ExplainedCode | null {
  if (!isApiError(error)) return null;
  return EXPLAINED.find((code) => code === error.code) ?? null;
}

interface Props {
  error: unknown;
  /** Offered when the page's data is stale (another tab or person moved on). */
  onReload?: () => void;
}

/**
 * A failed weighting or grading request: what the rule means and what to do, the server's own
 * detail under it; anything else goes to the shared alert.
 */
export function GradingErrorAlert({ error, onReload }: Props) {
  const { t } = useTranslation();
  const code = explainedCode(error);
  if (code === null || !isApiError(error)) return <ErrorAlert error={error} onRetry={onReload} />;
  return (
    <Alert color="red" variant="light" role="alert" title={t(`evaluationGrading.errors.${code}.title`)}>
      <Stack gap="xs">
        <Text size="sm">{t(`evaluationGrading.errors.${code}.text`)}</Text>
        {error.detail ? (
          <Text size="sm" c="dimmed">
            {error.detail}
          </Text>
        ) : null}
        {onReload ? (
          <Group>
            <Button size="xs" variant="outline" color="red" onClick={onReload}>
              {t('common.reload')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
