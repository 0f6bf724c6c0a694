import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ConflictItem } from '../../../../contracts/selection-reviews';
import { CallTabs } from '../../../components/CallTabs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useLocalize } from '../../../lib/format';
import { useConflicts, useDetectConflicts, useRuleConflict } from '../api/selection-review-api';

const STATUS_COLOR = { pending: 'orange', confirmed: 'red', dismissed: 'gray' } as const;

/** /calls/:key/conflicts — detected and declared conflicts of interest, confirmed or dismissed with a note. */
export function CallConflictsPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const localize = useLocalize();
  const conflicts = useConflicts(key);
  const detect = useDetectConflicts(key);
  if (conflicts.isPending) return <LoadingState />;
  if (conflicts.isError)
    return <ErrorAlert error={conflicts.error} onRetry={() => void conflicts.refetch()} />;
  return (
    <>
      <PageTitle
        title={t('selectionReview.conflicts.title')}
        actions={
          <Button variant="light" loading={detect.isPending} onClick={() => detect.mutate()}>
            {t('selectionReview.conflicts.detect')}
          </Button>
        }
      />
      <CallTabs callKey={key} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('selectionReview.conflicts.explain')}
        </Text>
        {detect.data ? (
          <Alert color="blue">
            {t('selectionReview.conflicts.detected', {
              found: detect.data.found,
              removed: detect.data.removedAssignments,
            })}
          </Alert>
        ) : null}
        {detect.isError ? <ErrorAlert error={detect.error} /> : null}
        {conflicts.data.conflicts.length === 0 ? (
          <Alert color="gray">{t('selectionReview.conflicts.empty')}</Alert>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('selectionReview.matrix.proposal')}</Table.Th>
                  <Table.Th>{t('selectionReview.pool.reviewer')}</Table.Th>
                  <Table.Th>{t('selectionReview.conflicts.kind')}</Table.Th>
                  <Table.Th>{t('selectionReview.conflicts.detail')}</Table.Th>
                  <Table.Th style={{ minWidth: '7rem' }}>{t('selectionReview.conflicts.status')}</Table.Th>
                  <Table.Th style={{ minWidth: '22rem' }}>{t('selectionReview.conflicts.ruling')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflicts.data.conflicts.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{localize(c.proposal.title)}</Table.Td>
                    <Table.Td>{c.reviewer.displayName}</Table.Td>
                    <Table.Td>
                      {t(`selectionReview.kind.${c.kind}`)}
                      <Text size="xs" c="dimmed">
                        {t(`selectionReview.conflicts.origin.${c.origin}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.detail}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={STATUS_COLOR[c.status]} style={{ overflow: 'visible' }}>
                        {t(`selectionReview.conflicts.state.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Ruling callKey={key} conflict={c} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}

function Ruling({ callKey, conflict }: { callKey: string; conflict: ConflictItem }) {
  const { t } = useTranslation();
  const rule = useRuleConflict(callKey);
  const [note, setNote] = useState('');
  const send = (status: 'confirmed' | 'dismissed') =>
    rule.mutate({ id: conflict.id, body: { status, note } }, { onSuccess: () => setNote('') });
  return (
    <Stack gap={4}>
      {conflict.rulingNote ? (
        <Text size="xs" c="dimmed">
          {conflict.rulingNote}
        </Text>
      ) : null}
      <Group gap={4} wrap="nowrap">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          placeholder={t('selectionReview.conflicts.note')}
          aria-label={t('selectionReview.conflicts.note')}
        />
        <Button
          size="xs"
          color="red"
          disabled={!note.trim() || conflict.status === 'confirmed'}
          onClick={() => send('confirmed')}
        >
          {t('selectionReview.conflicts.confirm')}
        </Button>
        <Button
          size="xs"
          variant="light"
          disabled={!note.trim() || conflict.status === 'dismissed'}
          onClick={() => send('dismissed')}
        >
          {t('selectionReview.conflicts.dismiss')}
        </Button>
      </Group>
      {rule.isError ? <ErrorAlert error={rule.error} /> : null}
    </Stack>
  );
}
