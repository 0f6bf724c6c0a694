import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnalyticsIndicatorResponse } from '../../../../contracts/analytics';
import { useFormatters, useLocalize } from '../../../lib/format';
import { formatFigure } from '../figure-format';

interface Props {
  data: AnalyticsIndicatorResponse;
  caption: string;
}

/** Every group with its rank, its raw figure per period, the range total and the normalised figure. */
export function AnalyticsTable({ data, caption }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const raw = (v: number | null | undefined) =>
    formatFigure(v ?? null, data.indicator.unit, 'raw', f.locale) ?? t('analytics.notReported');
  const normalised = (v: number | null | undefined) =>
    formatFigure(v ?? null, data.indicator.unit, data.normalise, f.locale) ?? t('analytics.noDenominator');
  const denominator = (figure: AnalyticsIndicatorResponse['overall']['total']) => {
    if (!figure || figure.denominator === null) return t('analytics.noDenominator');
    const amount =
      data.normalise === 'per100m' ? f.yenCompact(figure.denominator) : f.count(figure.denominator);
    return `${amount} (${figure.clustersWithDenominator}/${figure.clusters})`;
  };
  const pointOf = (
    points: AnalyticsIndicatorResponse['overall']['points'],
    p: { fyFrom: number; fyTo: number },
  ) => points.find((q) => q.fyFrom === p.fyFrom && q.fyTo === p.fyTo)?.value;
  const showNormalised = data.normalise !== 'raw';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover stickyHeader captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('analytics.rank')}</Table.Th>
            <Table.Th scope="col">{t('analytics.group')}</Table.Th>
            {data.periods.map((p) => (
              <Table.Th key={`${p.fyFrom}-${p.fyTo}`} scope="col" ta="right">
                {f.fyRange(p.fyFrom, p.fyTo)}
                {p.isMultiYear ? (
                  <Badge size="xs" variant="light" ml={4}>
                    {t('analytics.multiYear')}
                  </Badge>
                ) : null}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('analytics.total')}
            </Table.Th>
            {showNormalised ? (
              <>
                <Table.Th scope="col" ta="right">
                  {t(`analytics.normaliseOptions.${data.normalise}`)}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {data.normalise === 'per100m'
                    ? t('analytics.denominatorSubsidy')
                    : t('analytics.denominatorResearchers')}
                </Table.Th>
              </>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.groups.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>{g.rank ?? '—'}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {data.groupBy === 'cluster' ? (
                  <Anchor component={Link} to={`/clusters/${g.key}`}>
                    {localize(g.label)}
                  </Anchor>
                ) : (
                  localize(g.label)
                )}
              </Table.Th>
              {data.periods.map((p) => {
                const v = pointOf(g.points, p);
                return (
                  <Table.Td
                    key={`${p.fyFrom}-${p.fyTo}`}
                    ta="right"
                    c={v === undefined ? 'dimmed' : undefined}
                  >
                    {v === undefined ? '—' : raw(v)}
                  </Table.Td>
                );
              })}
              <Table.Td ta="right">
                {g.total ? (
                  raw(g.total.value)
                ) : (
                  <Text c="dimmed" span size="sm">
                    {t('analytics.notReported')}
                  </Text>
                )}
              </Table.Td>
              {showNormalised ? (
                <>
                  <Table.Td ta="right" fw={600}>
                    {normalised(g.total?.normalised)}
                  </Table.Td>
                  <Table.Td ta="right">{denominator(g.total)}</Table.Td>
                </>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td />
            <Table.Th scope="row">{t('analytics.overall')}</Table.Th>
            {data.periods.map((p) => (
              <Table.Td key={`${p.fyFrom}-${p.fyTo}`} ta="right">
                {raw(pointOf(data.overall.points, p))}
              </Table.Td>
            ))}
            <Table.Td ta="right">{raw(data.overall.total?.value)}</Table.Td>
            {showNormalised ? (
              <>
                <Table.Td ta="right">{normalised(data.overall.total?.normalised)}</Table.Td>
                <Table.Td ta="right">{denominator(data.overall.total)}</Table.Td>
              </>
            ) : null}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
