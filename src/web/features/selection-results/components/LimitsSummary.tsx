import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultLimits } from '../../../../contracts/selection-results';
import { YenAmount } from '../../../components/YenAmount';

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </Stack>
  );
}

/** Slots and budget: what the suggested selection uses and what the decisions taken use. */
export function LimitsSummary({ limits }: { limits: ResultLimits }) {
  const { t } = useTranslation();
  const yen = (v: number | null) =>
    v === null ? t('selectionResults.limits.unlimited') : <YenAmount yen={v} unit="million" />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mb="md">
      {(['suggested', 'decided'] as const).map((kind) => {
        const l = limits[kind];
        return (
          <Card withBorder key={kind} padding="sm">
            <Text fw={600} mb="xs">
              {t(`selectionResults.limits.${kind}`)}
            </Text>
            <Group gap="xl">
              <Figure label={t('selectionResults.limits.slotsUsed')}>
                {l.slotsUsed} / {limits.slots}
              </Figure>
              <Figure label={t('selectionResults.limits.slotsLeft')}>{l.slotsLeft}</Figure>
              <Figure label={t('selectionResults.limits.budgetUsed')}>
                <YenAmount yen={l.budgetUsedYen} unit="million" />
              </Figure>
              <Figure label={t('selectionResults.limits.budgetLeft')}>{yen(l.budgetLeftYen)}</Figure>
            </Group>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
