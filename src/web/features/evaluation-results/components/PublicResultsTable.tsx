import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoundResultsResponse } from '../../../../contracts/evaluation-results';
import { useLocale, useLocalize } from '../../../lib/format';
import { BandBadge } from './BandBadge';
import { Rank } from './Rank';
import { formatScore, formatScore100, scaleRange } from './result-format';
import { scrollRegion } from '../../../lib/scroll-region';

/**
 * The published results, rank order: per cluster its rank (shared on equal totals), band, total on
 * the points scale and on 100, how many evaluators it counted, and the consolidated comment.
 */
export function PublicResultsTable({ results }: { results: RoundResultsResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const max = scaleRange(results.scale).max;
  const tiedWith = (key: string, rank: number | null) =>
    rank === null
      ? []
      : results.clusters
          .filter((c) => c.rank === rank && c.cluster.key !== key)
          .map((c) => localize(c.cluster.name));
  return (
    <Table.ScrollContainer minWidth={860} scrollAreaProps={scrollRegion()}>
      <Table striped withTableBorder fz="sm">
        <Table.Caption>{t('evaluationResults.public.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="kcp-num">{t('evaluationResults.table.rank')}</Table.Th>
            <Table.Th style={{ minWidth: '12rem' }}>{t('evaluationResults.table.cluster')}</Table.Th>
            <Table.Th>{t('evaluationResults.table.band')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.totalOf', { max })}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.score100')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.evaluators')}</Table.Th>
            <Table.Th style={{ minWidth: '18rem' }}>{t('evaluationResults.table.comment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.clusters.map((c) => (
            <Table.Tr key={c.cluster.key}>
              <Table.Td className="kcp-num">
                <Rank rank={c.rank} tiedWith={tiedWith(c.cluster.key, c.rank)} />
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/clusters/${encodeURIComponent(c.cluster.key)}`}
                  fw={600}
                  size="sm"
                >
                  {localize(c.cluster.name)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <BandBadge band={c.band} bands={results.bands} />
              </Table.Td>
              <Table.Td className="kcp-num">
                <strong>{formatScore(c.totalScore, locale)}</strong>
              </Table.Td>
              <Table.Td className="kcp-num">{formatScore100(c.score100, locale)}</Table.Td>
              <Table.Td className="kcp-num">{c.evaluatorCount}</Table.Td>
              <Table.Td>
                {c.comment ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {localize(c.comment)}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
