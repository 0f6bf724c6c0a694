import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { DisplayPreferencesProvider } from '../lib/display-preferences';
import { SESSION_QUERY_KEY } from '../lib/session';
import { cssVariablesResolver, theme } from './theme';

function createQueryClient(): QueryClient {
  // A 401 means the session ended (expired, or signed out elsewhere): reload it, so guarded pages send the
  // reader to sign in and the header shows the signed-out state.
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED') {
      void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx answer will not change by asking again; network and 5xx failures get two more tries.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  // Dialog close buttons are icons: give them a spoken name in the current language.
  const localizedTheme = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
          Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
        },
      }),
    [closeLabel],
  );
  return (
    <MantineProvider
      theme={localizedTheme}
      cssVariablesResolver={cssVariablesResolver}
      forceColorScheme="light"
    >
      <QueryClientProvider client={queryClient}>
        <DisplayPreferencesProvider>{children}</DisplayPreferencesProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
