import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Interview } from '../../../../contracts/evaluation-interviews';
import type { RoundDetail, RoundStatus } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { RoundShell } from '../../../components/RoundShell';
import { useLocalize } from '../../../lib/format';
import { interviewKeys, useInterviews } from '../api/interviews-api';
import { DeleteInterviewModal } from '../components/DeleteInterviewModal';
import { InterviewFormModal } from '../components/InterviewFormModal';
import { InterviewTimeline } from '../components/InterviewTimeline';
import { MinutesModal } from '../components/MinutesModal';
import { PhaseDates } from '../components/PhaseDates';

/** Interviews are part of the examination: the server takes changes until grading ends. */
const INTERVIEWS_OPEN: readonly RoundStatus[] = ['draft', 'self_evaluation', 'weighting', 'grading'];

type RoundClusterRef = RoundDetail['clusters'][number];

type Dialog =
  | { kind: 'form'; interview: Interview | null; clusterKey?: string }
  | { kind: 'minutes'; interview: Interview }
  | { kind: 'delete'; interview: Interview };

/** /rounds/:key/interviews — the evaluating group's interviews of each cluster, with minutes. */
export function InterviewsPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="interviews" sectionTitle={t('evaluationSelf.interviews.title')}>
      {(round) => <InterviewSchedule round={round} />}
    </RoundShell>
  );
}

/** The target clusters this reader follows: officers all, evaluators those assigned without a conflict. */
function followedClusters(round: RoundDetail): RoundClusterRef[] {
  if (round.canManage) return round.clusters;
  if (!round.myRoles.includes('evaluator')) return [];
  const assigned = new Set(round.assignments.filter((a) => a.conflictKind === null).map((a) => a.clusterId));
  return round.clusters.filter((c) => assigned.has(c.id));
}

function InterviewSchedule({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const queryClient = useQueryClient();
  const list = useInterviews(round.key);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canSchedule = round.canManage && INTERVIEWS_OPEN.includes(round.status);
  const reload = () => void queryClient.invalidateQueries({ queryKey: interviewKeys.list(round.key) });
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <PhaseDates round={round} phase="interviews" />
            <Text size="sm" c="dimmed">
              {t('evaluationSelf.interviews.timeZone')}
            </Text>
            {round.canManage && !canSchedule ? (
              <Text size="sm" c="dimmed">
                {t('evaluationSelf.interviews.frozen')}
              </Text>
            ) : null}
          </Stack>
          {canSchedule ? (
            <Button onClick={() => setDialog({ kind: 'form', interview: null })}>
              {t('evaluationSelf.interviews.schedule')}
            </Button>
          ) : null}
        </Group>
      </Paper>

      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Waiting
            clusters={followedClusters(round).filter(
              (c) => !list.data.items.some((i) => i.cluster.key === c.key),
            )}
            canSchedule={canSchedule}
            onSchedule={(clusterKey) => setDialog({ kind: 'form', interview: null, clusterKey })}
            label={(c) => localize(c.name)}
          />
          <Paper withBorder p="md" component="section" aria-labelledby="interview-timeline-title">
            <Title order={2} size="h4" mb="sm" id="interview-timeline-title">
              {t('evaluationSelf.interviews.timeline')}
            </Title>
            {list.data.items.length === 0 ? (
              <Text c="dimmed">{t('evaluationSelf.interviews.none')}</Text>
            ) : (
              <InterviewTimeline
                round={round}
                interviews={list.data.items}
                onEdit={(interview) => setDialog({ kind: 'form', interview })}
                onMinutes={(interview) => setDialog({ kind: 'minutes', interview })}
                onDelete={(interview) => setDialog({ kind: 'delete', interview })}
              />
            )}
          </Paper>
        </>
      )}

      {dialog?.kind === 'form' ? (
        <InterviewFormModal
          round={round}
          interview={dialog.interview}
          clusterKey={dialog.clusterKey}
          onClose={close}
          onReload={reload}
        />
      ) : null}
      {dialog?.kind === 'minutes' ? (
        <MinutesModal round={round} interview={dialog.interview} onClose={close} onReload={reload} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteInterviewModal
          roundKey={round.key}
          interview={dialog.interview}
          onClose={close}
          onReload={reload}
        />
      ) : null}
    </Stack>
  );
}

/** Clusters with no interview yet, each with a quick way to schedule one for officers. */
function Waiting(props: {
  clusters: RoundClusterRef[];
  canSchedule: boolean;
  onSchedule: (clusterKey: string) => void;
  label: (cluster: RoundClusterRef) => string;
}) {
  const { clusters, canSchedule, onSchedule, label } = props;
  const { t } = useTranslation();
  if (clusters.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="interview-waiting-title">
      <Title order={2} size="h4" mb="xs" id="interview-waiting-title">
        {t('evaluationSelf.interviews.waiting', { count: clusters.length })}
      </Title>
      {canSchedule ? (
        <Group gap="xs" wrap="wrap">
          {clusters.map((c) => (
            <Button
              key={c.key}
              size="xs"
              variant="default"
              onClick={() => onSchedule(c.key)}
              aria-label={t('evaluationSelf.interviews.scheduleFor', { cluster: label(c) })}
            >
              {label(c)}
            </Button>
          ))}
        </Group>
      ) : (
        <Text size="sm">{clusters.map(label).join(t('common.listSeparator'))}</Text>
      )}
      {canSchedule ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('evaluationSelf.interviews.waitingHint')}
        </Text>
      ) : null}
    </Paper>
  );
}
