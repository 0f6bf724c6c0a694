/** How the results show their figures and colours, the same on every page of the feature. */
import type { LocalizedText } from '../../../../contracts/common';
import type { BandsInput, GradeScaleInput } from '../../../../contracts/evaluation-rounds';

export {
  formatAlpha,
  formatNumber,
  formatOffset,
  formatScore,
  formatScore100,
  formatShare,
} from '../../../lib/score-format';

/**
 * Krippendorff's (2004) reading of alpha: conclusions may rest on α ≥ 0.8, only tentative ones on
 * 0.667 ≤ α < 0.8, none below; undefined when the grades leave nothing to compare.
 */
export type AlphaReading = 'good' | 'tentative' | 'low' | 'undefined';

export function alphaReading(alpha: number | null): AlphaReading {
  if (alpha === null) return 'undefined';
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.667) return 'tentative';
  return 'low';
}

export const ALPHA_COLORS: Record<AlphaReading, string> = {
  good: 'teal',
  tentative: 'yellow',
  low: 'red',
  undefined: 'gray',
};

/** Colours by position, best first: a band and the grade of the same position look alike. */
const PALETTE = [
  { mantine: 'teal', hex: '#099268' },
  { mantine: 'blue', hex: '#1971c2' },
  { mantine: 'yellow', hex: '#e67700' },
  { mantine: 'red', hex: '#c92a2a' },
  { mantine: 'grape', hex: '#862e9c' },
  { mantine: 'gray', hex: '#495057' },
];
const NO_BAND = { mantine: 'gray', hex: '#adb5bd' };

function paletteAt(index: number) {
  return index < 0 ? NO_BAND : (PALETTE[Math.min(index, PALETTE.length - 1)] ?? NO_BAND);
}

export function bandColor(band: string | null, bands: BandsInput) {
  return paletteAt(band === null ? -1 : bands.findIndex((b) => b.band === band));
}

export function gradeColor(grade: string, scale: GradeScaleInput) {
  return paletteAt(scale.findIndex((s) => s.grade === grade));
}

/** The scale's lowest and highest points (the score axis). */
export function scaleRange(scale: GradeScaleInput): { min: number; max: number } {
  const points = scale.map((s) => s.points);
  return { min: Math.min(...points), max: Math.max(...points) };
}

/**
 * The band minimums that fall on the scale: the lowest band's catch-all minimum (−1e9, or anything
 * at or below the scale's lowest points) is no line on a chart.
 */
export function bandThresholds(bands: BandsInput, scale: GradeScaleInput) {
  const { min, max } = scaleRange(scale);
  return bands.filter((b) => b.minScore > min && b.minScore <= max);
}

/** How many scored entries hold each rank, so a shared rank can be marked (1, 2, 2, 4). */
export function rankCounts(entries: readonly { rank: number | null }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of entries) if (e.rank !== null) counts.set(e.rank, (counts.get(e.rank) ?? 0) + 1);
  return counts;
}

/**
 * Each criterion item's label numbered in the round's (tree) order, "3. Label", as the weights page
 * numbers them: two groups may hold items of the same label.
 */
export function numberedItemLabels(
  items: readonly { key: string; label: LocalizedText }[],
  localize: (text: LocalizedText) => string,
): Map<string, string> {
  return new Map(items.map((item, i) => [item.key, `${i + 1}. ${localize(item.label)}`]));
}
