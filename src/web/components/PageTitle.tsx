import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageTitleProps {
  title: string;
  /** A line under the heading (e.g. the name in the other language). */
  subtitle?: ReactNode;
  /** Buttons shown beside the heading. */
  actions?: ReactNode;
  /** Extra content under the heading (badges). */
  children?: ReactNode;
}

/** The page's one h1, which also sets the document title. */
export function PageTitle({ title, subtitle, actions, children }: PageTitleProps) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title && title !== appName ? `${title} | ${appName}` : appName;
  }, [title, appName]);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 24rem' }}>
        <Title order={1} className="kcp-page-title">
          {title}
        </Title>
        {subtitle ? (
          <Text c="dimmed" size="md">
            {subtitle}
          </Text>
        ) : null}
        {children}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
