import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { WeightSetView, WeightsResponse } from '../../../../contracts/evaluation-grading';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { LoadingState } from '../../../components/LoadingState';
import { RoundShell } from '../../../components/RoundShell';
import { useFormatters } from '../../../lib/format';
import { useComputeWeightSet, useWeights } from '../api/evaluation-grading-api';
import { AdjustWeightsModal } from '../components/AdjustWeightsModal';
import { GradingErrorAlert } from '../components/GradingErrorAlert';
import { LockWeightSetModal } from '../components/LockWeightSetModal';
import { ProposalProgress } from '../components/ProposalProgress';
import { ProposalsTable } from '../components/ProposalsTable';
import { WeightProposalForm } from '../components/WeightProposalForm';
import { WeightsByVersionTable } from '../components/WeightsByVersionTable';
import { WeightSetChart } from '../components/WeightSetChart';
import { WeightSetVersionsTable } from '../components/WeightSetVersionsTable';

/** Proposals are made, and a version locked, while the round is in self-evaluation or weighting. */
const PROPOSING = new Set(['self_evaluation', 'weighting']);

/** /rounds/:key/weights — the weighting group (重み付けグループ): proposals, versions and the locked set. */
export function WeightsPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="weights" sectionTitle={t('evaluationGrading.weights.title')}>
      {(round) => <WeightsContent round={round} />}
    </RoundShell>
  );
}

function WeightsContent({ round }: { round: RoundDetail }) {
  const weights = useWeights(round.key);
  if (weights.isPending) return <LoadingState />;
  if (weights.isError)
    return <GradingErrorAlert error={weights.error} onReload={() => void weights.refetch()} />;
  return <WeightsView round={round} view={weights.data} onReload={() => void weights.refetch()} />;
}

type Dialog = { kind: 'lock'; set: WeightSetView } | { kind: 'adjust'; set: WeightSetView } | null;

function WeightsView({
  round,
  view,
  onReload,
}: {
  round: RoundDetail;
  view: WeightsResponse;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const compute = useComputeWeightSet(round.key);
  const [dialog, setDialog] = useState<Dialog>(null);
  const insider = view.canManage || round.myRoles.includes('weighting_member');
  const latest = view.sets[view.sets.length - 1] ?? null;
  const current = view.locked ?? latest;
  const open = view.locked === null;
  const canCompute = open && (view.canManage || view.isChair);
  const canAdjust = open && latest !== null && (view.canManage || view.isChair);
  const canLock = open && view.canManage && PROPOSING.has(view.round.status);
  const everyoneProposed = view.memberCount > 0 && view.proposedCount === view.memberCount;
  const reloadAfterDialog = () => {
    setDialog(null);
    onReload();
  };

  return (
    <Stack gap="xl">
      <Text c="dimmed">{t('evaluationGrading.weights.intro')}</Text>

      {view.locked ? (
        <Alert
          color="teal"
          title={t('evaluationGrading.weights.lockedTitle', { version: view.locked.version })}
        >
          {t('evaluationGrading.weights.lockedText', {
            at: f.dateTime(view.locked.lockedAt ?? view.locked.createdAt),
          })}
        </Alert>
      ) : null}

      {insider ? <ProposalProgress proposed={view.proposedCount} members={view.memberCount} /> : null}

      {view.canPropose || view.mine ? (
        <WeightProposalForm roundKey={round.key} view={view} />
      ) : round.myRoles.includes('weighting_member') && open ? (
        <Alert color="gray">{t('evaluationGrading.proposal.notOpen')}</Alert>
      ) : null}

      {view.proposals.length > 0 ? <ProposalsTable view={view} /> : null}

      {canCompute || canAdjust ? (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('evaluationGrading.manage.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('evaluationGrading.manage.intro')}
            </Text>
            {compute.isError ? <GradingErrorAlert error={compute.error} onReload={onReload} /> : null}
            {compute.isSuccess ? (
              <Alert color="teal" role="status">
                {t('evaluationGrading.manage.computed', { version: latest?.version ?? 1 })}
              </Alert>
            ) : null}
            <Group>
              {canCompute ? (
                <Button
                  onClick={() => compute.mutate(undefined)}
                  loading={compute.isPending}
                  disabled={!everyoneProposed}
                >
                  {t('evaluationGrading.manage.compute')}
                </Button>
              ) : null}
              {canAdjust ? (
                <Button variant="light" onClick={() => setDialog({ kind: 'adjust', set: latest })}>
                  {t('evaluationGrading.adjust.button', { version: latest.version })}
                </Button>
              ) : null}
            </Group>
            {canCompute && !everyoneProposed ? (
              <Text size="sm" c="orange">
                {view.memberCount === 0
                  ? t('evaluationGrading.manage.noMembers')
                  : t('evaluationGrading.manage.waiting', {
                      count: view.memberCount - view.proposedCount,
                    })}
              </Text>
            ) : null}
            {open && view.canManage && !PROPOSING.has(view.round.status) ? (
              <Text size="sm" c="orange">
                {t('evaluationGrading.lock.wrongPhase')}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ) : null}

      {view.sets.length > 0 ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('evaluationGrading.sets.title')}
          </Title>
          <WeightSetVersionsTable
            view={view}
            onLock={canLock ? (set) => setDialog({ kind: 'lock', set }) : null}
          />
        </Stack>
      ) : null}

      {current ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {view.locked
              ? t('evaluationGrading.sets.lockedSet', { version: current.version })
              : t('evaluationGrading.sets.latestSet', { version: current.version })}
          </Title>
          <WeightSetChart set={current} />
          <WeightsByVersionTable view={view} current={current} />
        </Stack>
      ) : insider ? (
        <Alert color="gray">{t('evaluationGrading.sets.none')}</Alert>
      ) : (
        <Alert color="gray">{t('evaluationGrading.weights.notVisible')}</Alert>
      )}

      {dialog?.kind === 'lock' ? (
        <LockWeightSetModal
          roundKey={round.key}
          set={dialog.set}
          onClose={() => setDialog(null)}
          onReload={reloadAfterDialog}
        />
      ) : null}
      {dialog?.kind === 'adjust' ? (
        <AdjustWeightsModal
          roundKey={round.key}
          latest={dialog.set}
          onClose={() => setDialog(null)}
          onReload={reloadAfterDialog}
        />
      ) : null}
    </Stack>
  );
}
