import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePublicCallSelection } from '../api/selection-results-api';
import { RegionsByPrefecture, SelectedRegionsTable } from '../components/SelectedRegions';

/** /selection/:key — one published call's selected and trial regions, as a table and by prefecture. */
export function PublicSelectionCallPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const call = usePublicCallSelection(key);
  if (call.isPending) return <LoadingState />;
  if (call.isError) return <ErrorAlert error={call.error} onRetry={() => void call.refetch()} />;
  const c = call.data;
  return (
    <>
      <PageTitle
        title={localize(c.title)}
        subtitle={`${f.fy(c.fiscalYear)} · ${t('selectionResults.public.announced', { date: f.date(c.publishedAt) })}`}
      />
      <Stack gap="lg">
        <Anchor component={Link} to="/selection" size="sm">
          {t('selectionResults.public.back')}
        </Anchor>
        {localize(c.description) ? <Text>{localize(c.description)}</Text> : null}
        <Text size="sm" c="dimmed">
          {t('selectionResults.public.counts', { selected: c.regions.length, total: c.proposalCount })}
        </Text>
        <SelectedRegionsTable regions={c.regions} />
        <Title order={2} size="h3">
          {t('selectionResults.public.byPrefecture')}
        </Title>
        <RegionsByPrefecture regions={c.regions} />
      </Stack>
    </>
  );
}
