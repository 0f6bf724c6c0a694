import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Seed } from '../../../../contracts/seeds-needs';
import { LISTING_STATUSES } from '../../../../domain/listing-lifecycle';
import { KEY_FIELD_KEYS } from '../../../../domain/key-fields';
import { SEED_STAGES } from '../../../../domain/matching/matcher';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { otherLanguage, useFormatters, useLocalize } from '../../../lib/format';
import { useCodeOptions } from '../../../lib/labels';
import { scrollRegion } from '../../../lib/scroll-region';
import {
  useListingClusters,
  useSeeds,
  type ExpiredFilter,
  type SeedListParams,
} from '../api/seeds-needs-api';
import { KeyFieldBadge, LicensingBadge, ReviewBadges, StageBadge } from '../components/ListingBadges';
import { useListingScope } from '../components/listing-scope';
import { SeedFormModal } from '../components/SeedFormModal';

const PAGE_SIZE = 50;
const EXPIRED: readonly ExpiredFilter[] = ['exclude', 'include', 'only'];

/** Reads the list's filters from the address, so a filtered list can be shared. */
export function seedParamsFrom(params: URLSearchParams): SeedListParams {
  const expired = params.get('expired');
  return {
    limit: PAGE_SIZE,
    offset: Number(params.get('offset')) || 0,
    q: params.get('q') ?? undefined,
    cluster: params.get('cluster') ?? undefined,
    keyField: params.get('keyField') ?? undefined,
    stage: params.get('stage') ?? undefined,
    status: params.get('status') ?? undefined,
    expired: EXPIRED.includes(expired as ExpiredFilter) ? (expired as ExpiredFilter) : undefined,
  };
}

/** A seed's title in the reader's language (falling back to the other), or "Untitled". */
export function useSeedTitle(): (seed: Pick<Seed, 'title'>) => string {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (seed) =>
    localize({ ja: seed.title.ja ?? '', en: seed.title.en ?? '' }) || t('seedsNeeds.seeds.untitled');
}

/** `/seeds` — published seeds for everyone; drafts, reviews and expired ones for owners and coordinators. */
export function SeedsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const codeOptions = useCodeOptions();
  const scope = useListingScope();
  const seedTitle = useSeedTitle();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const listParams = seedParamsFrom(params);
  const seeds = useSeeds(listParams);
  const clusters = useListingClusters();
  const seesMore = scope.canEditSeeds || scope.canCoordinate;

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    setParams(next, { replace: true });
  };
  const pushSearch = useDebouncedCallback((value: string) => setParam('q', value.trim() || null), 300);

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('seedsNeeds.seeds.title')}
        subtitle={t('seedsNeeds.seeds.subtitle')}
        actions={
          scope.canEditSeeds ? (
            <Button onClick={() => setCreating(true)}>{t('seedsNeeds.seeds.new')}</Button>
          ) : null
        }
      />
      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('seedsNeeds.filter.search')}
            placeholder={t('seedsNeeds.filter.searchPlaceholder')}
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              pushSearch(e.currentTarget.value);
            }}
            w={{ base: '100%', xs: 280 }}
          />
          <Select
            label={t('seedsNeeds.filter.keyField')}
            placeholder={t('common.all')}
            clearable
            data={codeOptions('keyField', KEY_FIELD_KEYS)}
            value={listParams.keyField ?? null}
            onChange={(v) => setParam('keyField', v)}
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            label={t('seedsNeeds.filter.stage')}
            placeholder={t('common.all')}
            clearable
            data={SEED_STAGES.map((s) => ({ value: s, label: t(`seedsNeeds.stage.${s}`) }))}
            value={listParams.stage ?? null}
            onChange={(v) => setParam('stage', v)}
            w={{ base: '100%', xs: 180 }}
          />
          <Select
            label={t('seedsNeeds.filter.cluster')}
            placeholder={t('common.all')}
            clearable
            searchable
            data={(clusters.data?.items ?? []).map((c) => ({ value: c.key, label: localize(c.name) }))}
            value={listParams.cluster ?? null}
            onChange={(v) => setParam('cluster', v)}
            w={{ base: '100%', xs: 240 }}
          />
          {seesMore ? (
            <>
              <Select
                label={t('seedsNeeds.filter.status')}
                placeholder={t('common.all')}
                clearable
                data={LISTING_STATUSES.map((s) => ({ value: s, label: t(`seedsNeeds.status.${s}`) }))}
                value={listParams.status ?? null}
                onChange={(v) => setParam('status', v)}
                w={{ base: '100%', xs: 160 }}
              />
              <Select
                label={t('seedsNeeds.filter.expired')}
                allowDeselect={false}
                data={EXPIRED.map((e) => ({ value: e, label: t(`seedsNeeds.filter.expiredOptions.${e}`) }))}
                value={listParams.expired ?? 'exclude'}
                onChange={(v) => setParam('expired', v === 'exclude' ? null : v)}
                w={{ base: '100%', xs: 180 }}
              />
            </>
          ) : null}
        </Group>
      </Paper>

      {seeds.error ? <ErrorAlert error={seeds.error} onRetry={() => void seeds.refetch()} /> : null}
      {seeds.isPending ? <LoadingState /> : null}
      {seeds.data ? (
        <Stack gap="xs">
          {seeds.data.items.length === 0 ? (
            <Text c="dimmed" py="lg">
              {params.toString() ? t('common.noResults') : t('seedsNeeds.seeds.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={860} scrollAreaProps={scrollRegion()}>
              <Table
                striped
                highlightOnHover
                withTableBorder
                aria-busy={seeds.isFetching}
                data-testid="seed-list"
              >
                <Table.Caption>{t('seedsNeeds.list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('seedsNeeds.list.listing')}</Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.cluster')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.keyField')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.stage')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.licensingStatus')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.status')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {seeds.data.items.map((seed) => {
                    const other = otherLanguage(
                      { ja: seed.title.ja ?? '', en: seed.title.en ?? '' },
                      f.locale,
                    );
                    return (
                      <Table.Tr key={seed.id} data-testid="seed-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/seeds/${seed.id}`} fw={700}>
                            {seedTitle(seed)}
                          </Anchor>
                          {other ? (
                            <Text size="xs" c="dimmed" lang={f.locale === 'ja' ? 'en' : 'ja'}>
                              {other}
                            </Text>
                          ) : null}
                          {seed.keywords.length > 0 ? (
                            <Text size="xs" c="dimmed">
                              {seed.keywords.join(t('common.listSeparator'))}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{localize(seed.cluster.name)}</Table.Td>
                        <Table.Td>
                          <KeyFieldBadge keyField={seed.keyField} />
                        </Table.Td>
                        <Table.Td>
                          <StageBadge stage={seed.stage} />
                        </Table.Td>
                        <Table.Td>
                          <LicensingBadge status={seed.licensingStatus} />
                        </Table.Td>
                        <Table.Td>
                          <ReviewBadges
                            status={seed.status}
                            expiresOn={seed.expiresOn}
                            isExpired={seed.isExpired}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pagination
            total={seeds.data.total}
            limit={seeds.data.limit}
            offset={seeds.data.offset}
            onChange={(offset) => setParam('offset', offset ? String(offset) : null)}
          />
        </Stack>
      ) : null}
      {creating ? <SeedFormModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
