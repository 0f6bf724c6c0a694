import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import type { SelfEvaluationSummary } from '../../../../contracts/evaluation-self-evaluations';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { RoundShell } from '../../../components/RoundShell';
import { useFormatters, useLocalize } from '../../../lib/format';
import { roundPath } from '../../../lib/rounds';
import { hasPermission, useSession } from '../../../lib/session';
import { useSelfEvaluations } from '../api/self-evaluations-api';
import { PhaseDates } from '../components/PhaseDates';
import { SelfEvaluationStatusBadge } from '../components/SelfEvaluationStatusBadge';
import { SelfEvaluationTable } from '../components/SelfEvaluationTable';

/** /rounds/:key/self-evaluations — each target cluster's self-evaluation report and its status. */
export function SelfEvaluationsPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="self-evaluations" sectionTitle={t('evaluationSelf.list.title')}>
      {(round) => <SelfEvaluationList round={round} />}
    </RoundShell>
  );
}

function SelfEvaluationList({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { account } = useSession();
  const list = useSelfEvaluations(round.key);
  // Headquarters see only their own cluster(s) (the API filters), and see their drafts' counts.
  const headquarters = !round.canManage && hasPermission(account, 'self-evaluation:edit');
  const reportPath = (clusterKey: string) =>
    `${roundPath(round.key)}/self-evaluations/${encodeURIComponent(clusterKey)}`;
  const open = round.status === 'self_evaluation';

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap={4}>
          <PhaseDates round={round} phase="self_evaluation" countdown={open} />
          <Text size="sm" c="dimmed">
            {open
              ? t('evaluationSelf.list.phaseOpen')
              : round.status === 'draft'
                ? t('evaluationSelf.list.phaseNotOpen')
                : t('evaluationSelf.list.phaseClosed')}
          </Text>
        </Stack>
      </Paper>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">
          {round.canManage ? t('evaluationSelf.list.noClusters') : t('evaluationSelf.list.noneForYou')}
        </Text>
      ) : (
        <>
          {headquarters && list.data.items.length === 1 ? (
            <OwnReportCard item={list.data.items[0]!} to={reportPath} writable={open} />
          ) : null}
          {round.canManage ? <StatusCounts items={list.data.items} /> : null}
          <SelfEvaluationTable
            items={list.data.items}
            reportPath={reportPath}
            seesDrafts={round.canManage || headquarters}
          />
        </>
      )}
    </Stack>
  );
}

/** Headquarters of one cluster: their report first, with the one action they came for. */
function OwnReportCard(props: {
  item: SelfEvaluationSummary;
  to: (clusterKey: string) => string;
  writable: boolean;
}) {
  const { item, to, writable } = props;
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const action =
    writable && item.status !== 'submitted'
      ? item.status === 'not_started'
        ? t('evaluationSelf.list.own.start')
        : t('evaluationSelf.list.own.continue')
      : t('evaluationSelf.list.own.open');
  return (
    <Paper withBorder p="md" bg="blue.0">
      <Group justify="space-between" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} size="h4">
              {t('evaluationSelf.list.own.title', { cluster: localize(item.cluster.name) })}
            </Title>
            <SelfEvaluationStatusBadge status={item.status} />
          </Group>
          <Text size="sm">
            {item.submittedAt
              ? t('evaluationSelf.list.own.submitted', { date: f.dateTime(item.submittedAt) })
              : t('evaluationSelf.list.own.progress', {
                  written: item.writtenItemCount,
                  total: item.itemCount,
                })}
          </Text>
        </Stack>
        <Button component={Link} to={to(item.cluster.key)} size="md">
          {action}
        </Button>
      </Group>
    </Paper>
  );
}

/** For officers: how many reports are submitted, in draft and not started. */
function StatusCounts({ items }: { items: SelfEvaluationSummary[] }) {
  const { t } = useTranslation();
  const count = (status: SelfEvaluationSummary['status']) => items.filter((i) => i.status === status).length;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {(['submitted', 'draft', 'not_started'] as const).map((status) => (
        <Paper withBorder p="sm" key={status}>
          <Text size="xs" c="dimmed">
            {t(`evaluationSelf.status.${status}`)}
          </Text>
          <Text fw={700} size="xl" className="kcp-num">
            {t('evaluationSelf.list.countOf', { n: count(status), total: items.length })}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
