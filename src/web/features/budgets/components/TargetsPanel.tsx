import { Alert, Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorResponse } from '../../../../contracts/reference';
import type { ClusterTargetsResponse, Target, TargetInput } from '../../../../contracts/targets';
import { DownloadMenu } from '../../../components/DownloadMenu';
import { EChart, type ChartOption } from '../../../components/EChart';
import { ErrorAlert, useErrorMessage } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { YenAmount } from '../../../components/YenAmount';
import { isApiError } from '../../../lib/api-client';
import { formatCount, useFormatters, useLocalize } from '../../../lib/format';
import { useReference } from '../../../lib/reference';
import {
  clusterTargetsDownloadUrls,
  useDeleteTarget,
  useClusterTargets,
  usePutTargets,
} from '../api/budgets-api';

function yearsOf(data: ClusterTargetsResponse): number[] {
  const years: number[] = [];
  for (let fy = data.cluster.startFy; fy <= data.cluster.endFy; fy++) years.push(fy);
  return years;
}

function Amount({ value, unit }: { value: number | null; unit: string }) {
  if (value === null)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return unit === 'yen' ? (
    <YenAmount yen={value} unit="thousand" />
  ) : (
    <span className="kcp-num">{formatCount(value)}</span>
  );
}

/** Badges here carry a sentence: keep it whole instead of cutting it with an ellipsis. */
const BADGE_STYLES = { root: { maxWidth: 'none' }, label: { overflow: 'visible' } } as const;

function ProgressBadge({ target }: { target: Target }) {
  const { t } = useTranslation();
  if (target.progress === null) {
    return (
      <Badge variant="light" tt="none" styles={BADGE_STYLES} color="gray">
        {t('budgets.targets.noActual')}
      </Badge>
    );
  }
  const percent = Math.round(target.progress * 100);
  return (
    <Badge variant="light" tt="none" styles={BADGE_STYLES} color={target.progress >= 1 ? 'green' : 'amber'}>
      {target.progress >= 1
        ? t('budgets.targets.onTrack', { percent })
        : t('budgets.targets.behind', { percent })}
    </Badge>
  );
}

/** Baseline, target and actual of one indicator over the cluster's funded years. */
function TargetChart({ data, indicator }: { data: ClusterTargetsResponse; indicator: IndicatorResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const years = yearsOf(data);
  const byYear = new Map(
    data.targets.filter((x) => x.indicator === indicator.key).map((x) => [x.fiscalYear, x] as const),
  );
  const actual = new Map(data.actuals.map((a) => [a.fiscalYear, a.values[indicator.key] ?? null]));
  const option: ChartOption = {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    xAxis: { type: 'category', data: years.map((fy) => f.fy(fy)) },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: indicator.unit === 'yen' ? t('budgets.units.yen') : t('budgets.targets.count'),
    },
    series: [
      {
        type: 'bar',
        name: t('budgets.targets.baseline'),
        itemStyle: { color: '#adb5bd' },
        barMaxWidth: 22,
        data: years.map((fy) => byYear.get(fy)?.baseline ?? null),
      },
      {
        type: 'bar',
        name: t('budgets.targets.target'),
        itemStyle: { color: '#1b4f8a' },
        barMaxWidth: 22,
        data: years.map((fy) => byYear.get(fy)?.target ?? null),
      },
      {
        type: 'bar',
        name: t('budgets.targets.actual'),
        itemStyle: { color: '#2b7a4b' },
        barMaxWidth: 22,
        data: years.map((fy) => actual.get(fy) ?? null),
      },
    ],
  };
  return (
    <EChart
      option={option}
      height={280}
      label={t('budgets.targets.chartLabel', { indicator: localize(indicator.label) })}
    />
  );
}

type Cells = Record<string, number | ''>;
const cellKey = (indicator: string, fy: number | 'baseline') => `${indicator}|${fy}`;

