import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BandsInput, GradeScaleInput } from '../../../../contracts/evaluation-rounds';
import { useLocale } from '../../../lib/format';
import { BandBadge } from './BandBadge';
import { formatScore, scaleRange } from './result-format';

/**
 * How a total becomes a band, best first: "S 3.5 or more · A 2.5 or more · … · C below 1.5",
 * with the grade points the totals are built from.
 */
export function BandRules({ bands, scale }: { bands: BandsInput; scale: GradeScaleInput }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { min } = scaleRange(scale);
  return (
    <Stack gap={4}>
      <Group gap="md" wrap="wrap" aria-label={t('evaluationResults.band.rules')} role="list">
        {bands.map((b, i) => {
          const previous = bands[i - 1];
          const rule =
            b.minScore > min
              ? t('evaluationResults.band.from', { min: formatScore(b.minScore, locale) })
              : previous
                ? t('evaluationResults.band.below', { min: formatScore(previous.minScore, locale) })
                : t('evaluationResults.band.any');
          return (
            <Group key={b.band} gap={6} role="listitem">
              <BandBadge band={b.band} bands={bands} />
              <Text size="sm">{rule}</Text>
            </Group>
          );
        })}
      </Group>
      <Text size="sm" c="dimmed">
        {t('evaluationResults.band.points', {
          points: scale.map((s) => `${s.grade}=${s.points}`).join(t('common.listSeparator')),
        })}
      </Text>
    </Stack>
  );
}
