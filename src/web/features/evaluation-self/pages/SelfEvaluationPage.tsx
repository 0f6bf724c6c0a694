import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { ACCESS_ERROR_CODES, AccessErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { RoundShell } from '../../../components/RoundShell';
import { roundPath } from '../../../lib/rounds';
import { useSelfEvaluation } from '../api/self-evaluations-api';
import { SelfEvaluationEditor } from '../components/SelfEvaluationEditor';

/** /rounds/:key/self-evaluations/:clusterKey — one cluster's self-evaluation report. */
export function SelfEvaluationPage() {
  const { key = '', clusterKey = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="self-evaluations" sectionTitle={t('evaluationSelf.report.title')}>
      {(round) => <Report round={round} clusterKey={clusterKey} />}
    </RoundShell>
  );
}

function Report({ round, clusterKey }: { round: RoundDetail; clusterKey: string }) {
  const { t } = useTranslation();
  const query = useSelfEvaluation(round.key, clusterKey);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`${roundPath(round.key)}/self-evaluations`} size="sm">
        ← {t('evaluationSelf.report.backToList')}
      </Anchor>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <AccessErrorAlert
          error={query.error}
          title={t('evaluationSelf.report.denied.title')}
          messages={Object.fromEntries(
            ACCESS_ERROR_CODES.map((code) => [code, t(`evaluationSelf.report.denied.${code}`)]),
          )}
          onRetry={() => void query.refetch()}
        />
      ) : (
        // A new key per report: moving to another cluster starts a fresh draft, never carries text over.
        <SelfEvaluationEditor
          key={`${round.key}/${clusterKey}`}
          round={round}
          report={query.data}
          onReload={async () => (await query.refetch()).data}
        />
      )}
    </Stack>
  );
}
