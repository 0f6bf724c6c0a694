import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DownloadMenu } from '../../../components/DownloadMenu';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { RoundStatusBadge } from '../../../components/RoundStatusBadge';
import { NotFoundPage } from '../../../components/StatusPage';
import { isApiError } from '../../../lib/api-client';
import { useFormatters, useLocale, useLocalize } from '../../../lib/format';
import { roundReportLinks, useRoundFindings, useRoundResults } from '../api/evaluation-results-api';
import { BandRules } from '../components/BandRules';
import { BandSummary } from '../components/BandSummary';
import { FindingsByCluster } from '../components/FindingsByCluster';
import { PublicResultsTable } from '../components/PublicResultsTable';
import { Section } from '../components/Section';
import { TotalScoreChart } from '../components/TotalScoreChart';
import { WeightSetTable } from '../components/WeightSetTable';

function Findings({ roundKey }: { roundKey: string }) {
  const findings = useRoundFindings(roundKey);
  if (findings.isPending) return <LoadingState />;
  if (findings.isError) return <ErrorAlert error={findings.error} onRetry={() => void findings.refetch()} />;
  return <FindingsByCluster findings={findings.data.items} />;
}

/**
 * /evaluations/:key — a published round's results for everyone: per cluster band, total score,
 * score on 100, rank and consolidated comment; the weight set used; the findings. Evaluators are
 * never named here.
 */
export function PublicRoundResultsPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormatters();
  const locale = useLocale();
  const localize = useLocalize();
  const results = useRoundResults(key);

  if (results.isPending) return <LoadingState />;
  if (results.isError) {
    if (isApiError(results.error) && results.error.code === 'WRONG_PHASE')
      return (
        <Stack gap="md">
          <PageTitle title={t('evaluationResults.public.title')} />
          <Alert color="gray" title={t('evaluationResults.public.notYetTitle')}>
            {t('evaluationResults.public.notYet')}
          </Alert>
          <Anchor component={Link} to="/evaluations" size="sm">
            {t('evaluationResults.public.back')}
          </Anchor>
        </Stack>
      );
    if (isApiError(results.error) && results.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  }
  const r = results.data;
  const announceOn = r.round.announceOn;
  return (
    <>
      <PageTitle
        title={localize(r.round.title)}
        subtitle={
          announceOn
            ? t('evaluationResults.public.announcedOn', {
                date: f.date(announceOn),
                at: f.dateTime(r.publishedAt),
              })
            : t('evaluationResults.public.publishedOn', { at: f.dateTime(r.publishedAt) })
        }
        actions={
          <DownloadMenu links={roundReportLinks(key, locale)} what={t('evaluationResults.public.report')} />
        }
      >
        <Group gap="xs">
          <RoundStatusBadge status={r.round.status} />
          <Badge variant="outline">{t(`roundKind.${r.round.kind}`)}</Badge>
          <FiscalYear fy={r.round.fiscalYear} withAlternate={false} />
          {r.round.isDemo ? <Badge color="grape">{t('evaluationResults.public.demo')}</Badge> : null}
        </Group>
      </PageTitle>
      <Stack gap="xl">
        <Stack gap="xs">
          <Anchor component={Link} to="/evaluations" size="sm">
            {t('evaluationResults.public.back')}
          </Anchor>
          {r.round.isDemo ? (
            <Alert color="grape" variant="light">
              {t('evaluationResults.scores.demo')}
            </Alert>
          ) : null}
          <Text size="sm">{t('evaluationResults.public.explain')}</Text>
          <Text size="sm" c="dimmed">
            {t('evaluationResults.public.anonymous')}
          </Text>
        </Stack>

        <Section id="public-results-heading" title={t('evaluationResults.sections.results')}>
          <BandSummary clusters={r.clusters} bands={r.bands} />
          <PublicResultsTable results={r} />
        </Section>

        <Section id="public-chart-heading" title={t('evaluationResults.sections.chartByBand')}>
          <BandRules bands={r.bands} scale={r.scale} />
          <TotalScoreChart
            clusters={r.clusters.map((c) => ({
              label: `${c.rank ?? '—'}. ${localize(c.cluster.name)}`,
              score: c.totalScore,
              band: c.band,
            }))}
            bands={r.bands}
            scale={r.scale}
            label={t('evaluationResults.chart.publicLabel')}
          />
        </Section>

        <Section id="public-weights-heading" title={t('evaluationResults.sections.weights')}>
          <WeightSetTable weightSet={r.weightSet} items={r.items} />
        </Section>

        <Section id="public-findings-heading" title={t('evaluationResults.sections.findings')}>
          <Text size="sm">{t('evaluationResults.findings.explain')}</Text>
          <Findings roundKey={key} />
        </Section>
      </Stack>
    </>
  );
}
