import { Alert, Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GradingProgressResponse } from '../../../../contracts/evaluation-grading';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { useFormatters, useLocalize } from '../../../lib/format';
import { roundPath } from '../../../lib/rounds';
import { useGradingProgress } from '../api/evaluation-grading-api';
import { GRADING_STATE_COLOR, type GradingState, gradingState } from './grading-status';
import { scrollRegion } from '../../../lib/scroll-region';
import { phaseOf } from './PhaseNotice';

type Pair = GradingProgressResponse['pairs'][number];

const STATES: GradingState[] = ['submitted', 'in_progress', 'not_started', 'conflict'];

/**
 * The officers' board: every evaluator × cluster pair's progress (counts, never grades), with
 * totals per cluster, per evaluator and for the round.
 */
export function GradingProgressBoard({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const progress = useGradingProgress(round.key);
  if (progress.isPending) return <LoadingState />;
  if (progress.isError) return <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('evaluationGrading.board.title')}
      </Title>
      {progress.data.pairs.length === 0 ? (
        <Alert color="gray">
          {t('evaluationGrading.board.empty')}{' '}
          <Anchor component={Link} to={`${roundPath(round.key)}/members`}>
            {t('evaluationGrading.board.assign')}
          </Anchor>
        </Alert>
      ) : (
        <ProgressMatrix round={round} progress={progress.data} />
      )}
    </Stack>
  );
}

function ProgressMatrix({ round, progress }: { round: RoundDetail; progress: GradingProgressResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const evaluators = [...new Map(progress.pairs.map((p) => [p.evaluatorId, p.evaluator])).entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const byPair = new Map(progress.pairs.map((p) => [`${p.clusterId}:${p.evaluatorId}`, p]));
  const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<GradingState, number>;
  for (const p of progress.pairs) counts[gradingState(p)] += 1;
  const gradable = progress.pairs.length - counts.conflict;
  const submittedOf = (pairs: Pair[]) => ({
    submitted: pairs.filter((p) => gradingState(p) === 'submitted').length,
    total: pairs.filter((p) => !p.conflicted).length,
  });
  return (
    <Stack gap="sm">
      <Text fw={600}>
        {t('evaluationGrading.board.summary', { submitted: counts.submitted, total: gradable })}
      </Text>
      <Group gap="xs">
        {STATES.map((s) => (
          <Badge key={s} color={GRADING_STATE_COLOR[s]} variant="light">
            {t(`evaluationGrading.state.${s}`)}: {counts[s]}
          </Badge>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        {t(
          phaseOf(round.status) === 'after'
            ? 'evaluationGrading.board.noteScored'
            : 'evaluationGrading.board.note',
          { items: progress.itemCount },
        )}
      </Text>
      <Table.ScrollContainer
        minWidth={280 + evaluators.length * 140}
        scrollAreaProps={scrollRegion(t('evaluationGrading.board.title'))}
      >
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evaluationGrading.cluster')}</Table.Th>
              {evaluators.map((e) => (
                <Table.Th scope="col" key={e.id}>
                  {e.name}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('evaluationGrading.board.clusterTotal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.clusters.map((c) => {
              const row = submittedOf(progress.pairs.filter((p) => p.clusterId === c.id));
              return (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={400}>
                    {localize(c.name)}
                  </Table.Th>
                  {evaluators.map((e) => {
                    const pair = byPair.get(`${c.id}:${e.id}`);
                    if (!pair)
                      return (
                        <Table.Td key={e.id}>
                          <Text size="sm" c="dimmed">
                            {t('evaluationGrading.board.notAssigned')}
                          </Text>
                        </Table.Td>
                      );
                    const state = gradingState(pair);
                    return (
                      <Table.Td key={e.id}>
                        <Badge color={GRADING_STATE_COLOR[state]} variant="light">
                          {state === 'in_progress'
                            ? t('evaluationGrading.board.partial', {
                                graded: pair.graded,
                                total: progress.itemCount,
                              })
                            : t(`evaluationGrading.state.${state}`)}
                        </Badge>
                        {pair.submittedAt ? (
                          <Text size="xs" c="dimmed">
                            {f.dateTime(pair.submittedAt)}
                          </Text>
                        ) : null}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>{t('evaluationGrading.board.fraction', row)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('evaluationGrading.board.evaluatorTotal')}</Table.Th>
              {evaluators.map((e) => (
                <Table.Td key={e.id}>
                  {t(
                    'evaluationGrading.board.fraction',
                    submittedOf(progress.pairs.filter((p) => p.evaluatorId === e.id)),
                  )}
                </Table.Td>
              ))}
              <Table.Td>
                {t('evaluationGrading.board.fraction', { submitted: counts.submitted, total: gradable })}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
