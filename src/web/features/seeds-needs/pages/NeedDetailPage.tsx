import { Alert, Anchor, Button, Grid, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Need } from '../../../../contracts/seeds-needs';
import { AccessErrorAlert, ErrorAlert } from '../../../components/ErrorAlert';
import { NotFoundPage } from '../../../components/StatusPage';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useMatchingSeeds, useNeed, useNeedAction, useUpdateNeed } from '../api/seeds-needs-api';
import { KeyFieldBadge, LicensingBadge, ReviewBadges, StageBadge } from '../components/ListingBadges';
import { useListingScope } from '../components/listing-scope';
import { NeedFormModal } from '../components/NeedFormModal';
import { usePrefectureName } from '../components/PrefectureSelect';
import { ProposeMatchModal } from '../components/ProposeMatchModal';
import { ReviewPanel } from '../components/ReviewPanel';
import { SuggestionsPanel, type SuggestionView } from '../components/SuggestionsPanel';
import { NeedCompany, useNeedTitle } from './NeedsPage';
import { BilingualText } from './SeedDetailPage';

function DiscloseModal({ need, onClose }: { need: Need; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateNeed(need.id);
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={t('seedsNeeds.confidential.discloseTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('seedsNeeds.confidential.discloseConfirm')}</Text>
        {update.error ? <ErrorAlert error={update.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="grape"
            loading={update.isPending}
            onClick={() =>
              update.mutate({ confidential: false, version: need.version }, { onSuccess: close })
            }
          >
            {t('seedsNeeds.confidential.disclose')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function MatchingSeeds({ need, title }: { need: Need; title: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const scope = useListingScope();
  const suggestions = useMatchingSeeds(need.id, true);
  const [proposing, setProposing] = useState<SuggestionView | null>(null);
  const items: SuggestionView[] = (suggestions.data?.items ?? []).map((s) => ({
    key: s.seed.id,
    rank: s.rank,
    title:
      localize({ ja: s.seed.title.ja ?? '', en: s.seed.title.en ?? '' }) || t('seedsNeeds.seeds.untitled'),
    to: `/seeds/${s.seed.id}`,
    meta: (
      <>
        <Text size="xs">{localize(s.seed.cluster.name)}</Text>
        <KeyFieldBadge keyField={s.seed.keyField} />
        <StageBadge stage={s.seed.stage} />
        <LicensingBadge status={s.seed.licensingStatus} />
      </>
    ),
    explanation: s.explanation,
    matchId: s.matchId,
    matchStage: s.matchStage,
  }));
  return (
    <>
      <SuggestionsPanel
        title={t('seedsNeeds.matching.seedsTitle')}
        intro={t('seedsNeeds.matching.seedsIntro')}
        testId="matching-seeds"
        query={suggestions}
        items={items}
        isLive={need.status === 'published' && !need.isExpired}
        onPropose={scope.canCoordinate ? setProposing : null}
      />
      {proposing ? (
        <ProposeMatchModal
          seed={{ id: proposing.key, title: proposing.title }}
          need={{ id: need.id, title, confidential: need.confidential }}
          onClose={() => setProposing(null)}
        />
      ) : null}
    </>
  );
}

function NeedDetail({ need }: { need: Need }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const scope = useListingScope();
  const needTitle = useNeedTitle();
  const prefectureName = usePrefectureName();
  const action = useNeedAction(need.id);
  const [editing, setEditing] = useState(false);
  const [disclosing, setDisclosing] = useState(false);
  const title = needTitle(need);
  // The company itself and coordinators read the name and may record the consent to disclose it.
  const mayDisclose = need.confidential && need.company !== null && (need.canEdit || scope.canCoordinate);
  const showReview = need.actions.length > 0 || need.canEdit || scope.canCoordinate;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/needs" size="sm">
        ← {t('seedsNeeds.needs.backToList')}
      </Anchor>
      <PageTitle
        title={title}
        actions={
          <>
            {mayDisclose ? (
              <Button variant="outline" color="grape" onClick={() => setDisclosing(true)}>
                {t('seedsNeeds.confidential.disclose')}
              </Button>
            ) : null}
            {need.canEdit ? (
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      >
        <Group gap={4} wrap="wrap" data-testid="need-badges">
          <ReviewBadges status={need.status} expiresOn={need.expiresOn} isExpired={need.isExpired} />
          <KeyFieldBadge keyField={need.keyField} />
        </Group>
      </PageTitle>
      {need.confidential ? (
        <Alert color="grape" variant="light" data-testid="need-confidential">
          {need.company ? t('seedsNeeds.confidential.ownerExplain') : t('seedsNeeds.confidential.explain')}
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="need-about">
            <Stack gap="sm">
              <Title order={2} size="h4" id="need-about">
                {t('seedsNeeds.fields.description')}
              </Title>
              <BilingualText text={need.description} />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <Stack gap={6}>
              <Stack gap={2} data-testid="need-company">
                <Text size="sm" fw={600}>
                  {t('seedsNeeds.fields.company')}
                </Text>
                <NeedCompany need={need} />
              </Stack>
              <Text size="sm">
                <Text span fw={600}>
                  {t('seedsNeeds.fields.prefecture')}
                  {t('common.colon')}
                </Text>
                {prefectureName(need.prefectureCode) || t('seedsNeeds.fields.none')}
              </Text>
              <Text size="sm">
                <Text span fw={600}>
                  {t('seedsNeeds.fields.wantedBy')}
                  {t('common.colon')}
                </Text>
                {need.wantedBy ? f.date(need.wantedBy) : t('seedsNeeds.fields.none')}
              </Text>
              {need.publishedAt ? (
                <Text size="sm">
                  <Text span fw={600}>
                    {t('seedsNeeds.fields.published')}
                    {t('common.colon')}
                  </Text>
                  {f.date(need.publishedAt)}
                </Text>
              ) : null}
              {need.disclosedAt ? (
                <Text size="xs" c="dimmed">
                  {t('seedsNeeds.confidential.disclosed', { at: f.dateTime(need.disclosedAt) })}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {t('seedsNeeds.fields.updatedAt', { at: f.dateTime(need.updatedAt) })}
              </Text>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      {showReview ? <ReviewPanel listing={need} action={action} /> : null}
      {scope.canCoordinate || need.canEdit ? <MatchingSeeds need={need} title={title} /> : null}
      {editing ? <NeedFormModal need={need} onClose={() => setEditing(false)} /> : null}
      {disclosing ? <DiscloseModal need={need} onClose={() => setDisclosing(false)} /> : null}
    </Stack>
  );
}

/** `/needs/:id` — one need: its text, the company (or "confidential"), review actions and matching seeds. */
export function NeedDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id) || 0;
  const need = useNeed(id);
  // Not a number (e.g. a mistyped address): no request is made, so there is no error to show.
  if (id <= 0) return <NotFoundPage />;
  if (need.isPending) return <LoadingState />;
  if (need.isError || !need.data)
    return (
      <AccessErrorAlert
        error={need.error}
        messages={{ NOT_FOUND: t('seedsNeeds.needs.notFound') }}
        onRetry={() => void need.refetch()}
      />
    );
  return <NeedDetail need={need.data} />;
}
