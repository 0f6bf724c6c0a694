import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallTabs } from '../../../components/CallTabs';
import { DownloadMenu } from '../../../components/DownloadMenu';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocale, useLocalize } from '../../../lib/format';
import { reportLinks, useCallResults } from '../api/selection-results-api';
import { LimitsSummary } from '../components/LimitsSummary';
import { PublishPanel } from '../components/PublishPanel';
import { RankedTable } from '../components/RankedTable';
import { ScoreChart } from '../components/ScoreChart';

/** /calls/:key/results — the officers' ranked list, decisions and publication of one call. */
export function CallResultsPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const locale = useLocale();
  const results = useCallResults(key);
  if (results.isPending) return <LoadingState />;
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  return (
    <>
      <PageTitle
        actions={
          <DownloadMenu
            links={reportLinks(`/api/v1/calls/${encodeURIComponent(key)}/report`, locale)}
            what={t('selectionResults.page.report')}
          />
        }
        title={t('selectionResults.page.title', { call: localize(r.call.title) })}
        subtitle={`${f.fy(r.call.fiscalYear)} · ${t('selectionResults.page.aggregation', {
          method: t(`selectionResults.aggregation.${r.call.aggregation}`),
        })}`}
      >
        <Group gap="xs">
          <Badge variant="light">{t(`selectionResults.callStatus.${r.call.status}`)}</Badge>
          {r.call.isDemo ? <Badge color="grape">{t('selectionResults.page.demo')}</Badge> : null}
        </Group>
      </PageTitle>
      <CallTabs callKey={key} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('selectionResults.page.explain')}
        </Text>
        {r.limits ? <LimitsSummary limits={r.limits} /> : null}
        <PublishPanel results={r} />
        {r.proposals.length === 0 ? (
          <Alert color="gray">{t('selectionResults.page.empty')}</Alert>
        ) : (
          <>
            <RankedTable results={r} />
            <Title order={2} size="h3">
              {t('selectionResults.chart.title')}
            </Title>
            <ScoreChart results={r} />
          </>
        )}
      </Stack>
    </>
  );
}
