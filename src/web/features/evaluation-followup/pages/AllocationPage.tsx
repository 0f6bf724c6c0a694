import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { RoundShell } from '../../../components/RoundShell';
import { useFormatters } from '../../../lib/format';
import { useAllocationPlan } from '../api/allocation-api';
import { AllocationWhatIf } from '../components/AllocationWhatIf';
import { CommittedPlan } from '../components/CommittedPlan';

/** Scores exist (live) from the scoring phase, and as the published results after. */
function isScored(round: RoundDetail): boolean {
  return round.publishedAt !== null || round.status === 'scoring';
}

function AllocationSection({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const plan = useAllocationPlan(round.key);
  if (plan.isPending) return <LoadingState />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const committed = plan.data;
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('evaluationFollowup.allocation.intro', {
          fy: f.fy(round.allocationFiscalYear),
          base: f.fy(round.fiscalYear),
        })}
      </Text>
      {committed ? (
        <CommittedPlan plan={committed} />
      ) : (
        <Alert color="gray" variant="light">
          {t('evaluationFollowup.allocation.none', { fy: f.fy(round.allocationFiscalYear) })}
        </Alert>
      )}
      {!round.canManage ? null : isScored(round) ? (
        <AllocationWhatIf round={round} committed={committed} />
      ) : (
        <Alert color="gray" variant="light">
          {t('evaluationFollowup.allocation.notScored', { status: t(`roundStatus.${round.status}`) })}
        </Alert>
      )}
    </Stack>
  );
}

/** /rounds/:key/allocation — next fiscal year's subsidy from the round's scores: what-if, commit, the committed plan. */
export function AllocationPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="allocation" sectionTitle={t('roundTabs.allocation')}>
      {(round) => <AllocationSection round={round} />}
    </RoundShell>
  );
}
