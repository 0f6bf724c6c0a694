/**
 * How evaluation figures are shown on every page (results, follow-up, public results): each kind of
 * figure always has the same number of decimals, so 3.60 stands next to 3.73 and 59.0 next to 91.1.
 */
import type { AppLocale } from '../i18n';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: AppLocale, digits: number, signed = false): Intl.NumberFormat {
  const id = `${locale}:${digits}:${signed}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    numberFormats.set(id, format);
  }
  return format;
}

const NONE = '—';

/** Decimals of a score on the round's points scale (a total, an evaluator's score, a band minimum). */
export const SCORE_DIGITS = 2;
/** Decimals of a score on the 100-point scale. */
export const SCORE100_DIGITS = 1;
/** Decimals of Krippendorff's alpha and of a leniency offset (alpha's thresholds are 0.667 and 0.8). */
export const AGREEMENT_DIGITS = 3;

/** A total or an evaluator's score on the points scale, to two decimals (3.20, 3.67). */
export function formatScore(value: number | null | undefined, locale: AppLocale = 'ja'): string {
  return value === null || value === undefined ? NONE : numberFormat(locale, SCORE_DIGITS).format(value);
}

/** A score on the 100-point scale, to one decimal (59.0, 91.1). */
export function formatScore100(value: number | null | undefined, locale: AppLocale = 'ja'): string {
  return value === null || value === undefined ? NONE : numberFormat(locale, SCORE100_DIGITS).format(value);
}

/** Krippendorff's alpha to three decimals (0.680). */
export function formatAlpha(value: number | null, locale: AppLocale = 'ja'): string {
  return value === null ? NONE : numberFormat(locale, AGREEMENT_DIGITS).format(value);
}

/** A leniency offset in points, to three decimals and always signed (+0.083, −0.083). */
export function formatOffset(value: number | null, locale: AppLocale = 'ja'): string {
  return value === null ? NONE : numberFormat(locale, AGREEMENT_DIGITS, true).format(value);
}

/** Any other figure (a mean rank) to exactly `digits` decimals. */
export function formatNumber(value: number, locale: AppLocale, digits: number): string {
  return numberFormat(locale, digits).format(value);
}

/** A share 0–1 as a percentage to one decimal (66.7%). */
export function formatShare(value: number, locale: AppLocale = 'ja'): string {
  return `${numberFormat(locale, 1).format(value * 100)}%`;
}
