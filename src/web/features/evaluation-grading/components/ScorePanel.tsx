import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GradingView } from '../../../../contracts/evaluation-grading';
import { defineGradeScale, toHundredPoints } from '../../../../domain/evaluation';

interface Props {
  view: GradingView;
  /** The locked weight set's version, when the reader may see the weights. */
  weightsVersion: number | null;
  /** Local changes not saved yet: the score shown is the saved one. */
  dirty: boolean;
}

/**
 * The evaluator's own weighted score of the cluster (Σ weight × points / Σ weight with the round's
 * locked weights), as the server computed it once every item is graded; also on 100 points.
 */
export function ScorePanel({ view, weightsVersion, dirty }: Props) {
  const { t } = useTranslation();
  const scale = defineGradeScale(view.scale);
  const weights =
    weightsVersion === null
      ? t('evaluationGrading.score.lockedWeights')
      : t('evaluationGrading.score.lockedWeightsVersion', { version: weightsVersion });
  return (
    <Card withBorder padding="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('evaluationGrading.score.title')}
        </Text>
        {view.score === null ? (
          <Text>{t('evaluationGrading.score.incomplete')}</Text>
        ) : (
          <Group gap="md" align="baseline">
            <Text fz={28} fw={700}>
              {view.score.toFixed(2)}
            </Text>
            <Text>{t('evaluationGrading.score.ofMax', { max: scale.maxPoints })}</Text>
            <Text c="dimmed">
              {t('evaluationGrading.score.hundred', { value: toHundredPoints(view.score, scale).toFixed(1) })}
            </Text>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {weights}
        </Text>
        {dirty ? (
          <Text size="xs" c="orange">
            {t('evaluationGrading.score.unsaved')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
