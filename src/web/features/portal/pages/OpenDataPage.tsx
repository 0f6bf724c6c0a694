import { Anchor, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { EXAMPLE_QUERIES, OPEN_DATASETS, openDataUrl } from '../api/open-data-api';
import { OpenDataPreview } from '../components/OpenDataPreview';

/** `/open-data` — what the open data API serves, how to call it, and a live look at it. */
export function OpenDataPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle title={t('portal.title')} subtitle={t('portal.subtitle')} />
      <Text maw={880}>{t('portal.intro')}</Text>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="open-data-datasets">
        <Title order={2} size="h3" mb="sm" id="open-data-datasets">
          {t('portal.datasetsHeading')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('portal.endpoint')}</Table.Th>
                <Table.Th scope="col">{t('portal.dataset')}</Table.Th>
                <Table.Th scope="col">{t('portal.filters')}</Table.Th>
                <Table.Th scope="col">{t('portal.examples')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {OPEN_DATASETS.map((dataset) => {
                const example = EXAMPLE_QUERIES[dataset];
                return (
                  <Table.Tr key={dataset}>
                    <Table.Th scope="row">
                      <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                        GET /api/v1/open/{dataset}
                      </Text>
                    </Table.Th>
                    <Table.Td>{t(`portal.datasets.${dataset}`)}</Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {t(`portal.filterText.${dataset}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor href={openDataUrl(dataset, example)} target="_blank" rel="noreferrer">
                          {t('portal.json')}
                        </Anchor>
                        <Anchor href={openDataUrl(dataset, { ...example, format: 'csv' })} download>
                          {t('portal.csv')}
                        </Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="open-data-rules">
        <Title order={2} size="h3" mb="sm" id="open-data-rules">
          {t('portal.rulesHeading')}
        </Title>
        <List spacing="xs" size="sm">
          <List.Item>{t('portal.rules.paging')}</List.Item>
          <List.Item>{t('portal.rules.format')}</List.Item>
          <List.Item>{t('portal.rules.filters')}</List.Item>
          <List.Item>{t('portal.rules.etag')}</List.Item>
          <List.Item>
            {t('portal.rules.docs')}{' '}
            <Anchor href="/api/docs" target="_blank" rel="noreferrer">
              {t('portal.apiDocs')}
            </Anchor>
            {t('common.listSeparator')}
            <Anchor href="/api/openapi.json" target="_blank" rel="noreferrer">
              {t('portal.openApi')}
            </Anchor>
          </List.Item>
        </List>
      </Paper>

      <OpenDataPreview />
    </Stack>
  );
}
