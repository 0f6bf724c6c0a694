import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundStatus } from '../../../../contracts/evaluation-rounds';

/** Before, during or after the grading phase: what an evaluator can do now. */
export function phaseOf(status: RoundStatus): 'before' | 'open' | 'after' {
  if (status === 'grading') return 'open';
  return status === 'scoring' || status === 'published' || status === 'closed' ? 'after' : 'before';
}

export function PhaseNotice({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  const phase = phaseOf(status);
  return (
    <Alert color={phase === 'open' ? 'blue' : 'gray'} title={t(`evaluationGrading.phase.${phase}.title`)}>
      {t(`evaluationGrading.phase.${phase}.text`)}
    </Alert>
  );
}
