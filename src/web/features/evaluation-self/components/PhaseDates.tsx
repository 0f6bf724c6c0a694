import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { useFormatters } from '../../../lib/format';
import { daysLeft, findPhase } from './round-phases';

interface PhaseDatesProps {
  round: RoundDetail;
  phase: 'self_evaluation' | 'interviews';
  /** Say how long is left: only while the phase's work is open. */
  countdown?: boolean;
}

/** A phase's planned dates from the round, and for a deadline the days left in Japan time. */
export function PhaseDates({ round, phase, countdown = false }: PhaseDatesProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const dates = findPhase(round, phase);
  const label = t(`evaluationSelf.phase.labels.${phase}`);
  if (!dates)
    return (
      <Text size="sm">
        {label}
        {t('common.colon')}
        <Text span c="dimmed" inherit>
          {t('evaluationSelf.phase.notSet')}
        </Text>
      </Text>
    );
  const left = countdown ? daysLeft(dates, Date.now()) : undefined;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">
        {label}
        {t('common.colon')}
        {t('evaluationSelf.phase.window', { from: f.date(dates.from), to: f.date(dates.to) })}
      </Text>
      {phase === 'self_evaluation' ? (
        <Text size="sm" fw={600}>
          {t('evaluationSelf.phase.deadline', { date: f.date(dates.to) })}
        </Text>
      ) : null}
      {left === null ? (
        <Text size="sm" c="red.8" fw={600}>
          {t('evaluationSelf.phase.passed')}
        </Text>
      ) : left === 0 ? (
        <Text size="sm" c="orange.8" fw={600}>
          {t('evaluationSelf.phase.dueToday')}
        </Text>
      ) : left !== undefined ? (
        <Text size="sm" c={left <= 7 ? 'orange.8' : undefined} fw={600}>
          {t('evaluationSelf.phase.daysLeft', { count: left })}
        </Text>
      ) : null}
    </Group>
  );
}
