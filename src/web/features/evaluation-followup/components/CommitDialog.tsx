import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AllocationPlanResponse,
  AllocationPreviewBody,
  AllocationPreviewResponse,
} from '../../../../contracts/evaluation-allocation';
import { YenAmount } from '../../../components/YenAmount';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useFormatters } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useCommitAllocation } from '../api/allocation-api';
import { displayUnitOf } from './followup-format';
import { ProblemAlert } from './ProblemAlert';

interface CommitDialogProps {
  opened: boolean;
  onClose: () => void;
  roundKey: string;
  /** The rule the preview shows: exactly what is committed. */
  rule: AllocationPreviewBody;
  preview: AllocationPreviewResponse;
  /** The plan committed before, which this commit replaces. */
  committed: AllocationPlanResponse | null;
  onCommitted: (plan: AllocationPlanResponse) => void;
}

/**
 * The confirmation before next year's ledger is written: what will be written (one MEXT subsidy
 * line per cluster for the allocation year, the total), and when a plan is already committed, that
 * it is replaced and why.
 */
export function CommitDialog(props: CommitDialogProps) {
  const { opened, onClose, roundKey, rule, preview, committed, onCommitted } = props;
  const { t } = useTranslation();
  const f = useFormatters();
  const commit = useCommitAllocation(roundKey);
  const [reason, setReason] = useState('');
  const fieldError = useFieldErrors(apiFieldErrors(commit.error));
  const isReplace = committed !== null;
  const unit = displayUnitOf(preview.rule.unitYen);
  const close = () => {
    commit.reset();
    onClose();
  };
  const submit = () =>
    commit.mutate(
      { ...rule, ...(isReplace ? { replace: true, reason: reason.trim() || undefined } : {}) },
      {
        onSuccess: (plan) => {
          setReason('');
          commit.reset();
          onCommitted(plan);
        },
      },
    );
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t(isReplace ? 'evaluationFollowup.commit.replaceTitle' : 'evaluationFollowup.commit.title', {
        fy: f.fy(preview.fiscalYear),
      })}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('evaluationFollowup.commit.writes', {
            count: preview.lines.length,
            fy: f.fy(preview.fiscalYear),
          })}
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            {t('evaluationFollowup.commit.total')} <YenAmount yen={preview.totalYen} unit={unit} />
          </List.Item>
          <List.Item>
            {t('evaluationFollowup.commit.current', { fy: f.fy(preview.rule.baseFiscalYear) })}{' '}
            <YenAmount yen={preview.currentTotalYen} unit={unit} />
          </List.Item>
        </List>
        {isReplace ? (
          <>
            <Alert color="orange" variant="light">
              {t('evaluationFollowup.commit.replaceWarning', {
                at: f.dateTime(committed.committedAt),
                total: f.yen(committed.totalYen, unit),
              })}
            </Alert>
            <Textarea
              label={t('evaluationFollowup.commit.reason')}
              description={t('evaluationFollowup.commit.reasonHint')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldError('body.reason')}
            />
          </>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('evaluationFollowup.commit.audited')}
        </Text>
        {commit.error && !fieldError('body.reason') ? (
          <ProblemAlert
            error={commit.error}
            codeMessages={{
              DUPLICATE: t('evaluationFollowup.commit.duplicate'),
              WRONG_PHASE: t('evaluationFollowup.commit.wrongPhase'),
              VALIDATION_FAILED: t('evaluationFollowup.commit.ruleRefused'),
            }}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={isReplace ? 'orange' : 'teal'}
            loading={commit.isPending}
            disabled={isReplace && reason.trim() === ''}
            onClick={submit}
          >
            {t(isReplace ? 'evaluationFollowup.commit.replaceButton' : 'evaluationFollowup.commit.button')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
