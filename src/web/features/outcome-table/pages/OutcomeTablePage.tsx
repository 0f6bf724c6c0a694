import { Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DownloadMenu } from '../../../components/DownloadMenu';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { SourceNote } from '../../../components/SourceNote';
import { isFiscalYear } from '../../../../domain/fiscal-year';
import { useFormatters, useLocale } from '../../../lib/format';
import { useProgrammeFacts } from '../../../lib/reference';
import { outcomeTableDownloadUrls, useOutcomeTable, type FyRange } from '../api/outcome-table-api';
import { FyRangeSelector } from '../components/FyRangeSelector';
import { IndicatorChart } from '../components/IndicatorChart';
import { OutcomeTable } from '../components/OutcomeTable';

/** The range the seed deck reports (FY2002–FY2004), used until the reader picks another. */
const DEFAULT_RANGE: FyRange = { from: 2002, to: 2004 };

function readRange(params: URLSearchParams): FyRange {
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  if (isFiscalYear(from) && isFiscalYear(to) && from <= to) return { from, to };
  return DEFAULT_RANGE;
}

/** `/outcomes` — what every cluster produced, as in the seed deck's table. */
export function OutcomeTablePage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const range = readRange(params);
  const indicatorKey = params.get('indicator') ?? '';
  const table = useOutcomeTable(range);
  const programme = useProgrammeFacts();

  const years = useMemo(() => {
    const starts = programme.data?.clustersByStartFy.map((r) => r.fy) ?? [];
    const duration = programme.data?.durationYears ?? 1;
    const first = Math.min(range.from, ...starts);
    const last = Math.max(range.to, ...starts.map((fy) => fy + duration - 1));
    const list: number[] = [];
    for (let fy = first; fy <= last; fy++) list.push(fy);
    return list;
  }, [programme.data, range.from, range.to]);

  const setRange = (next: FyRange) => {
    const updated = new URLSearchParams(params);
    updated.set('from', String(next.from));
    updated.set('to', String(next.to));
    setParams(updated, { replace: true });
  };
  const setIndicator = (key: string) => {
    const updated = new URLSearchParams(params);
    updated.set('indicator', key);
    setParams(updated, { replace: true, preventScrollReset: true });
  };

  const period = f.fyRange(range.from, range.to);

  return (
    <Stack gap="lg">
      <PageTitle title={t('outcomes.title')} subtitle={t('outcomes.subtitle', { period })} />

      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-end" gap="md">
          <FyRangeSelector value={range} years={years} onChange={setRange} />
          <DownloadMenu links={outcomeTableDownloadUrls(range, locale)} what={t('outcomes.title')} />
        </Group>
      </Paper>

      {table.error ? <ErrorAlert error={table.error} onRetry={() => void table.refetch()} /> : null}
      {table.isPending ? <LoadingState /> : null}
      {table.data && table.data.rows.length === 0 ? (
        <Text c="dimmed" py="lg">
          {t('outcomes.noRows', { period })}
        </Text>
      ) : null}
      {table.data && table.data.rows.length > 0 ? (
        <>
          <Stack gap="xs" aria-busy={table.isFetching}>
            <OutcomeTable
              table={table.data}
              caption={t('outcomes.caption', {
                period: f.fyRange(table.data.period.from, table.data.period.to),
              })}
            />
            <Text size="sm" c="dimmed">
              {t('outcomes.notes')}
            </Text>
            <SourceNote sources={table.data.sources} />
          </Stack>
          <IndicatorChart table={table.data} indicatorKey={indicatorKey} onIndicatorChange={setIndicator} />
        </>
      ) : null}
    </Stack>
  );
}
