import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { ChartOption } from './EChartCanvas';

export type { ChartOption } from './EChartCanvas';

const EChartCanvas = lazy(() => import('./EChartCanvas'));

interface EChartProps {
  option: ChartOption;
  /** Spoken name of the chart; the same data is always also available as a table or list on the page. */
  label: string;
  height?: number;
}

/** An ECharts chart (SVG renderer), announced to assistive technology as one labelled image. */
export function EChart({ option, label, height = 320 }: EChartProps) {
  return (
    <div role="img" aria-label={label} className="kcp-chart">
      <Suspense fallback={<Skeleton height={height} radius="sm" aria-hidden="true" />}>
        <EChartCanvas option={option} height={height} />
      </Suspense>
    </div>
  );
}
