import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FOLLOW_UP_STATUSES,
  type Finding,
  type FollowUpStatus,
  MAX_FINDING_LENGTH,
} from '../../../../contracts/evaluation-findings';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useLocalize } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useReloadFindings, useRespondToFinding } from '../api/findings-api';
import { ProblemAlert } from './ProblemAlert';

type ResponseStatus = Exclude<FollowUpStatus, 'open'>;

/** Where headquarters may move a finding: forward only, and never back to open. */
export function responseStatuses(current: FollowUpStatus): ResponseStatus[] {
  const from = Math.max(FOLLOW_UP_STATUSES.indexOf(current), 1);
  return FOLLOW_UP_STATUSES.slice(from) as ResponseStatus[];
}

interface RespondModalProps {
  roundKey: string;
  finding: Finding;
  onClose: () => void;
}

/** The cluster's headquarters answer a finding and say how far its follow-up has come. */
export function RespondModal({ roundKey, finding, onClose }: RespondModalProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const respond = useRespondToFinding(roundKey);
  const reload = useReloadFindings(roundKey);
  const options = responseStatuses(finding.followUpStatus);
  const [response, setResponse] = useState(finding.response ?? '');
  const [status, setStatus] = useState<ResponseStatus>(options[0]!);
  const fieldError = useFieldErrors(apiFieldErrors(respond.error));
  const submit = () =>
    respond.mutate(
      { id: finding.id, body: { version: finding.version, response, followUpStatus: status } },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT') void reload();
        },
      },
    );
  const shownInFields = fieldError('body.response') ?? fieldError('body.followUpStatus');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('evaluationFollowup.respond.title', { cluster: localize(finding.cluster.name) })}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {localize(finding.text)}
        </Text>
        <Textarea
          label={t('evaluationFollowup.respond.response')}
          description={t('evaluationFollowup.respond.responseHint')}
          required
          autosize
          minRows={4}
          maxLength={MAX_FINDING_LENGTH}
          value={response}
          onChange={(e) => setResponse(e.currentTarget.value)}
          error={fieldError('body.response')}
        />
        <Select
          label={t('evaluationFollowup.finding.followUpStatus')}
          description={t('evaluationFollowup.respond.statusHint')}
          data={options.map((value) => ({ value, label: t(`evaluationFollowup.followUp.${value}`) }))}
          value={status}
          allowDeselect={false}
          onChange={(v) => v && setStatus(v)}
          error={fieldError('body.followUpStatus')}
        />
        {respond.error && !shownInFields ? (
          <ProblemAlert
            error={respond.error}
            codeMessages={{
              VERSION_CONFLICT: t('evaluationFollowup.errors.versionConflict'),
              INVALID_TRANSITION: t('evaluationFollowup.errors.invalidTransition'),
            }}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={respond.isPending} disabled={response.trim() === ''} onClick={submit}>
            {t('evaluationFollowup.respond.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
