import { List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfEvaluationClusterData } from '../../../../contracts/evaluation-self-evaluations';
import { BUDGET_KIND_LABELS, BUDGET_KINDS } from '../../../../domain/budget';
import { OUTCOME_INDICATORS } from '../../../../domain/indicators';
import { YenAmount } from '../../../components/YenAmount';
import { formatCount, useFormatters, useLocalize } from '../../../lib/format';
import { ClusterBudgetChart } from './ClusterBudgetChart';
import { scrollRegion } from '../../../lib/scroll-region';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * The cluster's figures for the report's period, read live from the platform, shown beside the
 * narratives: accepted outcome totals per indicator against the plan's yearly targets, the reports
 * they come from, and the money per fiscal year and kind (chart and the same figures as a table).
 */
export const ClusterDataPanel = memo(function ClusterDataPanel({
  data,
}: {
  data: SelfEvaluationClusterData;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const period = f.fyRange(data.fromFiscalYear, data.toFiscalYear);
  const totals = new Map(data.outcomes.map((o) => [o.indicatorKey, o.total]));
  const indicators = OUTCOME_INDICATORS.filter(
    (i) => totals.has(i.key) || data.targets.some((target) => target.indicatorKey === i.key),
  );
  const value = (key: string, n: number) =>
    key === 'sales' ? <YenAmount yen={n} unit="compact" showUsd={false} /> : formatCount(n);
  const years: number[] = [];
  for (let fy = data.fromFiscalYear; fy <= data.toFiscalYear; fy++) years.push(fy);
  const kinds = BUDGET_KINDS.filter((k) => data.budgets.some((b) => b.kind === k));
  const amount = (fy: number, kind: string) =>
    data.budgets.find((b) => b.fiscalYear === fy && b.kind === kind)?.amountYen ?? 0;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cluster-data-title">
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={2} size="h4" id="cluster-data-title">
            {t('evaluationSelf.data.title', { period })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('evaluationSelf.data.live')}
          </Text>
        </Stack>

        <Section title={t('evaluationSelf.data.outcomes')}>
          {indicators.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evaluationSelf.data.noOutcomes')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={360} scrollAreaProps={scrollRegion()}>
              <Table striped withTableBorder fz="sm" verticalSpacing={4}>
                <Table.Caption>{t('evaluationSelf.data.outcomesCaption', { period })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('evaluationSelf.data.indicator')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('evaluationSelf.data.actual')}
                    </Table.Th>
                    <Table.Th scope="col">{t('evaluationSelf.data.targets')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {indicators.map((indicator) => {
                    const total = totals.get(indicator.key);
                    const targets = data.targets.filter((x) => x.indicatorKey === indicator.key);
                    return (
                      <Table.Tr key={indicator.key}>
                        <Table.Th scope="row" fw={500}>
                          {localize(indicator.label)}
                        </Table.Th>
                        <Table.Td ta="right" className="kcp-num">
                          {total === undefined ? '—' : value(indicator.key, total)}
                        </Table.Td>
                        <Table.Td>
                          {targets.length === 0
                            ? '—'
                            : targets.map((x) => (
                                <Text key={x.fiscalYear} size="sm">
                                  {f.fy(x.fiscalYear)}
                                  {t('common.colon')}
                                  {value(indicator.key, x.target)}
                                  {x.baseline !== null ? (
                                    <Text span c="dimmed" size="xs">
                                      {' '}
                                      ({t('evaluationSelf.data.baseline')}
                                      {t('common.colon')}
                                      {value(indicator.key, x.baseline)})
                                    </Text>
                                  ) : null}
                                </Text>
                              ))}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Text size="xs" c="dimmed">
            {t('evaluationSelf.data.targetsNote')}
          </Text>
          {data.outcomeReports.length > 0 ? (
            <div>
              <Text size="xs" fw={600}>
                {t('evaluationSelf.data.sources')}
              </Text>
              <List size="xs">
                {data.outcomeReports.map((r, i) => (
                  <List.Item key={i}>
                    {f.fyRange(r.fyFrom, r.fyTo)}
                    {t('common.colon')}
                    {r.source}
                  </List.Item>
                ))}
              </List>
            </div>
          ) : (
            <Text size="xs" c="dimmed">
              {t('evaluationSelf.data.noReports')}
            </Text>
          )}
        </Section>

        <Section title={t('evaluationSelf.data.budget')}>
          {data.budgets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evaluationSelf.data.noBudget')}
            </Text>
          ) : (
            <>
              <ClusterBudgetChart data={data} />
              <Table.ScrollContainer minWidth={360} scrollAreaProps={scrollRegion()}>
                <Table withTableBorder fz="sm" verticalSpacing={4}>
                  <Table.Caption>{t('evaluationSelf.data.budgetCaption', { period })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('evaluationSelf.data.fiscalYear')}</Table.Th>
                      {kinds.map((kind) => (
                        <Table.Th scope="col" ta="right" key={kind}>
                          {BUDGET_KIND_LABELS[kind][f.locale]}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col" ta="right">
                        {t('common.total')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {years.map((fy) => (
                      <Table.Tr key={fy}>
                        <Table.Th scope="row" fw={500}>
                          {f.fy(fy)}
                        </Table.Th>
                        {kinds.map((kind) => (
                          <Table.Td ta="right" key={kind}>
                            <YenAmount yen={amount(fy, kind)} unit="compact" />
                          </Table.Td>
                        ))}
                        <Table.Td ta="right">
                          <YenAmount
                            yen={kinds.reduce((sum, kind) => sum + amount(fy, kind), 0)}
                            unit="compact"
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row">{t('common.total')}</Table.Th>
                      {kinds.map((kind) => (
                        <Table.Td ta="right" key={kind} fw={600}>
                          <YenAmount
                            yen={years.reduce((sum, fy) => sum + amount(fy, kind), 0)}
                            unit="compact"
                          />
                        </Table.Td>
                      ))}
                      <Table.Td ta="right" fw={600}>
                        <YenAmount yen={data.budgetTotalYen} unit="compact" />
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Section>
      </Stack>
    </Paper>
  );
});
