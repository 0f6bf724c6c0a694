import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle';

interface StatusPageProps {
  title: string;
  message: ReactNode;
  action?: ReactNode;
}

/** A full page for "not found", "not allowed" and similar outcomes. */
export function StatusPage({ title, message, action }: StatusPageProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <PageTitle title={title} />
      <Text>{message}</Text>
      {action ?? (
        <Anchor component={Link} to="/">
          {t('common.backToTop')}
        </Anchor>
      )}
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('errors.notFoundTitle')} message={t('errors.notFoundText')} />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('errors.forbiddenTitle')} message={t('errors.forbiddenText')} />;
}
