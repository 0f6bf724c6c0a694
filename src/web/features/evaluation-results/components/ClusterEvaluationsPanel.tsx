import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_BANDS } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { useLocale, useLocalize } from '../../../lib/format';
import { useClusterEvaluations } from '../api/evaluation-results-api';
import { BandBadge } from './BandBadge';
import { formatScore, formatScore100 } from './result-format';
import { scrollRegion } from '../../../lib/scroll-region';

/**
 * A cluster's published evaluation results across rounds, newest fiscal year first: the band,
 * total score, score on 100, rank among the round's clusters, the consolidated comment and the
 * weight set version used, each round linking to its full results. For the cluster's page.
 */
export function ClusterEvaluationsPanel({ clusterKey }: { clusterKey: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const evaluations = useClusterEvaluations(clusterKey);
  if (evaluations.isPending) return <LoadingState />;
  if (evaluations.isError)
    return <ErrorAlert error={evaluations.error} onRetry={() => void evaluations.refetch()} />;
  const items = evaluations.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('evaluationResults.cluster.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640} scrollAreaProps={scrollRegion()}>
      <Table withTableBorder fz="sm">
        <Table.Caption>
          {t('evaluationResults.cluster.caption', { cluster: localize(evaluations.data.cluster.name) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluationResults.public.fiscalYear')}</Table.Th>
            <Table.Th>{t('evaluationResults.public.round')}</Table.Th>
            <Table.Th>{t('evaluationResults.table.band')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.total')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.score100')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.rank')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.evaluators')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => {
            return (
              <Fragment key={e.round.key}>
                <Table.Tr>
                  <Table.Td>
                    <FiscalYear fy={e.round.fiscalYear} withAlternate={false} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Anchor
                        component={Link}
                        to={`/evaluations/${encodeURIComponent(e.round.key)}`}
                        size="sm"
                        fw={600}
                      >
                        {localize(e.round.title)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`roundKind.${e.round.kind}`)} ·{' '}
                        {t('evaluationResults.cluster.weightSet', { version: e.weightSet.version })}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {/* This answer has no band list: the default S/A/B/C order gives the colour. */}
                    <BandBadge band={e.band} bands={DEFAULT_BANDS} />
                  </Table.Td>
                  <Table.Td className="kcp-num">{formatScore(e.totalScore, locale)}</Table.Td>
                  <Table.Td className="kcp-num">{formatScore100(e.score100, locale)}</Table.Td>
                  <Table.Td className="kcp-num">
                    {e.rank === null
                      ? '—'
                      : t('evaluationResults.cluster.rankOf', { rank: e.rank, count: e.clusterCount })}
                  </Table.Td>
                  <Table.Td className="kcp-num">{e.evaluatorCount}</Table.Td>
                </Table.Tr>
                {e.comment ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        <strong>{t('evaluationResults.comment.title')}</strong>
                        {t('common.colon')}
                        {localize(e.comment)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
