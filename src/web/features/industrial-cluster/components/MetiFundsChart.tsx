import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetiFund } from '../../../../contracts/industrial-cluster';
import { type ChartOption, EChart } from '../../../components/EChart';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { useFormatters } from '../../../lib/format';

/** METI funds summed per fiscal year, in ¥ million; the table beside it holds every fund. */
export function MetiFundsChart({ funds }: { funds: readonly MetiFund[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const option = useMemo<ChartOption>(() => {
    const byYear = new Map<number, number>();
    for (const fund of funds)
      byYear.set(fund.fiscalYear, (byYear.get(fund.fiscalYear) ?? 0) + fund.amountYen);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    return {
      aria: { enabled: true },
      grid: { left: 64, right: 16, top: 24, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: years.map((fy) => f.fy(fy)) },
      yAxis: { type: 'value', name: t('industrialCluster.fundsUnit') },
      series: [
        {
          type: 'bar',
          name: t('industrialCluster.funds'),
          itemStyle: { color: PRIMARY_CHART_COLOR },
          data: years.map((fy) => Math.round((byYear.get(fy) ?? 0) / 10_000) / 100),
        },
      ],
    };
  }, [funds, f, t]);
  return <EChart option={option} label={t('industrialCluster.fundsChart')} height={260} />;
}
