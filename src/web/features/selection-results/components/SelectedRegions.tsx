import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicSelectedRegion } from '../../../../contracts/selection-results';
import { useLocalize } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';
import { useReference } from '../../../lib/reference';
import { OUTCOME_COLORS } from './score-format';

/** The selected and trial regions of one published call as a table: never scores. */
export function SelectedRegionsTable({ regions }: { regions: PublicSelectedRegion[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const label = useCodeLabel();
  const prefectureName = usePrefectureName();
  if (regions.length === 0) return <Text c="dimmed">{t('selectionResults.public.noRegions')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selectionResults.public.region')}</Table.Th>
            <Table.Th>{t('selectionResults.public.outcome')}</Table.Th>
            <Table.Th>{t('selectionResults.public.proposalTitle')}</Table.Th>
            <Table.Th>{t('selectionResults.public.core')}</Table.Th>
            <Table.Th>{t('selectionResults.public.keyField')}</Table.Th>
            <Table.Th>{t('selectionResults.public.prefectures')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {regions.map((r) => (
            <Table.Tr key={r.proposalId}>
              <Table.Td>
                {r.cluster ? (
                  <Anchor component={Link} to={`/clusters/${encodeURIComponent(r.cluster.key)}`}>
                    {localize(r.region)}
                  </Anchor>
                ) : (
                  localize(r.region)
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLORS[r.outcome]} size="sm">
                  {t(`selectionResults.outcome.${r.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{localize(r.title)}</Table.Td>
              <Table.Td>{r.coreOrganization ? localize(r.coreOrganization) : '—'}</Table.Td>
              <Table.Td>{label('keyField', r.keyFieldKey)}</Table.Td>
              <Table.Td>{r.prefectures.map(prefectureName).join(t('common.listSeparator'))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function usePrefectureName(): (code: string) => string {
  const reference = useReference();
  const localize = useLocalize();
  return (code) => {
    const p = reference.data?.prefectures.find((x) => x.code === code);
    return p ? localize(p.name) : code;
  };
}

/** The same regions listed by prefecture, in JIS order north to south (a region spanning several appears under each). */
export function RegionsByPrefecture({ regions }: { regions: PublicSelectedRegion[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const prefectureName = usePrefectureName();
  const codes = [...new Set(regions.flatMap((r) => r.prefectures))].sort();
  if (codes.length === 0) return null;
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, md: 4 }}
      spacing="xs"
      aria-label={t('selectionResults.public.byPrefecture')}
    >
      {codes.map((code) => (
        <Card key={code} withBorder padding="xs">
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {prefectureName(code)}
            </Text>
            {regions
              .filter((r) => r.prefectures.includes(code))
              .map((r) => (
                <Group key={r.proposalId} gap={4} wrap="nowrap">
                  <Badge color={OUTCOME_COLORS[r.outcome]} size="xs" variant="dot">
                    {t(`selectionResults.outcome.${r.outcome}`)}
                  </Badge>
                  <Text size="xs">{localize(r.region)}</Text>
                </Group>
              ))}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
