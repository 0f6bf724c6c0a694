import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePublicSelection } from '../api/selection-results-api';
import { SelectedRegionsTable } from '../components/SelectedRegions';

/** /selection — every published call and the regions it selected or made trial regions. */
export function PublicSelectionPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const list = usePublicSelection();
  return (
    <>
      <PageTitle
        title={t('selectionResults.public.title')}
        subtitle={t('selectionResults.public.subtitle')}
      />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('selectionResults.public.none')}</Text>
      ) : (
        <Stack gap="lg">
          {list.data.items.map((c) => (
            <Card withBorder key={c.key} padding="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h3">
                  <Anchor component={Link} to={`/selection/${encodeURIComponent(c.key)}`}>
                    {localize(c.title)}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed">
                  {f.fy(c.fiscalYear)} ·{' '}
                  {t('selectionResults.public.announced', { date: f.date(c.publishedAt) })} ·{' '}
                  {t('selectionResults.public.counts', {
                    selected: c.regions.length,
                    total: c.proposalCount,
                  })}
                </Text>
              </Group>
              <SelectedRegionsTable regions={c.regions} />
            </Card>
          ))}
        </Stack>
      )}
    </>
  );
}
