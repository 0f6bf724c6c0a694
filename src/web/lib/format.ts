/** Formatting hooks: thin wrappers over src/domain rules that read the current language. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../contracts/common';
import { formatFiscalYear, formatFiscalYearRange, isFiscalYear } from '../../domain/fiscal-year';
import { formatUsd, formatUsdCompact, formatYen, yenToUsd, type YenUnit } from '../../domain/money';
import { isAppLocale, type AppLocale } from '../i18n';

/** The current UI language ('ja' unless English was chosen). */
export function useLocale(): AppLocale {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isAppLocale(language) ? language : 'ja';
}

/** Picks the text in `locale`, falling back to the other language when that one is empty. */
export function localize(text: LocalizedText | null | undefined, locale: AppLocale): string {
  if (!text) return '';
  const preferred = text[locale].trim();
  if (preferred) return preferred;
  return (locale === 'ja' ? text.en : text.ja).trim();
}

/** The other language's text, when it differs (for showing both names). */
export function otherLanguage(text: LocalizedText | null | undefined, locale: AppLocale): string {
  if (!text) return '';
  const other = (locale === 'ja' ? text.en : text.ja).trim();
  return other && other !== localize(text, locale) ? other : '';
}

/** A name in the current language, falling back to the other. */
export function useLocalized(text: LocalizedText | null | undefined): string {
  return localize(text, useLocale());
}

/** A function picking names in the current language (for lists). */
export function useLocalize(): (text: LocalizedText | null | undefined) => string {
  const locale = useLocale();
  return useCallback((text) => localize(text, locale), [locale]);
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Whole numbers with thousands separators (the same in both languages). */
export function formatCount(value: number): string {
  return integerFormat.format(value);
}

function groupDigits(value: number): string {
  return integerFormat.format(value);
}

/**
 * Large round yen amounts the way each language says them: ja 5億円 / 1,500万円, en ¥500 million; anything
 * else falls back to formatYen 'auto'.
 */
export function formatYenCompact(yen: number, locale: AppLocale): string {
  const magnitude = Math.abs(yen);
  const sign = yen < 0 ? '-' : '';
  if (locale === 'ja') {
    if (magnitude >= 1e8 && magnitude % 1e4 === 0) {
      const oku = Math.floor(magnitude / 1e8);
      const man = (magnitude % 1e8) / 1e4;
      return `${sign}${groupDigits(oku)}億${man ? `${groupDigits(man)}万` : ''}円`;
    }
    if (magnitude >= 1e4 && magnitude % 1e4 === 0) return `${sign}${groupDigits(magnitude / 1e4)}万円`;
    return formatYen(yen, 'auto', locale);
  }
  if (magnitude >= 1e9 && magnitude % 1e8 === 0) return `${sign}¥${trimDecimal(magnitude / 1e9)} billion`;
  if (magnitude >= 1e6 && magnitude % 1e5 === 0) return `${sign}¥${trimDecimal(magnitude / 1e6)} million`;
  return formatYen(yen, 'auto', locale);
}

function trimDecimal(value: number): string {
  return Number.isInteger(value) ? groupDigits(value) : value.toFixed(1);
}

const dateTimeFormats: Record<AppLocale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }),
};
const dateFormats: Record<AppLocale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }),
};

export interface Formatters {
  locale: AppLocale;
  /** 平成16年度 / FY2004 */
  fy: (fy: number) => string;
  /** The same year in the other calendar: FY2004 / 平成16年度 */
  fyAlternate: (fy: number) => string;
  fyRange: (from: number, to: number | null) => string;
  count: (value: number) => string;
  yen: (yen: number, unit?: YenUnit) => string;
  yenCompact: (yen: number) => string;
  usd: (yen: number, yenPerUsd: number) => string;
  usdCompact: (yen: number, yenPerUsd: number) => string;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
}

function safeFy(fy: number, locale: AppLocale): string {
  return isFiscalYear(fy) ? formatFiscalYear(fy, locale) : String(fy);
}

function formatDate(iso: string, format: Intl.DateTimeFormat): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** Formatting functions bound to the current language. */
export function useFormatters(): Formatters {
  const locale = useLocale();
  return useMemo<Formatters>(
    () => ({
      locale,
      fy: (fy) => safeFy(fy, locale),
      fyAlternate: (fy) => safeFy(fy, locale === 'ja' ? 'en' : 'ja'),
      fyRange: (from, to) => {
        if (to === null) return `${safeFy(from, locale)}${locale === 'ja' ? '〜' : '–'}`;
        if (!isFiscalYear(from) || !isFiscalYear(to) || from > to) return `${from}–${to}`;
        return formatFiscalYearRange(from, to, locale);
      },
      count: formatCount,
      yen: (yen, unit = 'auto') => formatYen(yen, unit, locale),
      yenCompact: (yen) => formatYenCompact(yen, locale),
      usd: (yen, yenPerUsd) => formatUsd(yenToUsd(yen, yenPerUsd), locale),
      usdCompact: (yen, yenPerUsd) => formatUsdCompact(yenToUsd(yen, yenPerUsd), locale),
      dateTime: (iso) => formatDate(iso, dateTimeFormats[locale]),
      date: (iso) => formatDate(iso, dateFormats[locale]),
    }),
    [locale],
  );
}
