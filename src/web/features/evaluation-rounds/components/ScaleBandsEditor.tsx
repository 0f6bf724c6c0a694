import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BandsInput, GradeScaleInput } from '../../../../contracts/evaluation-rounds';
import { CATCH_ALL_MIN, isCatchAll } from './round-defaults';

interface Props {
  scale: GradeScaleInput;
  bands: BandsInput;
  onScale: (scale: GradeScaleInput) => void;
  onBands: (bands: BandsInput) => void;
  /** Field errors keyed `body.scale.0.points`, … */
  errorOf: (field: string) => string | undefined;
}

/**
 * The grade scale (S=4 … C=1) and the bands a total score falls in (S ≥ 3.5 …). The last band
 * always catches every lower score, so no total is ever left without a band.
 */
export function ScaleBandsEditor({ scale, bands, onScale, onBands, errorOf }: Props) {
  const { t } = useTranslation();
  const setGrade = (i: number, patch: Partial<GradeScaleInput[number]>) =>
    onScale(scale.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const setBand = (i: number, patch: Partial<BandsInput[number]>) =>
    onBands(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack gap="xs">
        <Title order={4}>{t('evaluationRounds.scale.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('evaluationRounds.scale.help')}
        </Text>
        {scale.map((s, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label={t('evaluationRounds.scale.grade')}
              value={s.grade}
              w={90}
              onChange={(e) => setGrade(i, { grade: e.currentTarget.value })}
              error={errorOf(`body.scale.${i}.grade`)}
            />
            <NumberInput
              label={t('evaluationRounds.scale.points')}
              value={s.points}
              w={110}
              decimalScale={2}
              onChange={(v) => setGrade(i, { points: typeof v === 'number' ? v : 0 })}
              error={errorOf(`body.scale.${i}.points`)}
            />
            <ActionIcon
              mt={28}
              variant="subtle"
              color="red"
              disabled={scale.length <= 2}
              aria-label={t('evaluationRounds.scale.remove', { grade: s.grade })}
              onClick={() => onScale(scale.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {errorOf('body.scale') ? (
          <Text c="red" size="sm">
            {errorOf('body.scale')}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="light"
            size="xs"
            disabled={scale.length >= 10}
            onClick={() => onScale([...scale, { grade: '', points: 0 }])}
          >
            {t('evaluationRounds.scale.add')}
          </Button>
        </Group>
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('evaluationRounds.bands.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('evaluationRounds.bands.help')}
        </Text>
        {bands.map((b, i) => {
          const last = i === bands.length - 1;
          return (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                label={t('evaluationRounds.bands.band')}
                value={b.band}
                w={90}
                onChange={(e) => setBand(i, { band: e.currentTarget.value })}
                error={errorOf(`body.bands.${i}.band`)}
              />
              {last ? (
                <TextInput
                  label={t('evaluationRounds.bands.minScore')}
                  value={t('evaluationRounds.bands.anyLower')}
                  w={160}
                  readOnly
                />
              ) : (
                <NumberInput
                  label={t('evaluationRounds.bands.minScore')}
                  value={b.minScore}
                  w={160}
                  decimalScale={3}
                  onChange={(v) => setBand(i, { minScore: typeof v === 'number' ? v : 0 })}
                  error={errorOf(`body.bands.${i}.minScore`)}
                />
              )}
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                disabled={bands.length <= 1}
                aria-label={t('evaluationRounds.bands.remove', { band: b.band })}
                onClick={() => {
                  const next = bands.filter((_, j) => j !== i);
                  // Whatever band ends the list becomes the catch-all.
                  onBands(
                    next.map((x, j) => (j === next.length - 1 ? { ...x, minScore: CATCH_ALL_MIN } : x)),
                  );
                }}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        {errorOf('body.bands') ? (
          <Text c="red" size="sm">
            {errorOf('body.bands')}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="light"
            size="xs"
            disabled={bands.length >= 10}
            onClick={() => {
              // A new band goes before the catch-all, just above it.
              const head = bands.slice(0, -1);
              const tail = bands[bands.length - 1]!;
              const above = head.length > 0 ? head[head.length - 1]!.minScore - 0.5 : 1;
              onBands([...head, { band: '', minScore: isCatchAll(above) ? 0 : above }, tail]);
            }}
          >
            {t('evaluationRounds.bands.add')}
          </Button>
        </Group>
      </Stack>
    </SimpleGrid>
  );
}
