import { Code, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { useLocalize } from '../../../lib/format';
import {
  OPEN_DATASETS,
  type OpenDataset,
  openDataUrl,
  PREVIEW_SIZE,
  useOpenPreview,
  usePublishedClusterOptions,
} from '../api/open-data-api';

function isLocalized(value: unknown): value is { ja: string; en: string } {
  return typeof value === 'object' && value !== null && 'ja' in value && 'en' in value;
}

/** The first records of a dataset, fetched live from the same URL a program would call. */
export function OpenDataPreview() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [dataset, setDataset] = useState<OpenDataset>('clusters');
  const [cluster, setCluster] = useState<string | null>(null);
  const preview = useOpenPreview(dataset, cluster);
  const clusters = usePublishedClusterOptions();

  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (isLocalized(value)) return localize(value);
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return String(value);
    return JSON.stringify(value);
  };
  const items = preview.data?.items ?? [];
  // Only the fields that hold something in these records: an outcome item has many kind-specific ones.
  const columns = Object.keys(items[0] ?? {}).filter((key) => items.some((item) => cell(item[key]) !== ''));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="open-data-preview">
      <Stack gap="sm">
        <Title order={2} size="h3" id="open-data-preview">
          {t('portal.previewHeading')}
        </Title>
        <Group gap="md" align="flex-end">
          <Select
            label={t('portal.previewDataset')}
            data={OPEN_DATASETS.map((d) => ({ value: d, label: d }))}
            value={dataset}
            allowDeselect={false}
            w={220}
            onChange={(v) => v && setDataset(v)}
          />
          <Select
            label={t('portal.previewCluster')}
            data={(clusters.data?.items ?? []).map((c) => ({
              value: c.key,
              label: `${localize(c.name)} (${c.key})`,
            }))}
            value={cluster}
            clearable
            searchable
            w={280}
            onChange={setCluster}
          />
        </Group>
        <Text size="sm">
          {t('portal.previewRequest')}
          {t('common.colon')}
          <Code>GET {openDataUrl(dataset, { pageSize: PREVIEW_SIZE, cluster: cluster ?? undefined })}</Code>
        </Text>
        {preview.error ? <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} /> : null}
        {preview.isPending ? <LoadingState /> : null}
        {preview.data && items.length === 0 ? <Text c="dimmed">{t('portal.previewEmpty')}</Text> : null}
        {preview.data && items.length > 0 ? (
          <>
            <Text size="sm" c="dimmed">
              {t('portal.previewTotal', { count: items.length, total: preview.data.total })}
            </Text>
            <Table.ScrollContainer minWidth={600}>
              <Table striped fz="sm" captionSide="top" aria-busy={preview.isFetching}>
                <Table.Caption>{t('portal.previewCaption', { dataset })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((c) => (
                      <Table.Th key={c} scope="col">
                        {c}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item, i) => (
                    <Table.Tr key={i}>
                      {columns.map((c) => (
                        <Table.Td key={c} maw={260} style={{ overflowWrap: 'break-word' }}>
                          {cell(item[c])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
