import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BandsInput } from '../../../../contracts/evaluation-rounds';
import { bandColor } from './result-format';

/** A cluster's published grade band (S/A/B/C) in its colour; "no band" when it was not scored. */
export function BandBadge({ band, bands }: { band: string | null; bands: BandsInput }) {
  const { t } = useTranslation();
  if (band === null)
    return (
      <Text span size="sm" c="dimmed">
        {t('evaluationResults.band.none')}
      </Text>
    );
  return (
    <Badge
      color={bandColor(band, bands).mantine}
      variant="filled"
      size="lg"
      radius="sm"
      aria-label={t('evaluationResults.band.label', { band })}
    >
      {band}
    </Badge>
  );
}
