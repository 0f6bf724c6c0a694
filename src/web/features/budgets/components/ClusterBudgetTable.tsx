import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BudgetSummaryResponse } from '../../../../contracts/budgets';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters, useLocalize } from '../../../lib/format';
import type { DisplayUnit } from './money-units';

interface Props {
  summary: BudgetSummaryResponse;
  unit: DisplayUnit;
}

/** Each cluster's recorded money per fiscal year, with the year totals and the programme-level budget. */
export function ClusterBudgetTable({ summary, unit }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const years: number[] = [];
  for (let fy = summary.period.from; fy <= summary.period.to; fy++) years.push(fy);
  const yearTotal = new Map(summary.fiscalYears.map((y) => [y.fiscalYear, y.total]));
  const programme = new Map(summary.programme.map((y) => [y.fiscalYear, y.total]));
  const cell = (yen: number | undefined) =>
    yen === undefined ? (
      <Text span c="dimmed">
        —
      </Text>
    ) : (
      <YenAmount yen={yen} unit={unit} stacked />
    );

  return (
    <Table.ScrollContainer minWidth={Math.max(480, 160 + years.length * 120)}>
      <Table striped withTableBorder stickyHeader>
        <Table.Caption>{t('budgets.perCluster.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('budgets.fields.cluster')}</Table.Th>
            {years.map((fy) => (
              <Table.Th key={fy} scope="col" ta="right">
                {f.fy(fy)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('common.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.clusters.map((row) => {
            const byYear = new Map(row.fiscalYears.map((y) => [y.fiscalYear, y.total]));
            return (
              <Table.Tr key={row.cluster.key}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/clusters/${row.cluster.key}`}>
                    {localize(row.cluster.name)}
                  </Anchor>
                </Table.Th>
                {years.map((fy) => (
                  <Table.Td key={fy} ta="right">
                    {cell(byYear.get(fy))}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700}>
                  <YenAmount yen={row.total} unit={unit} stacked />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('budgets.perCluster.clusterTotal')}</Table.Th>
            {years.map((fy) => (
              <Table.Td key={fy} ta="right" fw={700}>
                {cell(yearTotal.get(fy))}
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={700}>
              <YenAmount yen={summary.fiscalYears.reduce((sum, y) => sum + y.total, 0)} unit={unit} stacked />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('budgets.perCluster.programmeBudget')}</Table.Th>
            {years.map((fy) => (
              <Table.Td key={fy} ta="right">
                {cell(programme.get(fy))}
              </Table.Td>
            ))}
            <Table.Td ta="right">
              <YenAmount yen={summary.programme.reduce((sum, y) => sum + y.total, 0)} unit={unit} stacked />
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
