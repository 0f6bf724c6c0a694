import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { LoadingState } from '../../../components/LoadingState';
import { RoundShell } from '../../../components/RoundShell';
import { ACCESS_ERROR_CODES, AccessErrorAlert, accessErrorCode } from '../../../components/ErrorAlert';
import { useLocalize } from '../../../lib/format';
import { roundPath } from '../../../lib/rounds';
import { useGrading, useWeights } from '../api/evaluation-grading-api';
import { GradingErrorAlert } from '../components/GradingErrorAlert';
import { GradingForm } from '../components/GradingForm';
import { OthersGradesTable } from '../components/OthersGradesTable';
import { phaseOf } from '../components/PhaseNotice';

/** /rounds/:key/grading/:clusterKey — one evaluator's S/A/B/C grades and comments for one cluster. */
export function GradingFormPage() {
  const { key = '', clusterKey = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="grading" sectionTitle={t('evaluationGrading.form.title')}>
      {(round) => <GradingFormContent round={round} clusterKey={clusterKey} />}
    </RoundShell>
  );
}

function GradingFormContent({ round, clusterKey }: { round: RoundDetail; clusterKey: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const grading = useGrading(round.key, clusterKey);
  // The locked set, where the reader may see it (officers, weighting members, after publication).
  const weights = useWeights(round.key);
  const base = roundPath(round.key);
  // Back to where the reader came from: evaluators to their clusters, officers to the progress
  // board (the same page, their view of it), anyone else to the round.
  const evaluator = round.myRoles.includes('evaluator');
  const back = (
    <Anchor component={Link} to={evaluator || round.canManage ? `${base}/grading` : base} size="sm">
      {t(
        evaluator
          ? 'evaluationGrading.form.back'
          : round.canManage
            ? 'evaluationGrading.form.backToProgress'
            : 'evaluationGrading.form.backToOverview',
      )}
    </Anchor>
  );
  if (grading.isPending) return <LoadingState />;
  if (grading.isError) {
    return (
      <Stack gap="sm">
        {back}
        {accessErrorCode(grading.error) !== null ? (
          <AccessErrorAlert
            error={grading.error}
            title={t('evaluationGrading.form.denied.title')}
            messages={Object.fromEntries(
              ACCESS_ERROR_CODES.map((code) => [code, t(`evaluationGrading.form.denied.${code}`)]),
            )}
          />
        ) : (
          <GradingErrorAlert error={grading.error} onReload={() => void grading.refetch()} />
        )}
      </Stack>
    );
  }
  const view = grading.data;
  const locked = weights.data?.locked ?? null;
  const phase = phaseOf(round.status);
  const reportPath = `${base}/self-evaluations/${encodeURIComponent(view.cluster.key)}`;
  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{localize(view.cluster.name)}</Title>
          <Group gap="xs">
            <Badge color={view.submittedAt ? 'teal' : 'blue'} variant="light">
              {t(view.submittedAt ? 'evaluationGrading.state.submitted' : 'evaluationGrading.form.draft')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('evaluationGrading.form.scale', {
                scale: view.scale.map((s) => `${s.grade} = ${s.points}`).join(' / '),
              })}
            </Text>
          </Group>
        </Stack>
        <Anchor href={reportPath} target="_blank" rel="noopener">
          {t('evaluationGrading.form.readReport')}
        </Anchor>
      </Group>
      {!view.canEdit && !view.submittedAt ? (
        <Alert color="gray">{t(`evaluationGrading.form.closed.${phase}`)}</Alert>
      ) : null}
      <GradingForm
        roundKey={round.key}
        view={view}
        weights={locked ? new Map(locked.weights.map((w) => [w.item, w.shown])) : null}
        weightsVersion={locked?.version ?? null}
        onReload={() => void grading.refetch()}
      />
      {view.others.length > 0 ? <OthersGradesTable view={view} /> : null}
      {view.submittedAt && view.others.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(phase === 'after' ? 'evaluationGrading.others.none' : 'evaluationGrading.others.later')}
        </Text>
      ) : null}
    </Stack>
  );
}
