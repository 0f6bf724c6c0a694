import { Anchor, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutcomeTableResponse } from '../../../../contracts/outcomes';
import { useDisplayPreferences } from '../../../lib/display-preferences';
import { formatCount, useFormatters, useLocalize } from '../../../lib/format';
import { useYenPerUsd } from '../../../lib/reference';
import { displayValue, groupIndicators, type OutcomeIndicator } from './outcome-columns';

/** 'cluster' (the name column) or an indicator key. */
type SortColumn = string;
type SortDirection = 'ascending' | 'descending';
interface SortState {
  column: SortColumn | null;
  direction: SortDirection;
}

interface Props {
  table: OutcomeTableResponse;
  caption: string;
}

function SortButton({
  label,
  active,
  direction,
  onClick,
}: {
  label: React.ReactNode;
  active: boolean;
  direction: SortDirection;
  onClick: () => void;
}) {
  return (
    <button type="button" className="kcp-sort-button" onClick={onClick}>
      <span className="kcp-sort-label">{label}</span>
      <span className="kcp-sort-icon" aria-hidden="true">
        {active ? (direction === 'ascending' ? '▲' : '▼') : '⇅'}
      </span>
    </button>
  );
}

/**
 * The seed deck's outcome table: clusters × 13 indicators under a two-level grouped header, sortable by any
 * column, with the Total row kept at the bottom.
 */
export function OutcomeTable({ table, caption }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const { showUsd } = useDisplayPreferences();
  const yenPerUsd = useYenPerUsd();
  const [sort, setSort] = useState<SortState>({ column: null, direction: 'descending' });
  const groups = useMemo(() => groupIndicators(table.indicators), [table.indicators]);
  const collator = useMemo(() => new Intl.Collator(f.locale === 'ja' ? 'ja' : 'en'), [f.locale]);

  const rows = useMemo(() => {
    if (sort.column === null) return table.rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    const column = sort.column;
    return [...table.rows].sort((a, b) => {
      if (column === 'cluster')
        return sign * collator.compare(localize(a.cluster.name), localize(b.cluster.name));
      const diff = (a.values[column] ?? 0) - (b.values[column] ?? 0);
      return diff !== 0 ? sign * diff : collator.compare(localize(a.cluster.name), localize(b.cluster.name));
    });
  }, [table.rows, sort, collator, localize]);

  const toggle = (column: SortColumn) => {
    setSort((current) => {
      if (current.column === column) {
        return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
      }
      return { column, direction: column === 'cluster' ? 'ascending' : 'descending' };
    });
  };

  const ariaSort = (column: SortColumn) => (sort.column === column ? sort.direction : 'none');

  const shortLabel = (indicator: OutcomeIndicator) => {
    const key = `outcomes.short.${indicator.key}`;
    const known = t(key as never, { defaultValue: '' });
    return typeof known === 'string' && known ? known : localize(indicator.label);
  };
  const unitSuffix = (indicator: OutcomeIndicator) =>
    indicator.unit === 'yen' ? t('outcomes.unitThousandYenSuffix') : '';

  const headerButton = (indicator: OutcomeIndicator, label: string) => (
    <SortButton
      label={
        <>
          {label}
          {unitSuffix(indicator) ? (
            <Text span inherit fw={400} display="block" size="xs">
              {unitSuffix(indicator)}
            </Text>
          ) : null}
        </>
      }
      active={sort.column === indicator.key}
      direction={sort.direction}
      onClick={() => toggle(indicator.key)}
    />
  );

  const cell = (indicator: OutcomeIndicator, value: number | undefined) => {
    const raw = value ?? 0;
    return (
      <>
        {formatCount(displayValue(indicator, raw))}
        {indicator.unit === 'yen' && showUsd && yenPerUsd !== null && raw !== 0 ? (
          <Text span size="xs" c="dimmed" display="block">
            {f.usd(raw, yenPerUsd)}
          </Text>
        ) : null}
      </>
    );
  };

  return (
    <Table.ScrollContainer minWidth={1080} type="native">
      <Table
        className="kcp-outcome-table"
        data-testid="outcome-table"
        fz="sm"
        highlightOnHover
        captionSide="top"
      >
        <Table.Caption ta="left" c="dark" mb={4}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2} scope="col" aria-sort={ariaSort('cluster')} style={{ minWidth: 150 }}>
              <SortButton
                label={t('outcomes.cluster')}
                active={sort.column === 'cluster'}
                direction={sort.direction}
                onClick={() => toggle('cluster')}
              />
            </Table.Th>
            {groups.map((group) => {
              const only = group.indicators.length === 1 ? group.indicators[0] : undefined;
              if (only) {
                return (
                  <Table.Th key={group.group} rowSpan={2} scope="col" aria-sort={ariaSort(only.key)}>
                    {headerButton(only, localize(only.label))}
                  </Table.Th>
                );
              }
              return (
                <Table.Th key={group.group} colSpan={group.indicators.length} scope="colgroup">
                  {localize(group.label)}
                </Table.Th>
              );
            })}
          </Table.Tr>
          <Table.Tr>
            {groups
              .filter((group) => group.indicators.length > 1)
              .flatMap((group) =>
                group.indicators.map((indicator) => (
                  <Table.Th key={indicator.key} scope="col" aria-sort={ariaSort(indicator.key)}>
                    {headerButton(indicator, shortLabel(indicator))}
                  </Table.Th>
                )),
              )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.cluster.key}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/clusters/${row.cluster.key}`} size="sm" fw={500}>
                  {localize(row.cluster.name)}
                </Anchor>
                {row.reports.length > 0 ? (
                  <Text size="xs" c="dimmed">
                    {row.reports.map((r) => f.fyRange(r.fyFrom, r.fyTo)).join(t('common.listSeparator'))}
                  </Text>
                ) : null}
              </Table.Th>
              {table.indicators.map((indicator) => (
                <Table.Td
                  key={indicator.key}
                  className="kcp-num"
                  data-indicator={indicator.key}
                  data-value={row.values[indicator.key] ?? 0}
                >
                  {cell(indicator, row.values[indicator.key])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="outcome-total-row">
            <Table.Th scope="row">{t('common.total')}</Table.Th>
            {table.indicators.map((indicator) => (
              <Table.Td
                key={indicator.key}
                className="kcp-num"
                data-indicator={indicator.key}
                data-value={table.total.values[indicator.key] ?? 0}
              >
                {cell(indicator, table.total.values[indicator.key])}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
