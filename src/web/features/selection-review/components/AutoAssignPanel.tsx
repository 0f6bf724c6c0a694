import { Alert, Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentsResponse, AutoAssignResponse } from '../../../../contracts/selection-reviews';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocalize } from '../../../lib/format';
import { useAutoAssign } from '../api/selection-review-api';

/** Automatic assignment: k, cap and seed; a preview (nothing written) first, then the commit. */
export function AutoAssignPanel({ callKey, data }: { callKey: string; data: AssignmentsResponse }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const auto = useAutoAssign(callKey);
  const [k, setK] = useState<number | string>(data.call.reviewersPerProposal);
  const [cap, setCap] = useState<number | string>(data.call.reviewerCap);
  const [seed, setSeed] = useState<number | string>(1);
  const [preview, setPreview] = useState<AutoAssignResponse | null>(null);
  const body = (commit: boolean) => ({
    perProposal: Number(k),
    cap: cap === '' ? null : Number(cap),
    seed: Number(seed),
    commit,
  });
  const title = (id: number) => localize(data.proposals.find((p) => p.id === id)?.title) || `#${id}`;
  const name = (id: number) => data.reviewers.find((r) => r.accountId === id)?.displayName ?? `#${id}`;
  const added = preview?.assignments.filter((a) => a.added) ?? [];
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('selectionReview.auto.title')}
      </Title>
      <Group align="end">
        <NumberInput label={t('selectionReview.auto.k')} min={1} max={20} value={k} onChange={setK} w={140} />
        <NumberInput label={t('selectionReview.auto.cap')} min={1} value={cap} onChange={setCap} w={140} />
        <NumberInput label={t('selectionReview.auto.seed')} min={0} value={seed} onChange={setSeed} w={140} />
        <Button
          variant="light"
          disabled={!data.call.assignable}
          loading={auto.isPending}
          onClick={() => auto.mutate(body(false), { onSuccess: setPreview })}
        >
          {t('selectionReview.auto.preview')}
        </Button>
        <Button
          disabled={!preview || preview.committed || !data.call.assignable}
          loading={auto.isPending}
          onClick={() => auto.mutate(body(true), { onSuccess: setPreview })}
        >
          {t('selectionReview.auto.commit')}
        </Button>
      </Group>
      {!data.call.assignable ? <Alert color="yellow">{t('selectionReview.auto.notAssignable')}</Alert> : null}
      {auto.isError ? <ErrorAlert error={auto.error} /> : null}
      {preview ? (
        <Stack gap="xs">
          <Text size="sm">
            {t(preview.committed ? 'selectionReview.auto.committed' : 'selectionReview.auto.previewed', {
              n: added.length,
            })}{' '}
            {preview.balanced ? (
              <Badge color="green">{t('selectionReview.auto.balanced')}</Badge>
            ) : (
              <Badge color="orange">{t('selectionReview.auto.unbalanced')}</Badge>
            )}
          </Text>
          {preview.shortfalls.map((s) => (
            <Alert key={s.proposalId} color="orange">
              {t(`selectionReview.auto.shortfall.${s.code}`, {
                proposal: title(s.proposalId),
                assigned: s.assigned,
                needed: s.needed,
              })}
            </Alert>
          ))}
          {preview.warnings.map((w) => (
            <Alert key={w} color="yellow">
              {w}
            </Alert>
          ))}
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selectionReview.matrix.proposal')}</Table.Th>
                <Table.Th>{t('selectionReview.pool.reviewer')}</Table.Th>
                <Table.Th>{t('selectionReview.auto.match')}</Table.Th>
                <Table.Th>{t('selectionReview.auto.kind')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.assignments.map((a) => (
                <Table.Tr key={`${a.proposalId}:${a.reviewerAccountId}`}>
                  <Table.Td>{title(a.proposalId)}</Table.Td>
                  <Table.Td>{name(a.reviewerAccountId)}</Table.Td>
                  <Table.Td>{a.expertiseMatch ? '✓' : ''}</Table.Td>
                  <Table.Td>
                    {a.added ? t('selectionReview.auto.new') : t('selectionReview.auto.kept')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Stack>
  );
}
