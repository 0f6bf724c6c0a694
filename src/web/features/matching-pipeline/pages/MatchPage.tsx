import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Explanation, Match } from '../../../../contracts/matches';
import { AccessErrorAlert } from '../../../components/ErrorAlert';
import { NotFoundPage } from '../../../components/StatusPage';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useMatch } from '../api/matches-api';
import { AnswerForm } from '../components/AnswerForm';
import { CloseMatchModal } from '../components/CloseMatchModal';
import { formatScore, StageBadge, useListingTitle } from '../components/pipeline-labels';
import { RecordStepModal } from '../components/RecordStepModal';
import { StepTimeline } from '../components/StepTimeline';

const ANSWER_COLORS = { pending: 'gray', interested: 'teal', declined: 'red' } as const;

function SidePanel({ match, side }: { match: Match; side: 'seed' | 'need' }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const title = useListingTitle();
  const state = side === 'seed' ? match.seedSide : match.needSide;
  const mayAnswer = match.canAnswer.includes(side);
  const [answering, setAnswering] = useState(false);
  const showForm = mayAnswer && (state.answer === 'pending' || answering);
  const headingId = `side-${side}`;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid={`match-side-${side}`}
      h="100%"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {t(`matchingPipeline.side.${side}`)}
          </Title>
          <Badge
            variant="light"
            color={ANSWER_COLORS[state.answer]}
            radius="sm"
            style={{ textTransform: 'none' }}
            data-testid={`answer-${side}`}
          >
            {t(`matchingPipeline.answer.${state.answer}`)}
          </Badge>
        </Group>
        {side === 'seed' ? (
          <Stack gap={2}>
            <Anchor component={Link} to={`/seeds/${match.seed.id}`} fw={600}>
              {title(match.seed.title)}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('matchingPipeline.match.cluster')}
              {t('common.colon')}
              {localize(match.seed.cluster.name)}
            </Text>
          </Stack>
        ) : (
          <Stack gap={2}>
            <Anchor component={Link} to={`/needs/${match.need.id}`} fw={600}>
              {title(match.need.title)}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('matchingPipeline.match.company')}
              {t('common.colon')}
              {match.need.company
                ? localize(match.need.company.name)
                : t('matchingPipeline.match.confidentialCompany')}
            </Text>
          </Stack>
        )}
        {state.answer === 'interested' && state.interest ? (
          <Stack gap={6}>
            {(['offer', 'seek', 'next'] as const).map((q) => (
              <Stack gap={0} key={q}>
                <Text size="sm" fw={600}>
                  {t(`matchingPipeline.answer.${q}`)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {state.interest![q]}
                </Text>
              </Stack>
            ))}
          </Stack>
        ) : null}
        {state.answer === 'declined' ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('matchingPipeline.answer.reason')}
              {t('common.colon')}
            </Text>
            {state.reason || t('matchingPipeline.answer.noReason')}
          </Text>
        ) : null}
        {state.answeredBy && state.answeredAt ? (
          <Text size="xs" c="dimmed">
            {t('matchingPipeline.answer.answeredBy', {
              name: state.answeredBy,
              at: f.dateTime(state.answeredAt),
            })}
          </Text>
        ) : null}
        {showForm ? (
          <AnswerForm
            match={match}
            side={side}
            onDone={state.answer === 'pending' ? undefined : () => setAnswering(false)}
          />
        ) : mayAnswer ? (
          <Group>
            <Button size="xs" variant="light" onClick={() => setAnswering(true)}>
              {t('matchingPipeline.answer.open')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function ExplanationPanel({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation();
  const fieldName = (field: string) =>
    String(t(`matchingPipeline.match.fieldNames.${field}` as never, { defaultValue: field }));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('matchingPipeline.match.why')}
        {t('common.colon')}
        {t('matchingPipeline.match.score', { score: formatScore(explanation.score) })}
      </Text>
      {explanation.matched.length > 0 ? (
        <Group gap={4} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('matchingPipeline.match.matchedTerms')}
          </Text>
          {explanation.matched.map((m) => (
            <Badge key={m.term} variant="light" color="blue" radius="sm" style={{ textTransform: 'none' }}>
              {m.term} ({m.fields.map(fieldName).join(t('common.listSeparator'))})
            </Badge>
          ))}
        </Group>
      ) : null}
      {explanation.signals.length > 0 ? (
        <Group gap={4} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('matchingPipeline.match.signals')}
          </Text>
          {explanation.signals.map((s) => (
            <Badge key={s.kind} variant="outline" color="teal" radius="sm" style={{ textTransform: 'none' }}>
              {t(`matchingPipeline.signal.${s.kind}`, { bonus: Math.round(s.bonus * 100) })}
            </Badge>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

function MatchDetail({ match }: { match: Match }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const title = useListingTitle();
  const [recording, setRecording] = useState(false);
  const [closing, setClosing] = useState(false);
  const bothInterested = match.seedSide.answer === 'interested' && match.needSide.answer === 'interested';
  const ended = match.stage === 'declined' || match.stage === 'closed';
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/matches" size="sm">
        ← {t('matchingPipeline.match.backToBoard')}
      </Anchor>
      <PageTitle
        title={t('matchingPipeline.match.title', {
          seed: title(match.seed.title),
          need: title(match.need.title),
        })}
        actions={
          match.canClose ? (
            <Button variant="outline" color="red" onClick={() => setClosing(true)}>
              {t('matchingPipeline.close.open')}
            </Button>
          ) : null
        }
      >
        <Group gap="xs" data-testid="match-stage">
          <StageBadge stage={match.stage} />
          <Text size="sm" c="dimmed">
            {t('matchingPipeline.match.proposedBy', {
              name: match.proposedBy.displayName,
              date: f.date(match.proposedAt),
            })}
          </Text>
        </Group>
      </PageTitle>
      {match.closedReason ? (
        <Alert color="gray" variant="light">
          {t('matchingPipeline.match.closedReason', { reason: match.closedReason })}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('matchingPipeline.match.note')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {match.note || t('matchingPipeline.match.noNote')}
            </Text>
          </Stack>
          {match.explanation ? <ExplanationPanel explanation={match.explanation} /> : null}
        </Stack>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SidePanel match={match} side="seed" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SidePanel match={match} side="need" />
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" component="section" aria-labelledby="match-steps">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4" id="match-steps">
              {t('matchingPipeline.timeline.title')}
            </Title>
            {match.nextSteps.length > 0 ? (
              <Button onClick={() => setRecording(true)}>{t('matchingPipeline.record.open')}</Button>
            ) : null}
          </Group>
          {!bothInterested && !ended ? (
            <Text size="sm" c="dimmed">
              {t('matchingPipeline.answer.awaitingBoth')}
            </Text>
          ) : null}
          <StepTimeline steps={match.steps} />
        </Stack>
      </Paper>
      {recording ? <RecordStepModal match={match} onClose={() => setRecording(false)} /> : null}
      {closing ? <CloseMatchModal match={match} onClose={() => setClosing(false)} /> : null}
    </Stack>
  );
}

/** `/matches/:id` — both sides and their answers, the answer forms, the dated steps, recording and closing. */
export function MatchPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id) || 0;
  const match = useMatch(id);
  // Not a number (e.g. a mistyped address): no request is made, so there is no error to show.
  if (id <= 0) return <NotFoundPage />;
  if (match.isPending) return <LoadingState />;
  if (match.isError || !match.data)
    return (
      <AccessErrorAlert
        error={match.error}
        messages={{ NOT_FOUND: t('errors.notFoundText') }}
        onRetry={() => void match.refetch()}
      />
    );
  return <MatchDetail match={match.data} />;
}
