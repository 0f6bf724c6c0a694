import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear, FiscalYearRange } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { SourceNote } from '../../../components/SourceNote';
import { otherLanguage, useFormatters, useLocalize } from '../../../lib/format';
import { useCodeOptions } from '../../../lib/labels';
import { useProgrammeFacts, useReference } from '../../../lib/reference';
import { usePermission } from '../../../lib/session';
import { useClusters, type ClusterListParams } from '../api/clusters-api';
import { KeyFieldBadge, StatusBadge, UnpublishedBadge } from '../components/ClusterBadges';

const PAGE_SIZE = 50;

/** `/clusters` — every cluster, filterable by key field, start year, status and name. */
export function ClusterListPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const codeOptions = useCodeOptions();
  const [params, setParams] = useSearchParams();
  const reference = useReference();
  const programme = useProgrammeFacts();
  const canCreate = usePermission('cluster:create');

  const [search, setSearch] = useState(params.get('q') ?? '');

  const listParams: ClusterListParams = {
    limit: PAGE_SIZE,
    offset: Number(params.get('offset')) || 0,
    keyField: params.get('keyField') ?? undefined,
    startFy: params.get('startFy') ? Number(params.get('startFy')) : undefined,
    status: params.get('status') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const clusters = useClusters(listParams);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    setParams(next, { replace: true });
  };

  const pushSearch = useDebouncedCallback((value: string) => setParam('q', value.trim() || null), 300);

  const keyFieldOptions = (reference.data?.keyFields ?? []).map((k) => ({
    value: k.key,
    label: localize(k.name),
  }));
  const startFyOptions = (programme.data?.clustersByStartFy ?? []).map((r) => ({
    value: String(r.fy),
    label: `${f.fy(r.fy)} (${f.fyAlternate(r.fy)})`,
  }));
  const statusOptions = codeOptions('clusterStatus', reference.data?.clusterStatuses ?? []);

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('clusters.listTitle')}
        subtitle={t('clusters.listSubtitle')}
        actions={
          canCreate ? (
            <Button component={Link} to="/clusters/new">
              {t('clusters.create')}
            </Button>
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
        <Group gap="md" align="flex-end">
          <TextInput
            label={t('clusters.filters.search')}
            placeholder={t('clusters.filters.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              pushSearch(e.currentTarget.value);
            }}
            w={260}
            type="search"
          />
          <Select
            label={t('clusters.fields.keyField')}
            data={keyFieldOptions}
            value={listParams.keyField ?? null}
            onChange={(v) => setParam('keyField', v)}
            placeholder={t('common.all')}
            clearable
            w={240}
          />
          <Select
            label={t('clusters.fields.startFy')}
            data={startFyOptions}
            value={listParams.startFy ? String(listParams.startFy) : null}
            onChange={(v) => setParam('startFy', v)}
            placeholder={t('common.all')}
            clearable
            w={220}
          />
          <Select
            label={t('clusters.fields.status')}
            data={statusOptions}
            value={listParams.status ?? null}
            onChange={(v) => setParam('status', v)}
            placeholder={t('common.all')}
            clearable
            w={180}
          />
        </Group>
      </Paper>

      {clusters.error ? <ErrorAlert error={clusters.error} onRetry={() => void clusters.refetch()} /> : null}
      {clusters.isPending ? <LoadingState /> : null}
      {clusters.data ? (
        <Stack gap="xs">
          {clusters.data.items.length === 0 ? (
            <Text c="dimmed" py="lg">
              {t('clusters.noResults')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table striped highlightOnHover withTableBorder aria-busy={clusters.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('clusters.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('clusters.fields.prefectures')}</Table.Th>
                    <Table.Th scope="col">{t('clusters.fields.keyField')}</Table.Th>
                    <Table.Th scope="col">{t('clusters.fields.startFy')}</Table.Th>
                    <Table.Th scope="col">{t('clusters.fields.period')}</Table.Th>
                    <Table.Th scope="col">{t('clusters.fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {clusters.data.items.map((cluster) => (
                    <Table.Tr key={cluster.key}>
                      <Table.Td>
                        <Anchor component={Link} to={`/clusters/${cluster.key}`} fw={700}>
                          {localize(cluster.name)}
                        </Anchor>
                        {otherLanguage(cluster.name, f.locale) ? (
                          <Text size="xs" c="dimmed" lang={f.locale === 'ja' ? 'en' : 'ja'}>
                            {otherLanguage(cluster.name, f.locale)}
                          </Text>
                        ) : null}
                        {localize(cluster.theme) ? (
                          <Text size="xs" c="dimmed">
                            {localize(cluster.theme)}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {cluster.prefectures.map((p) => localize(p.name)).join(t('common.listSeparator'))}
                      </Table.Td>
                      <Table.Td>
                        <KeyFieldBadge keyField={cluster.keyField} />
                      </Table.Td>
                      <Table.Td>
                        <FiscalYear fy={cluster.startFy} />
                      </Table.Td>
                      <Table.Td>
                        <FiscalYearRange from={cluster.startFy} to={cluster.endFy} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <StatusBadge status={cluster.status} />
                          {!cluster.isPublished ? <UnpublishedBadge /> : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pagination
            total={clusters.data.total}
            limit={clusters.data.limit}
            offset={clusters.data.offset}
            onChange={(offset) => setParam('offset', offset ? String(offset) : null)}
          />
          <SourceNote sources={[...new Set(clusters.data.items.map((c) => c.source))]} />
        </Stack>
      ) : null}
    </Stack>
  );
}
