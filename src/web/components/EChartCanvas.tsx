/**
 * The only module that imports ECharts: tree-shaken from echarts/core with the SVG renderer and just the
 * chart types the app draws. Loaded lazily through <EChart>, so pages without charts never download it.
 */
import {
  BarChart,
  CustomChart,
  LineChart,
  type BarSeriesOption,
  type CustomSeriesOption,
  type LineSeriesOption,
} from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// The ESM build: under Vite 8 (Rolldown) the CommonJS `lib/core` default import arrives as a module object.
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([
  BarChart,
  LineChart,
  // The tile-grid map of Japan (docs/decisions/0007-japan-map.md) draws its tiles as a custom series.
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
  | VisualMapComponentOption
>;

const FONT_FAMILY =
  '"Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif';

export interface EChartCanvasProps {
  option: ChartOption;
  height: number;
}

export default function EChartCanvas({ option, height }: EChartCanvasProps) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={{ textStyle: { fontFamily: FONT_FAMILY, color: '#343a40' }, animation: false, ...option }}
      notMerge
      lazyUpdate
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
    />
  );
}
