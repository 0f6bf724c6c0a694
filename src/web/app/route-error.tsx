import { Button, Code, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage, StatusPage } from '../components/StatusPage';

/** Shown when a page fails to load or render (e.g. a stale chunk after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <StatusPage
      title={t('errors.pageFailedTitle')}
      message={t('errors.pageFailedText')}
      action={
        <Stack gap="sm" align="flex-start">
          <Code block>{message}</Code>
          <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
        </Stack>
      }
    />
  );
}
