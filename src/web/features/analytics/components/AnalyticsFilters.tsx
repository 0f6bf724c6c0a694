import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ANALYTICS_GROUPINGS, NORMALISATIONS } from '../../../../domain/analytics';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useReference } from '../../../lib/reference';
import type { AnalyticsView } from '../api/analytics-api';

interface Props {
  view: AnalyticsView;
  years: readonly number[];
  onChange: (view: AnalyticsView) => void;
}

/** Indicator, normalisation, fiscal-year range and grouping; every change goes to the URL. */
export function AnalyticsFilters({ view, years, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const reference = useReference();
  const indicators = (reference.data?.indicators ?? []).map((i) => ({
    value: i.key,
    label: localize(i.label),
  }));
  const yearOptions = years.map((fy) => ({ value: String(fy), label: `${f.fy(fy)} (${f.fyAlternate(fy)})` }));
  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t('analytics.indicator')}
          data={indicators.length > 0 ? indicators : [{ value: view.indicator, label: view.indicator }]}
          value={view.indicator}
          allowDeselect={false}
          w={260}
          onChange={(v) => v && onChange({ ...view, indicator: v })}
        />
        <Select
          label={t('analytics.fromFy')}
          data={yearOptions}
          value={String(view.from)}
          allowDeselect={false}
          w={210}
          onChange={(v) => {
            if (!v) return;
            const from = Number(v);
            onChange({ ...view, from, to: Math.max(from, view.to) });
          }}
        />
        <Select
          label={t('analytics.toFy')}
          data={yearOptions}
          value={String(view.to)}
          allowDeselect={false}
          w={210}
          onChange={(v) => {
            if (!v) return;
            const to = Number(v);
            onChange({ ...view, to, from: Math.min(view.from, to) });
          }}
        />
      </Group>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="analytics-normalise-label">
            {t('analytics.normalise')}
          </Text>
          <SegmentedControl
            aria-labelledby="analytics-normalise-label"
            value={view.normalise}
            onChange={(v) => onChange({ ...view, normalise: v })}
            data={NORMALISATIONS.map((n) => ({ value: n, label: t(`analytics.normaliseOptions.${n}`) }))}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="analytics-group-label">
            {t('analytics.groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="analytics-group-label"
            value={view.groupBy}
            onChange={(v) => onChange({ ...view, groupBy: v })}
            data={ANALYTICS_GROUPINGS.map((g) => ({ value: g, label: t(`analytics.groupByOptions.${g}`) }))}
          />
        </Stack>
      </Group>
    </Stack>
  );
}
