import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CallDetail } from '../../../../contracts/selection-calls';
import { CallTabs } from '../../../components/CallTabs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useCall, useTransitionCall } from '../api/calls-api';
import { CallStatusBadge, DeadlineCountdown } from '../components/CallBadges';

const NEXT: Partial<Record<CallDetail['status'], 'open' | 'review' | 'decision'>> = {
  draft: 'open',
  open: 'review',
  review: 'decision',
};

function StatusActions({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const move = useTransitionCall(call.key);
  const next = NEXT[call.status];
  const closable = ['draft', 'open', 'review', 'decision'].includes(call.status);
  if (!call.canManage || (!next && !closable)) return null;
  return (
    <Stack gap="xs">
      <Group>
        {next ? (
          <Button
            loading={move.isPending}
            onClick={() => move.mutate({ status: next, version: call.version })}
          >
            {t(`selectionCalls.actions.${next}`)}
          </Button>
        ) : null}
        {closable ? (
          <Button
            variant="outline"
            color="red"
            loading={move.isPending}
            onClick={() => {
              if (window.confirm(t('selectionCalls.actions.closeConfirm')))
                move.mutate({ status: 'closed', version: call.version });
            }}
          >
            {t('selectionCalls.actions.closed')}
          </Button>
        ) : null}
      </Group>
      {move.isError ? <ErrorAlert error={move.error} /> : null}
    </Stack>
  );
}

/** /calls/:key — a call's facts, criteria, status actions and the countdown to its deadline. */
export function CallOverviewPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const query = useCall(key);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const call = query.data;
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
  return (
    <>
      <PageTitle title={localize(call.title)} subtitle={<FiscalYear fy={call.fiscalYear} />}>
        <Group gap="xs">
          <CallStatusBadge status={call.status} />
          {call.stage === 2 ? <Badge variant="outline">{t('selectionCalls.stage2')}</Badge> : null}
          {call.isDemo ? <Badge color="grape">{t('selectionCalls.demo')}</Badge> : null}
        </Group>
      </PageTitle>
      {call.canManage ? <CallTabs callKey={call.key} /> : null}
      <Stack gap="md">
        <StatusActions call={call} />
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {fact(t('selectionCalls.facts.submission'), f.dateTime(call.submissionDeadline))}
            {fact(
              t('selectionCalls.facts.closesAt'),
              <>
                {f.dateTime(call.closesAt)}{' '}
                {call.status === 'open' ? <DeadlineCountdown until={call.closesAt} /> : null}
              </>,
            )}
            {fact(
              t('selectionCalls.facts.grace'),
              t('selectionCalls.facts.minutes', { count: call.graceMinutes }),
            )}
            {fact(t('selectionCalls.facts.review'), f.dateTime(call.reviewDeadline))}
            {fact(t('selectionCalls.facts.decision'), f.dateTime(call.decisionDeadline))}
            {fact(t('selectionCalls.facts.slots'), call.slots)}
            {fact(t('selectionCalls.facts.perCluster'), <YenAmount yen={call.budgetPerClusterYen} />)}
            {fact(
              t('selectionCalls.facts.total'),
              call.totalBudgetYen === null ? '—' : <YenAmount yen={call.totalBudgetYen} />,
            )}
            {fact(
              t('selectionCalls.facts.scale'),
              `${call.scale.min}–${call.scale.max} (${t('selectionCalls.facts.step', { step: call.scale.step })}) · ${t(`selectionCalls.aggregation.${call.aggregation}`)}`,
            )}
            {fact(t('selectionCalls.facts.overallThreshold'), call.overallThreshold ?? '—')}
            {fact(
              t('selectionCalls.facts.reviewers'),
              t('selectionCalls.facts.reviewersValue', {
                n: call.reviewersPerProposal,
                cap: call.reviewerCap,
              }),
            )}
            {call.proposalCounts
              ? fact(
                  t('selectionCalls.facts.proposals'),
                  t('selectionCalls.list.counts', call.proposalCounts),
                )
              : null}
            {call.previousCall
              ? fact(t('selectionCalls.facts.previousCall'), localize(call.previousCall.title))
              : null}
          </SimpleGrid>
        </Paper>
        <Title order={2} size="h3">
          {t('selectionCalls.facts.criteria')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('selectionCalls.criteria.group')}</Table.Th>
              <Table.Th>{t('selectionCalls.criteria.item')}</Table.Th>
              <Table.Th ta="right">{t('selectionCalls.criteria.weight')}</Table.Th>
              <Table.Th ta="right">{t('selectionCalls.criteria.threshold')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {call.criteria.flatMap((g) =>
              g.items.map((i, n) => (
                <Table.Tr key={i.key}>
                  <Table.Td>{n === 0 ? localize(g.label) : ''}</Table.Td>
                  <Table.Td>{localize(i.label)}</Table.Td>
                  <Table.Td ta="right">{i.weight}</Table.Td>
                  <Table.Td ta="right">{i.threshold ?? '—'}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
        {call.tieBreak.length > 0 ? (
          <Text size="sm">
            {t('selectionCalls.facts.tieBreak')}:{' '}
            {call.tieBreak
              .map((r) => {
                const item = call.criteria.flatMap((g) => g.items).find((i) => i.key === r.criterion);
                return item ? localize(item.label) : r.criterion;
              })
              .join(' → ')}
          </Text>
        ) : null}
        <Title order={2} size="h3">
          {t('selectionCalls.facts.documents')}
        </Title>
        <Stack gap={4}>
          {call.requiredDocuments.map((d) => (
            <Text key={d.key}>
              {localize(d.label)}{' '}
              <Badge size="sm" variant="light" color={d.required ? 'red' : 'gray'}>
                {t(d.required ? 'selectionCalls.facts.required' : 'selectionCalls.facts.optional')}
              </Badge>
            </Text>
          ))}
        </Stack>
      </Stack>
    </>
  );
}
