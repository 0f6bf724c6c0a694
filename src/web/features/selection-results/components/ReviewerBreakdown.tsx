import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultCriterion, ResultProposal } from '../../../../contracts/selection-results';
import { useLocale, useLocalize } from '../../../lib/format';
import { formatScore } from './score-format';

/**
 * Each reviewer's scores on one proposal and how their weighted score is reached (Σ w·s / Σ w), so
 * every figure of the ranked list can be traced. A consensus score that replaced a reviewer's own
 * shows both: "2 → 5".
 */
export function ReviewerBreakdown({
  proposal,
  criteria,
}: {
  proposal: ResultProposal;
  criteria: ResultCriterion[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  if (proposal.reviewers.length === 0) return <Text c="dimmed">{t('selectionResults.breakdown.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder striped fz="sm">
        <Table.Caption>{t('selectionResults.breakdown.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selectionResults.breakdown.reviewer')}</Table.Th>
            {criteria.map((c) => (
              <Table.Th key={c.key} className="kcp-num" title={localize(c.label)}>
                {localize(c.label)}
                <Text span c="dimmed" size="xs" display="block">
                  ×{c.weight}
                </Text>
              </Table.Th>
            ))}
            <Table.Th className="kcp-num">{t('selectionResults.breakdown.weighted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposal.reviewers.map((r) => (
            <Table.Tr key={r.index}>
              <Table.Td>
                {r.label}
                {r.reviewerName ? (
                  <Text span c="dimmed" size="xs" display="block">
                    {r.reviewerName}
                  </Text>
                ) : null}
              </Table.Td>
              {r.scores.map((s) => (
                <Table.Td key={s.key} className="kcp-num" title={s.comment ?? undefined}>
                  {s.used !== s.score
                    ? `${formatScore(s.score, locale)} → ${formatScore(s.used, locale)}`
                    : formatScore(s.score, locale)}
                </Table.Td>
              ))}
              <Table.Td className="kcp-num">
                <strong>{formatScore(r.weighted, locale)}</strong>
                {r.weightedSum !== null && r.weightSum !== null ? (
                  <Text span c="dimmed" size="xs" display="block">
                    {formatScore(r.weightedSum, locale)} / {formatScore(r.weightSum, locale)}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
