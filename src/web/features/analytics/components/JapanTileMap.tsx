import type { AnalyticsMapResponse } from '../../../../contracts/analytics';
import { EChart, type ChartOption } from '../../../components/EChart';
import { useLocale, useLocalize } from '../../../lib/format';
import { formatFigure } from '../figure-format';
import { shortPrefectureName, TILE_GRID_COLUMNS, TILE_GRID_ROWS, tileOf } from '../japan-tile-grid';

interface Props {
  data: AnalyticsMapResponse;
  label: string;
  clustersLabel: (count: number) => string;
  noValueLabel: string;
}

const EMPTY_TILE = '#eef0f3';
const LOW = '#d6e4f2';
const HIGH = '#123d6e';

interface TileDatum {
  value: [number, number, number | '-'];
  name: string;
  clusterLine: string;
  tooltip: string;
  hasClusters: boolean;
}

/** Minimal shape of the ECharts custom-series API that renderItem uses. */
interface RenderApi {
  value: (dimension: number) => number | string;
  coord: (point: number[]) => number[];
  size: (size: number[]) => number[];
  visual: (name: string) => unknown;
}

/**
 * Japan as a tile grid (docs/decisions/0007-japan-map.md): a tile per prefecture, coloured by the
 * figure of the clusters placed there, labelled with the prefecture and its clusters.
 */
export function JapanTileMap({ data, label, clustersLabel, noValueLabel }: Props) {
  const locale = useLocale();
  const localize = useLocalize();
  const clusterNames = new Map(data.clusters.map((c) => [c.key, localize(c.name)]));
  const fmt = (v: number | null) => formatFigure(v, data.indicator.unit, data.normalise, locale);
  const values = data.prefectures
    .map((p) => p.figure?.normalised ?? null)
    .filter((v): v is number => v !== null);
  const max = Math.max(1, ...values);

  const tiles: TileDatum[] = data.prefectures.flatMap((p) => {
    const tile = tileOf(p.code);
    if (!tile) return [];
    const value = p.figure?.normalised ?? null;
    const names = p.clusterKeys.map((k) => clusterNames.get(k) ?? k);
    const clusterLine =
      names.length === 0 ? '' : names.length <= 2 ? names.join('・') : clustersLabel(names.length);
    const tooltip = [
      `<strong>${localize(p.name)}</strong>: ${fmt(value) ?? noValueLabel}`,
      ...p.clusterKeys.map((k) => {
        const cluster = data.clusters.find((c) => c.key === k);
        return `${clusterNames.get(k) ?? k}: ${fmt(cluster?.figure?.normalised ?? null) ?? noValueLabel}`;
      }),
    ].join('<br/>');
    return [
      {
        value: [tile.x, tile.y, value ?? '-'],
        name: shortPrefectureName(localize(p.name), locale),
        clusterLine,
        tooltip,
        hasClusters: names.length > 0,
      },
    ];
  });

  const option: ChartOption = {
    grid: { left: 4, right: 4, top: 4, bottom: 56 },
    xAxis: { type: 'value', min: -0.5, max: TILE_GRID_COLUMNS - 0.5, show: false },
    yAxis: { type: 'value', min: -0.5, max: TILE_GRID_ROWS - 0.5, inverse: true, show: false },
    tooltip: {
      trigger: 'item',
      formatter: (params) => (params as unknown as { data: TileDatum }).data.tooltip,
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      dimension: 2,
      seriesIndex: 0,
      orient: 'horizontal',
      left: 'center',
      bottom: 8,
      itemWidth: 12,
      itemHeight: 200,
      text: [fmt(max) ?? '', '0'],
      inRange: { color: [LOW, HIGH] },
      calculable: false,
    },
    series: [
      {
        type: 'custom',
        encode: { x: 0, y: 1 },
        data: tiles,
        renderItem: ((params: unknown, api: RenderApi) => {
          const index = (params as { dataIndex: number }).dataIndex;
          const datum = tiles[index]!;
          const [cx = 0, cy = 0] = api.coord([Number(api.value(0)), Number(api.value(1))]);
          const [w = 0, h = 0] = api.size([1, 1]);
          const raw = api.value(2);
          const hasValue = typeof raw === 'number' && !Number.isNaN(raw);
          const fill = hasValue ? String(api.visual('color')) : EMPTY_TILE;
          const dark = hasValue && raw / max > 0.5;
          const textFill = dark ? '#ffffff' : '#1f2933';
          return {
            type: 'group',
            children: [
              {
                type: 'rect',
                shape: { x: cx - w / 2 + 1.5, y: cy - h / 2 + 1.5, width: w - 3, height: h - 3, r: 4 },
                style: {
                  fill,
                  stroke: datum.hasClusters ? '#1f2933' : '#ffffff',
                  lineWidth: datum.hasClusters ? 1.5 : 1,
                },
              },
              {
                type: 'text',
                style: {
                  text: datum.clusterLine ? `${datum.name}\n${datum.clusterLine}` : datum.name,
                  x: cx,
                  y: cy,
                  align: 'center',
                  verticalAlign: 'middle',
                  fill: textFill,
                  fontSize: 10,
                  lineHeight: 13,
                  width: w - 6,
                  overflow: 'truncate',
                },
              },
            ],
          };
        }) as never,
      },
    ],
  };
  return <EChart option={option} label={label} height={560} />;
}
