/** i18next set-up: Japanese by default, English on request; the choice is kept in localStorage and on <html lang>. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';

export type AppLocale = 'ja' | 'en';
export const APP_LOCALES: readonly AppLocale[] = ['ja', 'en'];
export const LOCALE_STORAGE_KEY = 'kcp.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return value === 'ja' || value === 'en';
}

/** The language chosen earlier in this browser, if any. */
export function readStoredLocale(): AppLocale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function storeLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

function applyDocumentLanguage(locale: AppLocale): void {
  document.documentElement.lang = locale;
}

/** Initialises i18next synchronously (resources are bundled). */
export function initI18n(): typeof i18n {
  const initial = readStoredLocale() ?? 'ja';
  void i18n.use(initReactI18next).init({
    resources: { ja: { translation: resources.ja }, en: { translation: resources.en } },
    lng: initial,
    fallbackLng: 'ja',
    supportedLngs: ['ja', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyDocumentLanguage(initial);
  i18n.on('languageChanged', (lng) => {
    const locale: AppLocale = isAppLocale(lng) ? lng : 'ja';
    applyDocumentLanguage(locale);
  });
  return i18n;
}

/** Switches the language and remembers it in this browser. */
export async function changeLocale(locale: AppLocale): Promise<void> {
  storeLocale(locale);
  await i18n.changeLanguage(locale);
}

export { i18n };
