import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyReviewResponse } from '../../../../contracts/selection-reviews';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocalize } from '../../../lib/format';
import { useSaveDraft, useSubmitReview } from '../api/selection-review-api';

/** Every score the scale allows, min to max in its steps. */
function scaleValues(scale: { min: number; max: number; step: number }): string[] {
  const out: string[] = [];
  const n = Math.round((scale.max - scale.min) / scale.step);
  for (let i = 0; i <= n; i++) out.push(String(Math.round((scale.min + i * scale.step) * 1000) / 1000));
  return out;
}

/** One row per criterion (label, weight, score within the scale, comment); draft, then submit; others after reveal. */
export function ScoringForm({ assignmentId, review }: { assignmentId: number; review: MyReviewResponse }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const save = useSaveDraft(assignmentId);
  const submit = useSubmitReview(assignmentId);
  const items = review.criteria.flatMap((g) => g.items.map((i) => ({ ...i, group: g.label })));
  const [scores, setScores] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(
      items.map((i) => [i.key, review.scores[i.key] ? String(review.scores[i.key]!.score) : null]),
    ),
  );
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((i) => [i.key, review.scores[i.key]?.comment ?? ''])),
  );
  const [overall, setOverall] = useState(review.overallComment ?? '');
  const locked = review.status === 'submitted';
  const body = () => ({
    scores: Object.fromEntries(items.map((i) => [i.key, scores[i.key] ? Number(scores[i.key]) : null])),
    comments: Object.fromEntries(
      items.filter((i) => comments[i.key]?.trim()).map((i) => [i.key, comments[i.key]!]),
    ),
    overallComment: overall.trim() || null,
  });
  const values = scaleValues(review.scale);
  return (
    <Stack gap="sm" className={locked ? 'kcp-read-only' : undefined}>
      <Group>
        <Title order={2} size="h3">
          {t('selectionReview.scoring.title')}
        </Title>
        <Badge color={locked ? 'green' : 'blue'}>
          {t(`selectionReview.scoring.status.${review.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('selectionReview.scoring.scale', {
          min: review.scale.min,
          max: review.scale.max,
          step: review.scale.step,
        })}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selectionReview.scoring.criterion')}</Table.Th>
            <Table.Th>{t('selectionReview.scoring.weight')}</Table.Th>
            <Table.Th>{t('selectionReview.scoring.score')}</Table.Th>
            <Table.Th>{t('selectionReview.scoring.comment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.key}>
              <Table.Td>
                <Text size="sm">{localize(i.label)}</Text>
                <Text size="xs" c="dimmed">
                  {localize(i.group)}
                </Text>
              </Table.Td>
              <Table.Td>{i.weight}</Table.Td>
              <Table.Td>
                <Select
                  w={90}
                  data={values}
                  value={scores[i.key] ?? null}
                  onChange={(v) => setScores((s) => ({ ...s, [i.key]: v }))}
                  disabled={locked}
                  clearable
                  aria-label={t('selectionReview.scoring.scoreOf', { criterion: localize(i.label) })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  value={comments[i.key] ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setComments((c) => ({ ...c, [i.key]: v }));
                  }}
                  disabled={locked}
                  aria-label={t('selectionReview.scoring.commentOf', { criterion: localize(i.label) })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Textarea
        label={t('selectionReview.scoring.overall')}
        value={overall}
        onChange={(e) => setOverall(e.currentTarget.value)}
        disabled={locked}
      />
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {submit.isError ? <ErrorAlert error={submit.error} /> : null}
      {save.isSuccess && !locked ? <Alert color="green">{t('selectionReview.scoring.saved')}</Alert> : null}
      {!locked ? (
        <Group justify="flex-end">
          <Button variant="light" loading={save.isPending} onClick={() => save.mutate(body())}>
            {t('selectionReview.scoring.saveDraft')}
          </Button>
          <Button loading={submit.isPending} onClick={() => submit.mutate(body())}>
            {t('selectionReview.scoring.submit')}
          </Button>
        </Group>
      ) : null}
      {locked && !review.revealed ? (
        <Alert color="gray">{t('selectionReview.scoring.awaitReveal')}</Alert>
      ) : null}
      {review.others && review.others.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('selectionReview.scoring.others')}
          </Title>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selectionReview.scoring.criterion')}</Table.Th>
                {review.others.map((o) => (
                  <Table.Th key={o.label}>
                    {o.label.replace('Reviewer', t('selectionReview.scoring.reviewer'))}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.key}>
                  <Table.Td>{localize(i.label)}</Table.Td>
                  {review.others!.map((o) => (
                    <Table.Td key={o.label} title={o.scores[i.key]?.comment ?? undefined}>
                      {o.scores[i.key]?.score ?? '—'}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Stack>
  );
}
