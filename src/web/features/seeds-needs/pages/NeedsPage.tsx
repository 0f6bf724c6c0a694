import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Need } from '../../../../contracts/seeds-needs';
import { KEY_FIELD_KEYS } from '../../../../domain/key-fields';
import { LISTING_STATUSES } from '../../../../domain/listing-lifecycle';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { otherLanguage, useFormatters, useLocalize } from '../../../lib/format';
import { useCodeOptions } from '../../../lib/labels';
import { scrollRegion } from '../../../lib/scroll-region';
import { useNeeds, type ExpiredFilter, type NeedListParams } from '../api/seeds-needs-api';
import { ConfidentialBadge, KeyFieldBadge, ReviewBadges } from '../components/ListingBadges';
import { useListingScope } from '../components/listing-scope';
import { NeedFormModal } from '../components/NeedFormModal';
import { PrefectureSelect, usePrefectureName } from '../components/PrefectureSelect';

const PAGE_SIZE = 50;
const EXPIRED: readonly ExpiredFilter[] = ['exclude', 'include', 'only'];

export function needParamsFrom(params: URLSearchParams): NeedListParams {
  const expired = params.get('expired');
  return {
    limit: PAGE_SIZE,
    offset: Number(params.get('offset')) || 0,
    q: params.get('q') ?? undefined,
    keyField: params.get('keyField') ?? undefined,
    prefectureCode: params.get('prefectureCode') ?? undefined,
    status: params.get('status') ?? undefined,
    expired: EXPIRED.includes(expired as ExpiredFilter) ? (expired as ExpiredFilter) : undefined,
  };
}

/** A need's title in the reader's language (falling back to the other), or "Untitled". */
export function useNeedTitle(): (need: Pick<Need, 'title'>) => string {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (need) =>
    localize({ ja: need.title.ja ?? '', en: need.title.en ?? '' }) || t('seedsNeeds.needs.untitled');
}

/** The company as this reader may see it: its name, or "Confidential company". */
export function NeedCompany({ need }: { need: Pick<Need, 'company' | 'companyHidden' | 'confidential'> }) {
  const localize = useLocalize();
  if (need.company)
    return (
      <Group gap={4} wrap="wrap">
        <Text size="sm">{localize(need.company.name)}</Text>
        {need.confidential ? <ConfidentialBadge /> : null}
      </Group>
    );
  return <ConfidentialBadge />;
}

/** `/needs` — published needs for everyone; drafts, reviews and expired ones for companies and coordinators. */
export function NeedsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const codeOptions = useCodeOptions();
  const scope = useListingScope();
  const needTitle = useNeedTitle();
  const prefectureName = usePrefectureName();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const listParams = needParamsFrom(params);
  const needs = useNeeds(listParams);
  const seesMore = scope.canEditNeeds || scope.canCoordinate;

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
        title={t('seedsNeeds.needs.title')}
        subtitle={t('seedsNeeds.needs.subtitle')}
        actions={
          scope.canEditNeeds ? (
            <Button onClick={() => setCreating(true)}>{t('seedsNeeds.needs.new')}</Button>
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
          <PrefectureSelect
            label={t('seedsNeeds.filter.prefecture')}
            placeholder={t('common.all')}
            value={listParams.prefectureCode ?? null}
            onChange={(v) => setParam('prefectureCode', v)}
            w={{ base: '100%', xs: 200 }}
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

      {needs.error ? <ErrorAlert error={needs.error} onRetry={() => void needs.refetch()} /> : null}
      {needs.isPending ? <LoadingState /> : null}
      {needs.data ? (
        <Stack gap="xs">
          {needs.data.items.length === 0 ? (
            <Text c="dimmed" py="lg">
              {params.toString() ? t('common.noResults') : t('seedsNeeds.needs.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={860} scrollAreaProps={scrollRegion()}>
              <Table
                striped
                highlightOnHover
                withTableBorder
                aria-busy={needs.isFetching}
                data-testid="need-list"
              >
                <Table.Caption>{t('seedsNeeds.list.needsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('seedsNeeds.list.listing')}</Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.company')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.keyField')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.prefecture')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.wantedBy')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                      {t('seedsNeeds.fields.status')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {needs.data.items.map((need) => {
                    const other = otherLanguage(
                      { ja: need.title.ja ?? '', en: need.title.en ?? '' },
                      f.locale,
                    );
                    return (
                      <Table.Tr key={need.id} data-testid="need-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/needs/${need.id}`} fw={700}>
                            {needTitle(need)}
                          </Anchor>
                          {other ? (
                            <Text size="xs" c="dimmed" lang={f.locale === 'ja' ? 'en' : 'ja'}>
                              {other}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <NeedCompany need={need} />
                        </Table.Td>
                        <Table.Td>
                          <KeyFieldBadge keyField={need.keyField} />
                        </Table.Td>
                        <Table.Td>
                          {prefectureName(need.prefectureCode) || t('seedsNeeds.fields.none')}
                        </Table.Td>
                        <Table.Td>
                          {need.wantedBy ? f.date(need.wantedBy) : t('seedsNeeds.fields.none')}
                        </Table.Td>
                        <Table.Td>
                          <ReviewBadges
                            status={need.status}
                            expiresOn={need.expiresOn}
                            isExpired={need.isExpired}
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
            total={needs.data.total}
            limit={needs.data.limit}
            offset={needs.data.offset}
            onChange={(offset) => setParam('offset', offset ? String(offset) : null)}
          />
        </Stack>
      ) : null}
      {creating ? <NeedFormModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
