/**
 * For the web's render tests: a page rendered on the server (react-dom/server) inside the app's
 * providers, with its queries answered from a seed (the bodies a real API gave), and the text a
 * reader would see. Importing this initialises i18next with every translation, English first;
 * tests switch with `i18n.changeLanguage`.
 */
import { createElement as h, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../src/web/i18n/resources';
import type { ApiError } from '../../src/web/lib/api-client';
import { DisplayPreferencesProvider } from '../../src/web/lib/display-preferences';

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: resources.ja }, en: { translation: resources.en } },
  lng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Query key → the answer the page's query starts with. */
export type QuerySeed = [readonly unknown[], unknown][];

/**
 * The HTML of `el` routed at `route` and opened at `path`; `failed` queries start in their error
 * state (a refused or missing answer).
 */
export function renderPage(
  el: ReactElement,
  seed: QuerySeed,
  path: string,
  route: string,
  failed: [readonly unknown[], ApiError][] = [],
): string {
  const qc = new QueryClient();
  for (const [k, v] of seed) qc.setQueryData(k, v);
  for (const [queryKey, error] of failed)
    qc.getQueryCache()
      .build(qc, { queryKey })
      .setState({ status: 'error', fetchStatus: 'idle', error, data: undefined, errorUpdatedAt: 1 });
  return renderToString(
    h(
      MantineProvider,
      null,
      h(
        QueryClientProvider,
        { client: qc },
        h(
          DisplayPreferencesProvider,
          null,
          h(
            MemoryRouter,
            { initialEntries: [path] },
            h(Routes, null, h(Route, { path: route, element: el })),
          ),
        ),
      ),
    ),
  );
}

/** Text as the reader sees it: tags dropped, React's text separators and entities undone. */
export function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
