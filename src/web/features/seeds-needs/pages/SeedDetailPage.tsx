import { Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Seed } from '../../../../contracts/seeds-needs';
import { AccessErrorAlert } from '../../../components/ErrorAlert';
import { NotFoundPage } from '../../../components/StatusPage';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useMatchingNeeds, useSeed, useSeedAction } from '../api/seeds-needs-api';
import {
  ConfidentialBadge,
  KeyFieldBadge,
  LicensingBadge,
  ReviewBadges,
  StageBadge,
} from '../components/ListingBadges';
import { useListingScope } from '../components/listing-scope';
import { usePrefectureName } from '../components/PrefectureSelect';
import { ProposeMatchModal } from '../components/ProposeMatchModal';
import { ReviewPanel } from '../components/ReviewPanel';
import { SeedFormModal } from '../components/SeedFormModal';
import { SuggestionsPanel, type SuggestionView } from '../components/SuggestionsPanel';
import { useSeedTitle } from './SeedsPage';

/** Both languages of a text, the reader's first; the other marked with its language. */
export function BilingualText({ text }: { text: { ja: string | null; en: string | null } }) {
  const f = useFormatters();
  const first = f.locale === 'ja' ? (['ja', 'en'] as const) : (['en', 'ja'] as const);
  const parts = first.map((l) => ({ lang: l, value: text[l]?.trim() ?? '' })).filter((p) => p.value !== '');
  return (
    <Stack gap="xs">
      {parts.map((p, i) => (
        <Text
          key={p.lang}
          lang={p.lang}
          size={i === 0 ? 'sm' : 'xs'}
          c={i === 0 ? undefined : 'dimmed'}
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {p.value}
        </Text>
      ))}
    </Stack>
  );
}

