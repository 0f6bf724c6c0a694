/** A seed's title in the reader's language (its title fields may each be empty). */
import type { AppLocale } from '../../../i18n';

export interface SeedTitled {
  id: number;
  title: { ja: string | null; en: string | null };
}

/** The title in `locale`, else the other language's, else null (the caller shows "Seed #id"). */
export function seedTitle(seed: SeedTitled, locale: AppLocale): string | null {
  const preferred = seed.title[locale]?.trim();
  if (preferred) return preferred;
  const other = seed.title[locale === 'ja' ? 'en' : 'ja']?.trim();
  return other || null;
}
