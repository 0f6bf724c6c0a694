/** Number formats of the follow-up pages: scores, percentages and the rescaling factor. */
import type { YenUnit } from '../../../../domain/money';
import type { AppLocale } from '../../../i18n';

/** A total score on the round's points scale: the same two decimals as the results pages (3.70). */
export { formatScore } from '../../../lib/score-format';

const percentFormats: Record<AppLocale, Intl.NumberFormat> = {
  ja: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
};

/** A signed percentage: +10 %, −3.2 %, 0 %. */
export function formatPercent(percent: number | null, locale: AppLocale): string {
  if (percent === null) return '–';
  return `${percentFormats[locale].format(percent)}${locale === 'ja' ? '%' : ' %'}`;
}

/** The rescaling factor λ to four decimals (0.9474), so "every proposal × 0.9474" reads true. */
export function formatScale(scale: number): string {
  return scale.toFixed(4);
}

/** A yen amount in ¥M for chart axes (the tables show the exact figure). */
export function yenToChartMillions(yen: number): number {
  return Math.round(yen / 100_000) / 10;
}

/** The display unit that shows every figure of a rule exactly: ¥M for a unit of ¥1M or more, else finer. */
export function displayUnitOf(unitYen: number): YenUnit {
  if (unitYen >= 1_000_000) return 'million';
  return unitYen >= 1_000 ? 'thousand' : 'yen';
}

const millionsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A chart value in ¥M with at most one decimal (473.7). */
export function formatMillions(value: number): string {
  return millionsFormat.format(value);
}