function MatchingNeeds({ seed, title }: { seed: Seed; title: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const scope = useListingScope();
  const prefectureName = usePrefectureName();
  const suggestions = useMatchingNeeds(seed.id, true);
  const [proposing, setProposing] = useState<SuggestionView | null>(null);
  const items: SuggestionView[] = (suggestions.data?.items ?? []).map((s) => ({
    key: s.need.id,
    rank: s.rank,
    title:
      localize({ ja: s.need.title.ja ?? '', en: s.need.title.en ?? '' }) || t('seedsNeeds.needs.untitled'),
    to: `/needs/${s.need.id}`,
    meta: (
      <>
        {s.need.company ? <Text size="xs">{localize(s.need.company.name)}</Text> : null}
        {s.need.companyHidden || s.need.confidential ? <ConfidentialBadge /> : null}
        <KeyFieldBadge keyField={s.need.keyField} />
        {s.need.prefectureCode ? (
          <Text size="xs" c="dimmed">
            {prefectureName(s.need.prefectureCode)}
          </Text>
        ) : null}
      </>
    ),
    explanation: s.explanation,
    matchId: s.matchId,
    matchStage: s.matchStage,
  }));
  const confidentialNeeds = new Set(
    (suggestions.data?.items ?? []).filter((s) => s.need.confidential).map((s) => s.need.id),
  );
  return (
    <>
      <SuggestionsPanel
        title={t('seedsNeeds.matching.needsTitle')}
        intro={t('seedsNeeds.matching.needsIntro')}
        testId="matching-needs"
        query={suggestions}
        items={items}
        isLive={seed.status === 'published' && !seed.isExpired}
        onPropose={scope.canCoordinate ? setProposing : null}
      />
      {proposing ? (
        <ProposeMatchModal
          seed={{ id: seed.id, title }}
          need={{
            id: proposing.key,
            title: proposing.title,
            confidential: confidentialNeeds.has(proposing.key),
          }}
          onClose={() => setProposing(null)}
        />
      ) : null}
    </>
  );
}

function SeedDetail({ seed }: { seed: Seed }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const scope = useListingScope();
  const seedTitle = useSeedTitle();
  const action = useSeedAction(seed.id);
  const [editing, setEditing] = useState(false);
  const title = seedTitle(seed);
  const kindLabel = (kind: string) =>
    String(t(`seedsNeeds.itemKind.${kind}` as never, { defaultValue: kind }));
  const showReview = seed.actions.length > 0 || seed.canEdit || scope.canCoordinate;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/seeds" size="sm">
        ← {t('seedsNeeds.seeds.backToList')}
      </Anchor>
      <PageTitle
        title={title}
        actions={
          seed.canEdit ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <Group gap={4} wrap="wrap" data-testid="seed-badges">
          <ReviewBadges status={seed.status} expiresOn={seed.expiresOn} isExpired={seed.isExpired} />
          <KeyFieldBadge keyField={seed.keyField} />
          <StageBadge stage={seed.stage} />
          <LicensingBadge status={seed.licensingStatus} />
        </Group>
      </PageTitle>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="seed-about">
            <Stack gap="sm">
              <Title order={2} size="h4" id="seed-about">
                {t('seedsNeeds.fields.summary')}
              </Title>
              <BilingualText text={seed.summary} />
              <Group gap={4} wrap="wrap">
                {seed.keywords.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('seedsNeeds.detail.noKeywords')}
                  </Text>
                ) : (
                  seed.keywords.map((k) => (
                    <Badge key={k} variant="default" radius="sm" style={{ textTransform: 'none' }}>
                      {k}
                    </Badge>
                  ))
                )}
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <Stack gap={6}>
              <Text size="sm">
                <Text span fw={600}>
                  {t('seedsNeeds.fields.cluster')}
                  {t('common.colon')}
                </Text>
                <Anchor component={Link} to={`/clusters/${encodeURIComponent(seed.cluster.key)}`}>
                  {localize(seed.cluster.name)}
                </Anchor>
              </Text>
              <Text size="sm">
                <Text span fw={600}>
                  {t('seedsNeeds.fields.coordinator')}
                  {t('common.colon')}
                </Text>
                {seed.coordinator?.displayName ?? t('seedsNeeds.fields.noCoordinator')}
              </Text>
              {seed.publishedAt ? (
                <Text size="sm">
                  <Text span fw={600}>
                    {t('seedsNeeds.fields.published')}
                    {t('common.colon')}
                  </Text>
                  {f.date(seed.publishedAt)}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {t('seedsNeeds.fields.updatedAt', { at: f.dateTime(seed.updatedAt) })}
              </Text>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" component="section" aria-labelledby="seed-items">
        <Title order={2} size="h4" id="seed-items" mb="xs">
          {t('seedsNeeds.detail.outcomeItems')}
        </Title>
        {seed.outcomeItems.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('seedsNeeds.fields.none')}
          </Text>
        ) : (
          <List size="sm" data-testid="seed-outcome-items">
            {seed.outcomeItems.map((i) => (
              <List.Item key={i.id}>
                {kindLabel(i.kind)}
                {t('common.colon')}
                {i.title} ({f.fy(i.fiscalYear)})
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      {showReview ? <ReviewPanel listing={seed} action={action} /> : null}
      {scope.canCoordinate || seed.canEdit ? <MatchingNeeds seed={seed} title={title} /> : null}
      {editing ? <SeedFormModal seed={seed} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}

/** `/seeds/:id` — one seed: its text, links, review actions and, for coordinators and owners, matching needs. */
export function SeedDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id) || 0;
  const seed = useSeed(id);
  // Not a number (e.g. a mistyped address): no request is made, so there is no error to show.
  if (id <= 0) return <NotFoundPage />;
  if (seed.isPending) return <LoadingState />;
  if (seed.isError || !seed.data)
    return (
      <AccessErrorAlert
        error={seed.error}
        messages={{ NOT_FOUND: t('seedsNeeds.seeds.notFound') }}
        onRetry={() => void seed.refetch()}
      />
    );
  return <SeedDetail seed={seed.data} />;
}
