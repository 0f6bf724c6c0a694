import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { useFormatters, useLocalize } from '../../../lib/format';
import { roundPath } from '../../../lib/rounds';
import { useSession } from '../../../lib/session';
import { useMyGradings } from '../api/evaluation-grading-api';
import { GRADING_STATE_COLOR, gradingState } from './grading-status';
import { scrollRegion } from '../../../lib/scroll-region';

/**
 * The evaluator's clusters: how far each grading has come and a link to its form; clusters the
 * evaluator has a conflict of interest with are listed as excluded, without a form.
 */
export function MyGradingsList({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const { account } = useSession();
  const mine = useMyGradings(round.key);
  if (mine.isPending) return <LoadingState />;
  if (mine.isError) return <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  // A member's round detail holds only their own assignments; an officer's holds everyone's.
  const own = round.canManage
    ? round.assignments.filter((a) => a.evaluatorId === account?.id)
    : round.assignments;
  const conflicted = own.filter((a) => a.conflictKind !== null);
  const clusters = new Map(round.clusters.map((c) => [c.id, c]));
  const items = mine.data.items;
  const submitted = items.filter((i) => i.submittedAt !== null).length;
  const base = roundPath(round.key);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('evaluationGrading.mine.title')}
      </Title>
      <Text fw={600}>{t('evaluationGrading.mine.summary', { submitted, total: items.length })}</Text>
      {items.length === 0 && conflicted.length === 0 ? (
        <Text c="dimmed">{t('evaluationGrading.mine.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} scrollAreaProps={scrollRegion()}>
          <Table withTableBorder highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evaluationGrading.cluster')}</Table.Th>
                <Table.Th scope="col">{t('evaluationGrading.mine.status')}</Table.Th>
                <Table.Th scope="col">{t('evaluationGrading.mine.selfEvaluation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => {
                const state = gradingState({ ...i, conflicted: false });
                const name = localize(i.cluster.name);
                return (
                  <Table.Tr key={i.cluster.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`${base}/grading/${encodeURIComponent(i.cluster.key)}`}>
                        {name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <Badge color={GRADING_STATE_COLOR[state]} variant="light">
                        {t(`evaluationGrading.state.${state}`)}
                      </Badge>{' '}
                      <Text span size="sm">
                        {state === 'submitted'
                          ? f.dateTime(i.submittedAt!)
                          : t('evaluationGrading.mine.graded', { graded: i.graded, total: i.itemCount })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        href={`${base}/self-evaluations/${encodeURIComponent(i.cluster.key)}`}
                        target="_blank"
                        rel="noopener"
                        size="sm"
                      >
                        {t('evaluationGrading.mine.readReport', { cluster: name })}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {conflicted.map((a) => (
                <Table.Tr key={`conflict-${a.clusterId}`}>
                  <Table.Th scope="row" fw={400}>
                    <Text span c="dimmed">
                      {localize(clusters.get(a.clusterId)?.name)}
                    </Text>
                  </Table.Th>
                  <Table.Td colSpan={2}>
                    <Badge color={GRADING_STATE_COLOR.conflict} variant="light">
                      {t('evaluationGrading.state.conflict')}
                    </Badge>{' '}
                    <Text span size="sm">
                      {t('evaluationGrading.mine.excluded', {
                        kind: t(`evaluationGrading.conflictKind.${a.conflictKind!}`),
                      })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
