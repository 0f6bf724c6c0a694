import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundDetail, RoundPhaseKey, RoundStatus } from '../../../../contracts/evaluation-rounds';
import { ROUND_PHASES } from '../../../../contracts/evaluation-rounds';
import { useFormatters } from '../../../lib/format';

/** The phase a status is in (interviews run alongside grading); past phases are drawn as done. */
const CURRENT_PHASE: Record<RoundStatus, number> = {
  draft: -1,
  self_evaluation: ROUND_PHASES.indexOf('self_evaluation'),
  weighting: ROUND_PHASES.indexOf('weighting'),
  grading: ROUND_PHASES.indexOf('grading'),
  scoring: ROUND_PHASES.indexOf('scoring'),
  published: ROUND_PHASES.indexOf('announcement'),
  closed: ROUND_PHASES.length,
};

export function PhaseTimeline({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const byPhase = new Map(round.phases.map((p) => [p.phase, p]));
  const current = CURRENT_PHASE[round.status];
  const dates = (phase: RoundPhaseKey) => {
    const p = byPhase.get(phase);
    if (!p) return t('evaluationRounds.phases.noDates');
    return p.from === p.to ? f.date(p.from) : `${f.date(p.from)} – ${f.date(p.to)}`;
  };
  return (
    <Timeline
      active={current}
      bulletSize={18}
      lineWidth={2}
      aria-label={t('evaluationRounds.overview.phases')}
    >
      {ROUND_PHASES.map((phase, i) => (
        <Timeline.Item
          key={phase}
          title={
            <Text fw={i === current ? 700 : 500} size="sm">
              {t(`evaluationRounds.phase.${phase}`)}
              {i === current ? ` · ${t('evaluationRounds.phases.now')}` : ''}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {dates(phase)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
