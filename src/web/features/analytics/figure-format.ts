/** How analytics figures read: counts as whole numbers, yen compactly, ratios with two decimals. */
import type { Normalisation } from '../../../domain/analytics';
import { formatCount, formatYenCompact } from '../../lib/format';

export function formatFigure(
  value: number | null,
  unit: string,
  mode: Normalisation,
  locale: 'ja' | 'en',
): string | null {
  if (value === null) return null;
  if (unit === 'yen') return formatYenCompact(Math.round(value), locale);
  if (mode === 'raw') return formatCount(value);
  return value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}