/** The editable grid: one row per indicator, its baseline and a target per remaining fiscal year. */
function TargetGrid({
  clusterKey,
  data,
  indicators,
  onDone,
}: {
  clusterKey: string;
  data: ClusterTargetsResponse;
  indicators: IndicatorResponse[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const message = useErrorMessage();
  const put = usePutTargets(clusterKey);
  const remove = useDeleteTarget(clusterKey);
  const years = yearsOf(data).filter((fy) => fy >= (data.editableFromFy ?? Infinity));
  const existing = useMemo(
    () => new Map(data.targets.map((x) => [cellKey(x.indicator, x.fiscalYear), x])),
    [data.targets],
  );
  const initial = useMemo(() => {
    const cells: Cells = {};
    for (const indicator of indicators) {
      const first = data.targets.find((x) => x.indicator === indicator.key && x.baseline !== null);
      cells[cellKey(indicator.key, 'baseline')] = first?.baseline ?? '';
      for (const fy of years)
        cells[cellKey(indicator.key, fy)] = existing.get(cellKey(indicator.key, fy))?.target ?? '';
    }
    return cells;
  }, [indicators, data.targets, existing, years]);
  const [cells, setCells] = useState<Cells>(initial);
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);

  const save = async () => {
    const rows: TargetInput[] = [];
    const deletions: Target[] = [];
    for (const indicator of indicators) {
      const baselineCell = cells[cellKey(indicator.key, 'baseline')];
      const baseline = baselineCell === '' || baselineCell === undefined ? null : baselineCell;
      for (const fy of years) {
        const key = cellKey(indicator.key, fy);
        const value = cells[key];
        const current = existing.get(key);
        if (value === '' || value === undefined) {
          if (current) deletions.push(current);
          continue;
        }
        if (current && current.target === value && current.baseline === baseline) continue;
        rows.push({
          indicator: indicator.key as TargetInput['indicator'],
          fiscalYear: fy,
          baseline,
          target: value,
          note: current?.note ?? null,
          ...(current ? { version: current.version } : {}),
        });
      }
    }
    setCellErrors({});
    setFailure(null);
    try {
      if (rows.length > 0) await put.mutateAsync({ targets: rows });
      for (const target of deletions) await remove.mutateAsync({ id: target.id, version: target.version });
      onDone();
    } catch (error) {
      setFailure(error);
      if (isApiError(error)) {
        const mapped: Record<string, string> = {};
        for (const e of error.fieldErrors) {
          const match = /^body\.targets\.(\d+)\.?(\w*)$/.exec(e.field);
          const row = match ? rows[Number(match[1])] : undefined;
          if (row) {
            const key =
              match?.[2] === 'baseline'
                ? cellKey(row.indicator, 'baseline')
                : cellKey(row.indicator, row.fiscalYear);
            mapped[key] ??= e.message;
          }
        }
        setCellErrors(mapped);
      }
    }
  };

  const busy = put.isPending || remove.isPending;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('budgets.targets.gridHelp', {
          from: f.fy(years[0] ?? data.cluster.endFy),
          to: f.fy(data.cluster.endFy),
        })}
      </Text>
      {failure ? (
        <Alert
          color={isApiError(failure) && failure.code === 'VERSION_CONFLICT' ? 'amber' : 'red'}
          variant="light"
          role="alert"
        >
          {isApiError(failure) && failure.code === 'VERSION_CONFLICT'
            ? t('budgets.targets.conflict')
            : message(failure)}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={200 + (years.length + 1) * 112}>
        <Table withTableBorder verticalSpacing={4}>
          <Table.Caption>{t('budgets.targets.gridCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('budgets.targets.indicator')}</Table.Th>
              <Table.Th scope="col">{t('budgets.targets.baseline')}</Table.Th>
              {years.map((fy) => (
                <Table.Th key={fy} scope="col">
                  {f.fy(fy)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicators.map((indicator) => (
              <Table.Tr key={indicator.key}>
                <Table.Th scope="row" fw={500} className="kcp-nowrap">
                  {localize(indicator.label)}
                  {indicator.unit === 'yen' ? (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      ({t('budgets.units.yen')})
                    </Text>
                  ) : null}
                </Table.Th>
                {(['baseline', ...years] as const).map((fy) => {
                  const key = cellKey(indicator.key, fy);
                  return (
                    <Table.Td key={key}>
                      <NumberInput
                        aria-label={`${localize(indicator.label)} ${fy === 'baseline' ? t('budgets.targets.baseline') : f.fy(fy)}`}
                        size="xs"
                        min={0}
                        allowNegative={false}
                        allowDecimal={false}
                        thousandSeparator=","
                        hideControls
                        w={indicator.unit === 'yen' ? 150 : 100}
                        value={cells[key] ?? ''}
                        onChange={(v) => setCells((c) => ({ ...c, [key]: typeof v === 'number' ? v : '' }))}
                        error={cellErrors[key]}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={busy}>
          {t('budgets.targets.save')}
        </Button>
      </Group>
    </Stack>
  );
}

interface TargetsPanelProps {
  clusterKey: string;
}

/**
 * A cluster's numerical targets: per indicator a chart of baseline, target and actual over the
 * funded years and a table with progress; headquarters and officers edit the remaining years.
 */
export function TargetsPanel({ clusterKey }: TargetsPanelProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const targets = useClusterTargets(clusterKey);
  const reference = useReference();
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  if (targets.error) return <ErrorAlert error={targets.error} onRetry={() => void targets.refetch()} />;
  if (targets.isPending || reference.isPending) return <LoadingState />;
  const data = targets.data;
  const indicators = reference.data?.indicators ?? [];
  const withTargets = indicators.filter((i) => data.targets.some((x) => x.indicator === i.key));
  const indicator = indicators.find((i) => i.key === chosen) ?? withTargets[0] ?? indicators[0];
  const byIndicator = new Map(indicators.map((i) => [i.key, i]));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        {data.targets.length > 0 && indicator ? (
          <Select
            label={t('budgets.targets.chooseIndicator')}
            data={indicators.map((i) => ({
              value: i.key,
              label: withTargets.includes(i)
                ? localize(i.label)
                : `${localize(i.label)} ${t('budgets.targets.noTargetMark')}`,
            }))}
            value={indicator.key}
            onChange={(v) => setChosen(v)}
            allowDeselect={false}
            w={320}
          />
        ) : (
          <Text c="dimmed">{t('budgets.targets.none')}</Text>
        )}
        <Group gap="sm">
          {data.targets.length > 0 ? (
            <DownloadMenu
              links={clusterTargetsDownloadUrls(clusterKey, f.locale)}
              what={t('budgets.targets.downloadWhat', { cluster: localize(data.cluster.name) })}
            />
          ) : null}
          {data.canEdit ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('budgets.targets.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>

      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        size={1080}
        title={t('budgets.targets.gridTitle', { cluster: localize(data.cluster.name) })}
      >
        {editing ? (
          <TargetGrid
            clusterKey={clusterKey}
            data={data}
            indicators={indicators}
            onDone={() => setEditing(false)}
          />
        ) : null}
      </Modal>

      {data.targets.length > 0 && indicator ? (
        <>
          <TargetChart data={data} indicator={indicator} />
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder>
              <Table.Caption>{t('budgets.targets.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('budgets.targets.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('budgets.fields.fiscalYear')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('budgets.targets.baseline')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('budgets.targets.target')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('budgets.targets.actual')}
                  </Table.Th>
                  <Table.Th scope="col">{t('budgets.targets.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.targets.map((target) => {
                  const def = byIndicator.get(target.indicator);
                  const unit = def?.unit ?? 'count';
                  return (
                    <Table.Tr key={target.id}>
                      <Table.Td>{def ? localize(def.label) : target.indicator}</Table.Td>
                      <Table.Td className="kcp-nowrap">{f.fy(target.fiscalYear)}</Table.Td>
                      <Table.Td ta="right">
                        <Amount value={target.baseline} unit={unit} />
                      </Table.Td>
                      <Table.Td ta="right" fw={700}>
                        <Amount value={target.target} unit={unit} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount value={target.actual} unit={unit} />
                      </Table.Td>
                      <Table.Td>
                        <ProgressBadge target={target} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t('budgets.targets.actualNote')}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}
