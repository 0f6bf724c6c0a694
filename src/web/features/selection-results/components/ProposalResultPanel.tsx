import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DownloadMenu } from '../../../components/DownloadMenu';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { isApiError } from '../../../lib/api-client';
import { useLocale, useLocalize } from '../../../lib/format';
import { reportLinks, useProposalResult } from '../api/selection-results-api';
import { formatScore, OUTCOME_COLORS } from './score-format';

/**
 * The proposer's result of its own proposal, once the call is published: decision, reason and the
 * panel's consolidated comment, rank, the aggregated score per criterion and the reviewers'
 * comments as "Reviewer 1/2/3" — never a reviewer's name. Before publication it says so.
 */
export function ProposalResultPanel({ proposalId }: { proposalId: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const result = useProposalResult(proposalId);
  if (result.isPending) return <LoadingState />;
  if (result.isError) {
    if (isApiError(result.error) && result.error.status === 404)
      return <Alert color="gray">{t('selectionResults.proposer.notPublished')}</Alert>;
    return <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />;
  }
  const { call, criteria, proposal: p, rankedCount } = result.data;
  const reviewerComments = p.reviewers.filter((r) => r.overallComment || r.scores.some((s) => s.comment));
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {localize(call.title)}
            </Text>
            <Title order={2} size="h3">
              {localize(p.region)} — {localize(p.title)}
            </Title>
          </Stack>
          <Group gap="sm">
            {p.decision ? (
              <Badge size="lg" color={OUTCOME_COLORS[p.decision.outcome]}>
                {t(`selectionResults.outcome.${p.decision.outcome}`)}
              </Badge>
            ) : null}
            <DownloadMenu
              links={reportLinks(`/api/v1/proposals/${proposalId}/report`, locale)}
              what={t('selectionResults.page.report')}
            />
          </Group>
        </Group>
        <Group gap="xl" mt="md">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('selectionResults.proposer.rank')}
            </Text>
            <Text fw={600}>
              {p.rankLabel
                ? t('selectionResults.proposer.rankOf', { rank: p.rankLabel, count: rankedCount })
                : '—'}
              {p.group === 'ineligible' ? ` (${t('selectionResults.proposer.ineligible')})` : ''}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('selectionResults.table.score')}
            </Text>
            <Text fw={600}>
              {formatScore(p.score, locale)} / {call.scale.max}
            </Text>
          </Stack>
        </Group>
        {p.decision ? (
          <Stack gap="xs" mt="md">
            <Text size="sm">
              <strong>{t('selectionResults.decision.reason')}</strong>
              {t('common.colon')}
              {p.decision.reason}
            </Text>
            {p.decision.consolidatedComment ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <strong>{t('selectionResults.decision.comment')}</strong>
                {t('common.colon')}
                {p.decision.consolidatedComment}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {p.thresholdFailures.length > 0 ? (
          <Alert color="red" variant="light" mt="md" title={t('selectionResults.flags.threshold')}>
            {p.thresholdFailures.map((f) => (
              <Text key={`${f.scope}:${f.criterion ?? ''}`} size="sm">
                {f.message}
              </Text>
            ))}
          </Alert>
        ) : null}
      </Card>

      <Table withTableBorder striped>
        <Table.Caption>{t('selectionResults.proposer.criteriaCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selectionResults.proposer.criterion')}</Table.Th>
            <Table.Th className="kcp-num">{t('selectionResults.table.weightHeading')}</Table.Th>
            <Table.Th className="kcp-num">{t('selectionResults.table.score')}</Table.Th>
            <Table.Th className="kcp-num">{t('selectionResults.table.thresholdHeading')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map((c) => {
            const figure = p.criteria.find((x) => x.key === c.key);
            return (
              <Table.Tr key={c.key}>
                <Table.Td>
                  {localize(c.groupLabel)} / {localize(c.label)}
                </Table.Td>
                <Table.Td className="kcp-num">{c.weight}</Table.Td>
                <Table.Td className="kcp-num" c={figure?.belowThreshold ? 'red' : undefined}>
                  {formatScore(figure?.score, locale)}
                  {figure?.consensus ? ` (${t('selectionResults.table.consensus')})` : ''}
                </Table.Td>
                <Table.Td className="kcp-num">{c.threshold ?? '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>

      <Title order={3} size="h4">
        {t('selectionResults.proposer.comments')}
      </Title>
      {reviewerComments.length === 0 ? (
        <Text c="dimmed">{t('selectionResults.proposer.noComments')}</Text>
      ) : (
        reviewerComments.map((r) => (
          <Card key={r.index} withBorder padding="sm">
            <Text fw={600} mb={4}>
              {t('selectionResults.chart.reviewer', { label: String(r.index) })}
            </Text>
            {r.overallComment ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.overallComment}
              </Text>
            ) : null}
            {r.scores
              .filter((s) => s.comment)
              .map((s) => {
                const c = criteria.find((x) => x.key === s.key);
                return (
                  <Text key={s.key} size="sm" c="dimmed">
                    {c ? localize(c.label) : s.key}
                    {t('common.colon')}
                    {s.comment}
                  </Text>
                );
              })}
          </Card>
        ))
      )}
    </Stack>
  );
}
