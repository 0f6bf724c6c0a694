import { Alert, Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DownloadMenu } from '../../../components/DownloadMenu';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useProgrammeFacts } from '../../../lib/reference';
import {
  analyticsDownloadUrls,
  type AnalyticsView,
  useAnalyticsMap,
  useIndicatorAnalytics,
} from '../api/analytics-api';
import { readView, writeView } from '../analytics-view';
import { AnalyticsFilters } from '../components/AnalyticsFilters';
import { AnalyticsTable } from '../components/AnalyticsTable';
import { JapanTileMap } from '../components/JapanTileMap';
import { RankedBarChart } from '../components/RankedBarChart';
import { TREND_SERIES, TrendLineChart } from '../components/TrendLineChart';

/** `/analytics` — compare clusters on any indicator; every filter is in the URL. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const [params, setParams] = useSearchParams();
  const view = readView(params);
  const analytics = useIndicatorAnalytics(view);
  const map = useAnalyticsMap(view);
  const programme = useProgrammeFacts();

  const years = useMemo(() => {
    const starts = programme.data?.clustersByStartFy.map((r) => r.fy) ?? [];
    const duration = programme.data?.durationYears ?? 1;
    const first = Math.min(view.from, ...starts);
    const last = Math.max(view.to, ...starts.map((fy) => fy + duration - 1));
    const list: number[] = [];
    for (let fy = first; fy <= last; fy++) list.push(fy);
    return list;
  }, [programme.data, view.from, view.to]);

  const setView = (next: AnalyticsView) =>
    setParams(writeView(params, next), { replace: true, preventScrollReset: true });

  const data = analytics.data;
  const indicatorName = data ? localize(data.indicator.label) : view.indicator;
  const normaliseName = t(`analytics.normaliseOptions.${view.normalise}`);
  const period = f.fyRange(view.from, view.to);
  const hasFigures = data && data.overall.total !== null;

  return (
    <Stack gap="lg">
      <PageTitle title={t('analytics.title')} subtitle={t('analytics.subtitle')} />

      <Paper withBorder p="md" radius="md" component="section" aria-label={t('analytics.filters')}>
        <Group justify="space-between" align="flex-start" gap="md">
          <AnalyticsFilters view={view} years={years} onChange={setView} />
          <DownloadMenu links={analyticsDownloadUrls(view, f.locale)} what={t('analytics.downloadWhat')} />
        </Group>
        <Text size="sm" c="dimmed" mt="sm">
          {t('analytics.shareHint')}
        </Text>
      </Paper>

      {analytics.error ? (
        <ErrorAlert error={analytics.error} onRetry={() => void analytics.refetch()} />
      ) : null}
      {analytics.isPending ? <LoadingState /> : null}
      {data && data.notes.length > 0 ? (
        <Alert variant="light" color="blue">
          <Stack gap={4}>
            {data.notes.map((n) => (
              <Text key={n.code} size="sm">
                {localize(n.message)}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {data && !hasFigures ? (
        <Text c="dimmed" py="lg">
          {t('analytics.noFigures')}
        </Text>
      ) : null}

      {data && hasFigures ? (
        <Stack gap="lg" aria-busy={analytics.isFetching}>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Paper withBorder p="md" radius="md" h="100%">
                <Title order={2} size="h3" mb="sm">
                  {t('analytics.rankingHeading')}
                </Title>
                <RankedBarChart
                  data={data}
                  label={t('analytics.rankingChart', {
                    indicator: indicatorName,
                    normalise: normaliseName,
                    period,
                  })}
                />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Paper withBorder p="md" radius="md" h="100%">
                <Title order={2} size="h3" mb="sm">
                  {t('analytics.trendHeading')}
                </Title>
                <TrendLineChart data={data} label={t('analytics.trendChart', { indicator: indicatorName })} />
                {data.groups.filter((g) => g.points.length > 0).length > TREND_SERIES ? (
                  <Text size="sm" c="dimmed">
                    {t('analytics.trendTopN', { count: TREND_SERIES })}
                  </Text>
                ) : null}
              </Paper>
            </Grid.Col>
          </Grid>

          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h3" mb="xs">
              {t('analytics.mapHeading')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('analytics.mapNote')}
            </Text>
            {map.error ? <ErrorAlert error={map.error} onRetry={() => void map.refetch()} /> : null}
            {map.data ? (
              <JapanTileMap
                data={map.data}
                label={t('analytics.mapChart', { indicator: indicatorName, normalise: normaliseName })}
                clustersLabel={(count) => t('analytics.mapClusters', { count })}
                noValueLabel={t('analytics.mapNoValue')}
              />
            ) : (
              <LoadingState />
            )}
          </Paper>

          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h3" mb="sm">
              {t('analytics.tableHeading')}
            </Title>
            <AnalyticsTable
              data={data}
              caption={t('analytics.tableCaption', {
                indicator: indicatorName,
                normalise: normaliseName,
                period,
              })}
            />
            <Text size="sm" c="dimmed" mt="sm">
              {t('analytics.targetsLink')}{' '}
              <Anchor component={Link} to="/">
                {t('analytics.programmeOverview')}
              </Anchor>
            </Text>
          </Paper>
        </Stack>
      ) : null}
    </Stack>
  );
}
