import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundDetail, RoundStatus } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useTransitionRound } from '../api/rounds-api';

/** The officer's next move from each status; publishing belongs to the scores page. */
const NEXT: Partial<Record<RoundStatus, 'self_evaluation' | 'weighting' | 'grading' | 'scoring'>> = {
  draft: 'self_evaluation',
  self_evaluation: 'weighting',
  weighting: 'grading',
  grading: 'scoring',
};

export function RoundStatusActions({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const move = useTransitionRound(round.key);
  if (!round.canManage || round.status === 'closed') return null;
  const next = NEXT[round.status];
  const go = (status: 'self_evaluation' | 'weighting' | 'grading' | 'scoring' | 'closed') =>
    move.mutate({ status, version: round.version });
  return (
    <Stack gap="xs">
      <Group>
        {next ? (
          <Button loading={move.isPending} onClick={() => go(next)}>
            {t(`evaluationRounds.actions.${next}`)}
          </Button>
        ) : null}
        {round.status === 'scoring' ? (
          <Button
            variant="outline"
            loading={move.isPending}
            onClick={() => window.confirm(t('evaluationRounds.actions.reopenConfirm')) && go('grading')}
          >
            {t('evaluationRounds.actions.reopenGrading')}
          </Button>
        ) : null}
        <Button
          variant="outline"
          color="red"
          loading={move.isPending}
          onClick={() => window.confirm(t('evaluationRounds.actions.closeConfirm')) && go('closed')}
        >
          {t('evaluationRounds.actions.closed')}
        </Button>
      </Group>
      {next ? (
        <Text size="sm" c="dimmed">
          {t(`evaluationRounds.actions.${next}Help`)}
        </Text>
      ) : null}
      {move.isError ? <ErrorAlert error={move.error} /> : null}
    </Stack>
  );
}
