import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import {
  DEFAULT_PERTURBATION,
  DEFAULT_STABILITY_SEED,
  DEFAULT_STABILITY_TRIALS,
  RoundScoresQuery,
  type RoundScoresResponse,
} from '../../../../contracts/evaluation-results';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { RoundShell } from '../../../components/RoundShell';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useFormatters, useLocale, useLocalize } from '../../../lib/format';
import { useRoundScores } from '../api/evaluation-results-api';
import { AgreementPanel } from '../components/AgreementPanel';
import { BandRules } from '../components/BandRules';
import { GradeDistribution } from '../components/GradeDistribution';
import { LeniencyPanel } from '../components/LeniencyPanel';
import { PublishPanel } from '../components/PublishPanel';
import { formatShare } from '../components/result-format';
import { ScoresTable } from '../components/ScoresTable';
import { Section } from '../components/Section';
import { StabilityControls } from '../components/StabilityControls';
import { StabilityPanel } from '../components/StabilityPanel';
import { TotalScoreChart } from '../components/TotalScoreChart';
import { WeightSetTable } from '../components/WeightSetTable';

const DEFAULT_QUERY: RoundScoresQuery = {
  trials: DEFAULT_STABILITY_TRIALS,
  perturbation: DEFAULT_PERTURBATION,
  seed: DEFAULT_STABILITY_SEED,
};

/** The stability options from the address (shareable, repeatable); anything unreadable falls back to the defaults. */
function queryFromSearch(search: URLSearchParams): RoundScoresQuery {
  const parsed = RoundScoresQuery.safeParse({
    trials: search.get('trials') ?? undefined,
    perturbation: search.get('perturbation') ?? undefined,
    seed: search.get('seed') ?? undefined,
  });
  return parsed.success ? parsed.data : DEFAULT_QUERY;
}

/** Why the scores are refused, in the reader's terms; null for problems the generic alert explains. */
function refusal(error: unknown): 'wrongPhase' | 'forbidden' | 'weightsNotLocked' | null {
  if (!isApiError(error)) return null;
  if (error.code === 'WRONG_PHASE') return 'wrongPhase';
  if (error.code === 'FORBIDDEN') return 'forbidden';
  if (error.code === 'WEIGHTS_NOT_LOCKED') return 'weightsNotLocked';
  return null;
}

function ScoresView({
  round,
  scores,
  query,
  onQuery,
  isRunning,
}: {
  round: RoundDetail;
  scores: RoundScoresResponse;
  query: RoundScoresQuery;
  onQuery: (query: RoundScoresQuery) => void;
  isRunning: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const locale = useLocale();
  const localize = useLocalize();
  const officer = scores.audience === 'officer';
  const canComment = officer && round.canManage && scores.source === 'live' && round.status === 'scoring';
  const stability = scores.stability;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Text size="sm">{t('evaluationResults.scores.explain')}</Text>
        <Text size="sm" c="dimmed">
          {scores.source === 'published' && scores.round.publishedAt
            ? t('evaluationResults.scores.sourcePublished', { at: f.dateTime(scores.round.publishedAt) })
            : t('evaluationResults.scores.sourceLive')}{' '}
          {t(`evaluationResults.scores.audience.${scores.audience}`)}
        </Text>
        {round.isDemo ? (
          <Alert color="grape" variant="light">
            {t('evaluationResults.scores.demo')}
          </Alert>
        ) : null}
        {!scores.complete && scores.source === 'live' ? (
          <Alert color="orange" variant="light">
            {t('evaluationResults.scores.incomplete', { count: scores.pendingAssignments })}
          </Alert>
        ) : null}
      </Stack>

      {officer && round.canManage ? <PublishPanel scores={scores} round={round} /> : null}

      <Section id="ranking-heading" title={t('evaluationResults.sections.ranking')}>
        <BandRules bands={scores.bands} scale={scores.scale} />
        <ScoresTable scores={scores} canComment={canComment} />
      </Section>

      <Section id="chart-heading" title={t('evaluationResults.sections.chart')}>
        <TotalScoreChart
          clusters={scores.clusters.map((c) => ({
            label: `${c.rank ?? '—'}. ${localize(c.cluster.name)}`,
            score: c.totalScore,
            band: c.band,
          }))}
          bands={scores.bands}
          scale={scores.scale}
          label={t('evaluationResults.chart.label')}
        />
      </Section>

      <Section id="weights-heading" title={t('evaluationResults.sections.weights')}>
        <WeightSetTable weightSet={scores.weightSet} items={scores.items} />
      </Section>

      <Section id="distribution-heading" title={t('evaluationResults.sections.distribution')}>
        <Text size="sm">{t('evaluationResults.distribution.explain')}</Text>
        <GradeDistribution
          distribution={scores.distribution}
          items={scores.items}
          scale={scores.scale}
          withChart
          caption={t('evaluationResults.distribution.caption')}
        />
      </Section>

      <Section id="agreement-heading" title={t('evaluationResults.sections.agreement')}>
        <AgreementPanel agreement={scores.agreement} items={scores.items} />
      </Section>

      {scores.leniency ? (
        <Section id="leniency-heading" title={t('evaluationResults.sections.leniency')}>
          <LeniencyPanel leniency={scores.leniency} />
        </Section>
      ) : null}

      <Section id="stability-heading" title={t('evaluationResults.sections.stability')}>
        <Text size="sm">
          {t('evaluationResults.stability.explain', {
            trials: f.count(stability.trials),
            perturbation: formatShare(stability.perturbation, locale),
            seed: stability.seed,
          })}
        </Text>
        <StabilityControls
          key={`${query.trials}:${query.perturbation}:${query.seed}`}
          applied={query}
          onApply={onQuery}
          isRunning={isRunning}
        />
        <StabilityPanel clusters={scores.clusters} />
      </Section>
    </Stack>
  );
}

function RoundScores({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const query = queryFromSearch(search);
  const scores = useRoundScores(round.key, query);
  const onQuery = (next: RoundScoresQuery) =>
    setSearch((current) => {
      const params = new URLSearchParams(current);
      params.set('trials', String(next.trials));
      params.set('perturbation', String(next.perturbation));
      params.set('seed', String(next.seed));
      return params;
    });

  if (scores.isPending) return <LoadingState label={t('evaluationResults.scores.loading')} />;
  if (scores.isError) {
    const why = refusal(scores.error);
    if (why)
      return (
        <Alert color="gray" title={t(`evaluationResults.scores.refused.${why}Title`)}>
          {t(`evaluationResults.scores.refused.${why}`, { status: t(`roundStatus.${round.status}`) })}
        </Alert>
      );
    const queryErrors = apiFieldErrors(scores.error);
    return (
      <Stack gap="md">
        <ErrorAlert error={scores.error} onRetry={() => void scores.refetch()} />
        {Object.keys(queryErrors).some((f) => f.startsWith('query.')) ? (
          <StabilityControls applied={query} onApply={onQuery} serverErrors={queryErrors} isRunning={false} />
        ) : null}
      </Stack>
    );
  }
  return (
    <ScoresView
      round={round}
      scores={scores.data}
      query={query}
      onQuery={onQuery}
      // Only new trial options count as running; a background refresh of the same ones does not.
      isRunning={scores.isPlaceholderData}
    />
  );
}

/** /rounds/:key/scores — a round's totals, ranking, grades per item, agreement, stability and publication. */
export function RoundScoresPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="scores" sectionTitle={t('evaluationResults.scores.title')}>
      {(round) => <RoundScores round={round} />}
    </RoundShell>
  );
}
