import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';
import type { FyRange } from '../api/outcome-table-api';

interface Props {
  value: FyRange;
  years: readonly number[];
  onChange: (range: FyRange) => void;
}

/** From / to fiscal years; choosing a start after the end moves the end along (and vice versa). */
export function FyRangeSelector({ value, years, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const data = years.map((fy) => ({ value: String(fy), label: `${f.fy(fy)} (${f.fyAlternate(fy)})` }));
  return (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('outcomes.fromFy')}
        data={data}
        value={String(value.from)}
        allowDeselect={false}
        w={220}
        onChange={(v) => {
          if (v === null) return;
          const from = Number(v);
          onChange({ from, to: Math.max(from, value.to) });
        }}
      />
      <Select
        label={t('outcomes.toFy')}
        data={data}
        value={String(value.to)}
        allowDeselect={false}
        w={220}
        onChange={(v) => {
          if (v === null) return;
          const to = Number(v);
          onChange({ from: Math.min(value.from, to), to });
        }}
      />
    </Group>
  );
}
