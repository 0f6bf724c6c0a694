import { NumberInput, SegmentedControl, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetPlanYear } from '../../../../contracts/selection-common';
import { FiscalYear } from '../../../components/FiscalYear';
import { YenAmount } from '../../../components/YenAmount';

type Column = 'subsidyYen' | 'localYen' | 'otherYen';
const COLUMNS: Column[] = ['subsidyYen', 'localYen', 'otherYen'];

/** Five fiscal years from the call's: subsidy, local and other funds, entered in 円 or 千円, with totals. */
export function planFor(fiscalYear: number, plan: BudgetPlanYear[]): BudgetPlanYear[] {
  return Array.from({ length: 5 }, (_, i) => {
    const fy = fiscalYear + i;
    return (
      plan.find((y) => y.fiscalYear === fy) ?? { fiscalYear: fy, subsidyYen: 0, localYen: 0, otherYen: 0 }
    );
  });
}

export function BudgetPlanTable({
  value,
  onChange,
  disabled,
}: {
  value: BudgetPlanYear[];
  onChange: (plan: BudgetPlanYear[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<'yen' | 'thousand'>('thousand');
  const factor = unit === 'thousand' ? 1000 : 1;
  const total = (c: Column) => value.reduce((s, y) => s + y[c], 0);
  const set = (i: number, c: Column, v: number) =>
    onChange(value.map((y, n) => (n === i ? { ...y, [c]: Math.round(v * factor) } : y)));
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={unit}
        onChange={(v) => setUnit(v === 'yen' ? 'yen' : 'thousand')}
        data={[
          { value: 'thousand', label: t('selectionProposals.budget.thousand') },
          { value: 'yen', label: t('selectionProposals.budget.yen') },
        ]}
        w={200}
      />
      <Table.ScrollContainer minWidth={700}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('selectionProposals.budget.fy')}</Table.Th>
              {COLUMNS.map((c) => (
                <Table.Th key={c}>{t(`selectionProposals.budget.${c}`)}</Table.Th>
              ))}
              <Table.Th ta="right">{t('selectionProposals.budget.rowTotal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((y, i) => (
              <Table.Tr key={y.fiscalYear}>
                <Table.Td>
                  <FiscalYear fy={y.fiscalYear} withAlternate={false} />
                </Table.Td>
                {COLUMNS.map((c) => (
                  <Table.Td key={c}>
                    <NumberInput
                      aria-label={`${t(`selectionProposals.budget.${c}`)} FY${y.fiscalYear}`}
                      value={y[c] / factor}
                      min={0}
                      thousandSeparator=","
                      decimalScale={unit === 'thousand' ? 3 : 0}
                      disabled={disabled}
                      onChange={(v) => set(i, c, typeof v === 'number' ? v : 0)}
                    />
                  </Table.Td>
                ))}
                <Table.Td ta="right">
                  <YenAmount yen={y.subsidyYen + y.localYen + y.otherYen} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('selectionProposals.budget.total')}</Table.Th>
              {COLUMNS.map((c) => (
                <Table.Th key={c}>
                  <YenAmount yen={total(c)} />
                </Table.Th>
              ))}
              <Table.Th ta="right">
                <YenAmount yen={total('subsidyYen') + total('localYen') + total('otherYen')} />
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
