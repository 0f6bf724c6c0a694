import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { OutcomeReport } from '../../../../contracts/reports';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { useLocalize } from '../../../lib/format';
import { usePermission, useSession } from '../../../lib/session';
import { useValidationMessage } from '../../../lib/use-validation-message';
import { useWorkflowMutations } from '../api/reports-api';
import { canEditCluster } from './report-model';

type Dialog = 'submit' | 'accept' | 'return' | 'correct' | null;

interface Props {
  report: OutcomeReport;
  /** Unsaved indicator values: submitting now would send the report without them. */
  valuesDirty: boolean;
}

/** What can happen to the report next: submit, accept or return it, or open a corrected version. */
export function WorkflowPanel({ report, valuesDirty }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { account } = useSession();
  const canReview = usePermission('outcome-report:review');
  const mutations = useWorkflowMutations(report.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const validation = useValidationMessage();
  const localize = useLocalize();

  const currentErrors = report.issues.filter((i) => i.severity === 'error');
  const errorCount = currentErrors.length;
  const canSubmit = report.editable && (report.status === 'draft' || report.status === 'returned');
  const submitBlocked = errorCount > 0 || valuesDirty;
  const reviewable = canReview && report.status === 'submitted';
  const correctable =
    report.status === 'accepted' &&
    report.supersededById === null &&
    report.openCorrectionId === null &&
    canEditCluster(account, report.cluster.id);

  const open = (next: Dialog) => {
    setComment('');
    setCommentError(undefined);
    mutations.submit.reset();
    mutations.accept.reset();
    mutations.returnToHeadquarters.reset();
    mutations.correct.reset();
    setDialog(next);
  };
  const close = () => setDialog(null);

  const current =
    dialog === 'submit'
      ? mutations.submit
      : dialog === 'accept'
        ? mutations.accept
        : dialog === 'return'
          ? mutations.returnToHeadquarters
          : dialog === 'correct'
            ? mutations.correct
            : null;
  const failure = current?.error ?? null;
  const fieldFailures = isApiError(failure) ? failure.fieldErrors : [];
  const conflict = isApiError(failure) && failure.code === 'VERSION_CONFLICT';
  const serverComment = isApiError(failure)
    ? validation(failure.fieldError('body.comment') ?? failure.fieldError('body.reason'))
    : undefined;

  const confirm = () => {
    const text = comment.trim();
    if ((dialog === 'return' || dialog === 'correct') && text === '') {
      setCommentError(t('reporting.item.required'));
      return;
    }
    setCommentError(undefined);
    if (dialog === 'submit') mutations.submit.mutate(report.version, { onSuccess: close });
    if (dialog === 'accept')
      mutations.accept.mutate({ version: report.version, comment: text || null }, { onSuccess: close });
    if (dialog === 'return')
      mutations.returnToHeadquarters.mutate({ version: report.version, comment: text }, { onSuccess: close });
    if (dialog === 'correct')
      mutations.correct.mutate(
        { version: report.version, reason: text },
        {
          onSuccess: (fresh) => {
            close();
            void navigate(`/reports/${fresh.id}`);
          },
        },
      );
  };

  const blockedReason = valuesDirty
    ? t('reporting.workflow.saveFirst')
    : errorCount > 0
      ? t('reporting.workflow.fixErrorsFirst', { count: errorCount })
      : null;

  return (
    <Stack gap="sm">
      <Text size="sm">{t(`reporting.workflow.explain.${report.status}`)}</Text>
      {canSubmit ? (
        <Stack gap={4}>
          <Button
            onClick={() => open('submit')}
            disabled={submitBlocked}
            aria-describedby={blockedReason ? 'submit-blocked-reason' : undefined}
          >
            {report.status === 'returned' ? t('reporting.workflow.resubmit') : t('reporting.workflow.submit')}
          </Button>
          {blockedReason ? (
            <Text size="xs" c="red.8" id="submit-blocked-reason">
              {blockedReason}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {reviewable ? (
        <Group grow gap="sm">
          <Button color="green" onClick={() => open('accept')}>
            {t('reporting.workflow.accept')}
          </Button>
          <Button color="orange" variant="outline" onClick={() => open('return')}>
            {t('reporting.workflow.return')}
          </Button>
        </Group>
      ) : null}
      {report.openCorrectionId !== null ? (
        <Text size="sm">
          {t('reporting.workflow.correctionOpen')}{' '}
          <Anchor component={Link} to={`/reports/${report.openCorrectionId}`}>
            {t('reporting.workflow.openCorrection')}
          </Anchor>
        </Text>
      ) : null}
      {correctable ? (
        <Button variant="outline" onClick={() => open('correct')}>
          {t('reporting.workflow.correct')}
        </Button>
      ) : null}

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog ? t(`reporting.workflow.dialog.${dialog}.title`) : ''}
      >
        {dialog ? (
          <Stack gap="md">
            <Text size="sm">{t(`reporting.workflow.dialog.${dialog}.text`)}</Text>
            {dialog === 'submit' && report.issues.some((i) => i.severity === 'warning') ? (
              <Alert color="yellow" variant="light">
                {t('reporting.workflow.dialog.submit.warnings', {
                  count: report.issues.filter((i) => i.severity === 'warning').length,
                })}
              </Alert>
            ) : null}
            {dialog !== 'submit' ? (
              <Textarea
                label={t(`reporting.workflow.dialog.${dialog}.field`)}
                required={dialog === 'return' || dialog === 'correct'}
                autosize
                minRows={3}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                error={commentError ?? serverComment}
                data-autofocus
              />
            ) : null}
            {conflict ? (
              <Alert color="orange" variant="light" role="alert" title={t('reporting.conflictTitle')}>
                {t('reporting.workflow.conflictText')}
              </Alert>
            ) : isApiError(failure) && failure.code === 'INVALID_TRANSITION' ? (
              <Alert color="orange" variant="light" role="alert">
                {t('reporting.workflow.invalidTransition')}
              </Alert>
            ) : failure && fieldFailures.length > 0 && !serverComment ? (
              <Alert color="red" variant="light" role="alert" title={t('reporting.workflow.checksFailed')}>
                <List size="sm">
                  {/* The report's own issues carry both languages; the problem document only English. */}
                  {(currentErrors.length > 0
                    ? currentErrors.map((i) => localize(i.message))
                    : fieldFailures.map((e) => validation(e.message) ?? e.message)
                  ).map((text, index) => (
                    <List.Item key={index}>{text}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : failure && !serverComment ? (
              <ErrorAlert error={failure} />
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={current?.isPending}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={confirm}
                loading={current?.isPending}
                color={dialog === 'return' ? 'orange' : dialog === 'accept' ? 'green' : undefined}
                data-autofocus={dialog === 'submit' ? true : undefined}
              >
                {t(`reporting.workflow.dialog.${dialog}.confirm`)}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
