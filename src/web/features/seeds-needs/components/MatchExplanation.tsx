import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Explanation, MatchSignal } from '../../../../contracts/matches';
import { PREFECTURES } from '../../../../domain/prefectures';
import { localize, useLocale } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';

const NO_CAPS = { textTransform: 'none' } as const;

/** Scores as the coordinators read them: two decimals, no trailing zeros. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/** A signal's value in the reader's language (the key field, stage, region or prefecture it names). */
export function useSignalLabel(): (signal: MatchSignal) => string {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const locale = useLocale();
  return (signal) => {
    const bonus = Math.round(signal.bonus * 100);
    let value = '';
    switch (signal.kind) {
      case 'same_field':
        value = signal.keyField ? code('keyField', signal.keyField) : '';
        break;
      case 'stage':
        value = signal.stage ? t(`seedsNeeds.stage.${signal.stage}`) : '';
        break;
      case 'same_region':
        value = signal.region ? code('region', signal.region) : '';
        break;
      case 'same_prefecture': {
        const p = PREFECTURES.find((x) => x.code === signal.prefectureCode);
        value = p ? localize({ ja: p.ja, en: p.en }, locale) : (signal.prefectureCode ?? '');
        break;
      }
    }
    return t(`seedsNeeds.matching.signal.${signal.kind}`, { value, bonus });
  };
}

/** Why a pair was ranked: the score against the list's best, the shared terms with their fields, the signals. */
export function MatchExplanation({
  explanation,
  best,
  idPrefix,
}: {
  explanation: Explanation;
  best: number;
  /** Unique per explanation on the page: labels its lists. */
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const signalLabel = useSignalLabel();
  const fieldName = (field: string) =>
    String(t(`seedsNeeds.matching.fieldNames.${field}` as never, { defaultValue: field }));
  const percent = best > 0 ? Math.min(100, (explanation.score / best) * 100) : 0;
  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="nowrap" align="center">
        <Text size="sm" fw={600} className="kcp-num" style={{ whiteSpace: 'nowrap' }}>
          {t('seedsNeeds.matching.score', { score: formatScore(explanation.score) })}
        </Text>
        <Progress
          value={percent}
          size="md"
          radius="sm"
          style={{ flex: '1 1 8rem', maxWidth: '16rem' }}
          aria-label={t('seedsNeeds.matching.scoreBar', {
            score: formatScore(explanation.score),
            best: formatScore(best),
          })}
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('seedsNeeds.matching.textScore', { score: formatScore(explanation.textScore) })}
        </Text>
      </Group>
      {explanation.matched.length > 0 ? (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed" id={`${idPrefix}-terms`} style={{ whiteSpace: 'nowrap' }}>
            {t('seedsNeeds.matching.matchedTerms')}
          </Text>
          <Group gap={4} wrap="wrap" role="list" aria-labelledby={`${idPrefix}-terms`}>
            {explanation.matched.map((m) => (
              <Badge
                key={m.term}
                role="listitem"
                variant="light"
                color="blue"
                radius="sm"
                style={NO_CAPS}
                data-testid="matched-term"
              >
                {t('seedsNeeds.matching.termIn', {
                  term: m.term,
                  fields: m.fields.map(fieldName).join(t('common.listSeparator')),
                })}
              </Badge>
            ))}
          </Group>
        </Group>
      ) : null}
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" id={`${idPrefix}-signals`} style={{ whiteSpace: 'nowrap' }}>
          {t('seedsNeeds.matching.signals')}
        </Text>
        {explanation.signals.length === 0 ? (
          <Text size="xs">{t('seedsNeeds.matching.noSignals')}</Text>
        ) : (
          <Group gap={4} wrap="wrap" role="list" aria-labelledby={`${idPrefix}-signals`}>
            {explanation.signals.map((s) => (
              <Badge
                key={s.kind}
                role="listitem"
                variant="outline"
                color="teal"
                radius="sm"
                style={NO_CAPS}
                data-testid="match-signal"
              >
                {signalLabel(s)}
              </Badge>
            ))}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
