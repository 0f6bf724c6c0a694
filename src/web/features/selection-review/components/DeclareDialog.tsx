import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONFLICT_KINDS } from '../../../../domain/selection/conflicts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDeclare } from '../api/selection-review-api';

/**
 * The declaration a reviewer makes before the proposal opens: no conflict, or a conflict with its
 * kind and detail (the assignment is then withdrawn and an officer rules on it).
 */
export function DeclareDialog(props: {
  assignmentId: number;
  proposalTitle: string;
  onDeclared: (removed: boolean) => void;
}) {
  const { t } = useTranslation();
  const declare = useDeclare(props.assignmentId);
  const [choice, setChoice] = useState<'none' | 'conflict'>('none');
  const [kind, setKind] = useState<string | null>('personal');
  const [detail, setDetail] = useState('');
  const ready = choice === 'none' || (kind !== null && detail.trim() !== '');
  const submit = () =>
    declare.mutate(
      choice === 'none'
        ? { conflict: false }
        : { conflict: true, kind: kind as (typeof CONFLICT_KINDS)[number], detail: detail.trim() },
      { onSuccess: (r) => props.onDeclared(r.removed) },
    );
  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      title={t('selectionReview.declare.title')}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm">{t('selectionReview.declare.explain', { proposal: props.proposalTitle })}</Text>
        <Radio.Group value={choice} onChange={(v) => setChoice(v === 'conflict' ? 'conflict' : 'none')}>
          <Stack gap="xs">
            <Radio value="none" label={t('selectionReview.declare.none')} />
            <Radio value="conflict" label={t('selectionReview.declare.conflict')} />
          </Stack>
        </Radio.Group>
        {choice === 'conflict' ? (
          <>
            <Select
              label={t('selectionReview.conflicts.kind')}
              data={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`selectionReview.kind.${k}`) }))}
              value={kind}
              onChange={setKind}
            />
            <Textarea
              label={t('selectionReview.conflicts.detail')}
              value={detail}
              onChange={(e) => setDetail(e.currentTarget.value)}
              required
            />
          </>
        ) : null}
        {declare.isError ? <ErrorAlert error={declare.error} /> : null}
        <Group justify="flex-end">
          <Button component={Link} to="/reviews" variant="subtle">
            {t('selectionReview.mine.back')}
          </Button>
          <Button disabled={!ready} loading={declare.isPending} onClick={submit}>
            {t('selectionReview.declare.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
