import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradingView, SaveGradesBody } from '../../../../contracts/evaluation-grading';
import { apiFieldErrors, fieldMessage } from '../../../lib/form-errors';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useSaveGrades, useSubmitGrades } from '../api/evaluation-grading-api';
import { groupItems } from './criteria-items';
import { GradeItemField } from './GradeItemField';
import { GradingErrorAlert } from './GradingErrorAlert';
import { ScorePanel } from './ScorePanel';

interface Props {
  roundKey: string;
  view: GradingView;
  /** Item key → the locked weight as shown, when the reader may see the weights. */
  weights: Map<string, string> | null;
  weightsVersion: number | null;
  onReload: () => void;
}

type Draft = Record<string, { grade: string | null; comment: string }>;

function draftOf(view: GradingView): Draft {
  return Object.fromEntries(view.grades.map((g) => [g.item, { grade: g.grade, comment: g.comment ?? '' }]));
}

/**
 * The evaluator's grading of one cluster: a grade and a comment per item, grouped by criterion;
 * saved as a draft, then submitted once every item is graded (final, after a confirmation). While
 * the form cannot be edited (submitted, or outside the grading phase) it shows what the server holds.
 */
export function GradingForm({ roundKey, view, weights, weightsVersion, onReload }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const save = useSaveGrades(roundKey, view.cluster.key);
  const submit = useSubmitGrades(roundKey, view.cluster.key);
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [confirming, setConfirming] = useState(false);
  const editable = view.canEdit;
  const shown = editable ? draft : draftOf(view);
  const saved = draftOf(view);
  const dirty = view.items.some(
    (i) =>
      shown[i.key]?.grade !== saved[i.key]?.grade ||
      (shown[i.key]?.comment ?? '').trim() !== (saved[i.key]?.comment ?? '').trim(),
  );
  const numbered = view.items.map((item, i) => ({ item, number: i + 1 }));
  const missing = numbered.filter(({ item }) => !shown[item.key]?.grade);
  const errors = apiFieldErrors(save.error ?? submit.error);
  const error = save.error ?? submit.error;
  const body = (): SaveGradesBody => ({
    grades: Object.fromEntries(
      view.items.map((i) => {
        const entry = draft[i.key] ?? { grade: null, comment: '' };
        return [i.key, { grade: entry.grade, comment: entry.comment.trim() || null }];
      }),
    ),
  });
  const update = (item: string, change: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [item]: { grade: null, comment: '', ...d[item], ...change } }));
  const tally = view.scale.map((s) => ({
    grade: s.grade,
    count: view.items.filter((i) => draft[i.key]?.grade === s.grade).length,
  }));

  return (
    <Stack gap="md">
      <ScorePanel view={view} weightsVersion={weightsVersion} dirty={editable && dirty} />
      {groupItems(view.items).map((g) => (
        <Stack gap="sm" key={g.items[0]!.item.key} component="section">
          <Title order={3} size="h4">
            {localize(g.label)}
          </Title>
          {g.items.map(({ item, number }) => (
            <GradeItemField
              key={item.key}
              item={item}
              number={number}
              scale={view.scale}
              grade={shown[item.key]?.grade ?? null}
              comment={shown[item.key]?.comment ?? ''}
              weight={weights?.get(item.key) ?? null}
              editable={editable}
              onGrade={(grade) => update(item.key, { grade })}
              onComment={(comment) => update(item.key, { comment })}
              gradeError={fieldMessage(errors, `body.grades.${item.key}.grade`)}
              commentError={fieldMessage(errors, `body.grades.${item.key}.comment`)}
            />
          ))}
        </Stack>
      ))}
      {error ? <GradingErrorAlert error={error} onReload={onReload} /> : null}
      {editable && save.isSuccess && !dirty ? (
        <Alert color="teal" role="status">
          {t('evaluationGrading.form.saved')}
        </Alert>
      ) : null}
      {editable ? (
        <Stack gap="xs">
          {missing.length > 0 ? (
            <div>
              <Text size="sm" c="orange">
                {t('evaluationGrading.form.missing', { count: missing.length })}
              </Text>
              <List size="sm">
                {missing.map(({ item, number }) => (
                  <List.Item key={item.key}>
                    <Anchor href={`#grade-item-${number}`} size="sm">
                      {number}. {localize(item.label)}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </div>
          ) : (
            <Text size="sm" c="teal">
              {t('evaluationGrading.form.complete')}
            </Text>
          )}
          <Group justify="flex-end">
            <Text size="sm" c={dirty ? 'orange' : 'dimmed'}>
              {dirty ? t('evaluationGrading.form.unsaved') : t('evaluationGrading.form.allSaved')}
            </Text>
            <Button
              variant="light"
              loading={save.isPending}
              disabled={submit.isPending}
              onClick={() => {
                submit.reset();
                save.mutate(body());
              }}
            >
              {t('evaluationGrading.form.saveDraft')}
            </Button>
            <Button
              onClick={() => setConfirming(true)}
              disabled={missing.length > 0 || save.isPending}
              loading={submit.isPending}
            >
              {t('evaluationGrading.form.submit')}
            </Button>
          </Group>
        </Stack>
      ) : view.submittedAt ? (
        <Alert color="teal" title={t('evaluationGrading.form.submittedTitle')}>
          {t('evaluationGrading.form.submittedText', { at: f.dateTime(view.submittedAt) })}
        </Alert>
      ) : null}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('evaluationGrading.form.confirmTitle', { cluster: localize(view.cluster.name) })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('evaluationGrading.form.confirmText')}</Text>
          <Text size="sm">
            {tally.map((s) => t('evaluationGrading.form.tally', s)).join(t('common.listSeparator'))}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={submit.isPending}
              onClick={() => {
                save.reset();
                submit.mutate(body(), { onSettled: () => setConfirming(false) });
              }}
            >
              {t('evaluationGrading.form.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
