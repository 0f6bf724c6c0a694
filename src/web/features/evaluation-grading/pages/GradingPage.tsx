import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { RoundShell } from '../../../components/RoundShell';
import { GradingProgressBoard } from '../components/GradingProgressBoard';
import { MyGradingsList } from '../components/MyGradingsList';
import { PhaseNotice } from '../components/PhaseNotice';

/**
 * /rounds/:key/grading — the evaluating group (評価グループ): an evaluator's clusters with links to
 * their forms; for officers, every pair's progress.
 */
export function GradingPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="grading" sectionTitle={t('evaluationGrading.grading.title')}>
      {(round) => <GradingContent round={round} />}
    </RoundShell>
  );
}

function GradingContent({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const evaluator = round.myRoles.includes('evaluator');
  return (
    <Stack gap="xl">
      <PhaseNotice status={round.status} />
      {round.canManage ? <GradingProgressBoard round={round} /> : null}
      {evaluator ? <MyGradingsList round={round} /> : null}
      {!evaluator && !round.canManage ? (
        <Alert color="gray">{t('evaluationGrading.grading.notEvaluator')}</Alert>
      ) : null}
    </Stack>
  );
}
