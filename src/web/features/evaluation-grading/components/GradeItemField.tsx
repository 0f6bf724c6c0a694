import { Badge, Button, Group, List, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GradingView } from '../../../../contracts/evaluation-grading';
import { useLocalize } from '../../../lib/format';

type Item = GradingView['items'][number];

interface Props {
  item: Item;
  number: number;
  scale: GradingView['scale'];
  grade: string | null;
  comment: string;
  /** The item's locked weight as shown ('27.5'), when the reader may see it. */
  weight: string | null;
  editable: boolean;
  onGrade: (grade: string | null) => void;
  onComment: (comment: string) => void;
  gradeError?: string;
  commentError?: string;
}

/**
 * One criterion item: its aspects as hints, the round's scale as one labelled radio group (arrow
 * keys move between grades), and a comment. Read-only it shows the grade and comment as text.
 */
export function GradeItemField(props: Props) {
  const { item, number, scale, grade, comment, weight, editable } = props;
  const { t } = useTranslation();
  const localize = useLocalize();
  const name = `${number}. ${localize(item.label)}`;
  const fullName = t('evaluationGrading.form.itemOf', { item: name, group: localize(item.group) });
  const points = scale.find((s) => s.grade === grade)?.points;
  return (
    <Paper withBorder p="md" id={`grade-item-${number}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600}>{name}</Text>
          <Group gap="xs" wrap="nowrap">
            {weight ? (
              <Text size="sm" c="dimmed">
                {t('evaluationGrading.form.weight', { weight })}
              </Text>
            ) : null}
            {grade === null ? (
              <Badge color="orange" variant="light">
                {t('evaluationGrading.form.notGraded')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {item.aspects.length > 0 ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('evaluationGrading.form.aspects')}
            </Text>
            <List size="sm" c="dimmed" spacing={2}>
              {item.aspects.map((a, i) => (
                <List.Item key={i}>{localize(a)}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {editable ? (
          <Stack gap={4}>
            <Group gap="sm">
              <SegmentedControl
                aria-label={t('evaluationGrading.form.gradeOf', { item: fullName })}
                data={scale.map((s) => ({
                  value: s.grade,
                  label: t('evaluationGrading.form.gradeOption', { grade: s.grade, points: s.points }),
                }))}
                // No grade yet: a value outside the scale leaves every segment unchecked.
                value={grade ?? ''}
                onChange={(v) => props.onGrade(v)}
              />
              {grade !== null ? (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => props.onGrade(null)}
                  aria-label={t('evaluationGrading.form.clearOf', { item: fullName })}
                >
                  {t('evaluationGrading.form.clear')}
                </Button>
              ) : null}
            </Group>
            {props.gradeError ? (
              <Text size="sm" c="red">
                {props.gradeError}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text>
            {grade === null ? (
              t('evaluationGrading.form.noGrade')
            ) : (
              <Badge size="lg" variant="filled">
                {t('evaluationGrading.form.gradeOption', { grade, points: points ?? '' })}
              </Badge>
            )}
          </Text>
        )}
        {editable ? (
          <Textarea
            label={t('evaluationGrading.form.comment')}
            aria-label={t('evaluationGrading.form.commentOf', { item: fullName })}
            autosize
            minRows={2}
            maxLength={5000}
            value={comment}
            onChange={(e) => props.onComment(e.currentTarget.value)}
            error={props.commentError}
            description={
              grade === null && comment.trim() !== ''
                ? t('evaluationGrading.form.commentNeedsGrade')
                : undefined
            }
          />
        ) : comment ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {comment}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
