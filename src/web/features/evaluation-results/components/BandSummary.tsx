import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BandsInput } from '../../../../contracts/evaluation-rounds';
import { BandBadge } from './BandBadge';

/** How many clusters reached each band ("S 1 · A 2 · B 1"), and how many were not scored. */
export function BandSummary({
  clusters,
  bands,
}: {
  clusters: readonly { band: string | null }[];
  bands: BandsInput;
}) {
  const { t } = useTranslation();
  const unscored = clusters.filter((c) => c.band === null).length;
  return (
    <Group gap="lg" role="list" aria-label={t('evaluationResults.band.summary')}>
      {bands.map((b) => (
        <Group key={b.band} gap={6} role="listitem">
          <BandBadge band={b.band} bands={bands} />
          <Text size="sm">
            {t('evaluationResults.band.count', { count: clusters.filter((c) => c.band === b.band).length })}
          </Text>
        </Group>
      ))}
      {unscored > 0 ? (
        <Text size="sm" c="dimmed" role="listitem">
          {t('evaluationResults.band.unscored', { count: unscored })}
        </Text>
      ) : null}
    </Group>
  );
}
