/**
 * The only module that imports ECharts: tree-shaken from echarts/core with the SVG renderer and just the
 * chart types the app draws. Loaded lazily through <EChart>, so pages without charts never download it.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// The ESM build: under Vite 8 (Rolldown) the CommonJS `lib/core` default import arrives as a module object.
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
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
