import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../../../contracts/selection-common';
import type { ResultProposal } from '../../../../contracts/selection-results';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocalize } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useDecide } from '../api/selection-results-api';

interface Props {
  callKey: string;
  proposal: ResultProposal;
  /** The outcome the officer clicked. */
  initialOutcome: DecisionOutcome;
  onClose: () => void;
}

/**
 * Records a decision with its reason and the consolidated comment the proposer will read. An
 * override reason is asked for when the server answers that the slots or the budget are exceeded.
 */
export function DecisionModal({ callKey, proposal, initialOutcome, onClose }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const message = useErrorMessage();
  const decide = useDecide(callKey);
  const [outcome, setOutcome] = useState<DecisionOutcome>(initialOutcome);
  const [reason, setReason] = useState(proposal.decision?.reason ?? '');
  const [comment, setComment] = useState(proposal.decision?.consolidatedComment ?? '');
  const [override, setOverride] = useState(proposal.decision?.overrideReason ?? '');
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const error = useFieldErrors(errors);
  const code = isApiError(decide.error) ? decide.error.code : null;
  const needsOverride = code === 'OVER_SLOTS' || code === 'OVER_BUDGET' || override !== '';
  const blocked =
    outcome !== 'rejected' && outcome !== 'shortlisted' && proposal.thresholdFailures.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return setErrors({ 'body.reason': 'required' });
    setErrors({});
    decide.mutate(
      {
        proposalId: proposal.proposalId,
        body: {
          outcome,
          reason: reason.trim(),
          consolidatedComment: comment.trim() === '' ? null : comment.trim(),
          overrideReason: override.trim() === '' ? null : override.trim(),
        },
      },
      { onSuccess: onClose, onError: (e) => setErrors(apiFieldErrors(e)) },
    );
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t('selectionResults.decision.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fw={600}>
            {localize(proposal.region)} — {localize(proposal.title)}
          </Text>
          {decide.error ? (
            <Alert color={code === 'OVER_SLOTS' || code === 'OVER_BUDGET' ? 'orange' : 'red'} role="alert">
              {message(decide.error)}
            </Alert>
          ) : null}
          {blocked ? (
            <Alert color="red" variant="light">
              {t('selectionResults.decision.belowThreshold')}
            </Alert>
          ) : null}
          <SegmentedControl
            aria-label={t('selectionResults.decision.outcome')}
            value={outcome}
            onChange={(v) => setOutcome(v)}
            data={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`selectionResults.outcome.${o}`) }))}
            fullWidth
          />
          <Textarea
            label={t('selectionResults.decision.reason')}
            description={t('selectionResults.decision.reasonHelp')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error('body.reason')}
          />
          <Textarea
            label={t('selectionResults.decision.comment')}
            description={t('selectionResults.decision.commentHelp')}
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={error('body.consolidatedComment')}
          />
          {needsOverride ? (
            <Textarea
              label={t('selectionResults.decision.override')}
              description={t('selectionResults.decision.overrideHelp')}
              autosize
              minRows={2}
              value={override}
              onChange={(e) => setOverride(e.currentTarget.value)}
              error={error('body.overrideReason')}
            />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={decide.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={decide.isPending} disabled={blocked}>
              {t('selectionResults.decision.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
