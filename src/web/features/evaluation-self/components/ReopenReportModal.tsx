import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReopenSelfEvaluationBody,
  type SelfEvaluationDetail,
} from '../../../../contracts/evaluation-self-evaluations';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useReopenSelfEvaluation } from '../api/self-evaluations-api';
import { ActionError } from './ActionError';
import { ConflictAlert } from './ConflictAlert';

interface ReopenReportModalProps {
  report: SelfEvaluationDetail;
  onClose: () => void;
  onReload: () => void;
}

/** An officer returns a submitted report to headquarters as a draft, with a reason (audited). */
export function ReopenReportModal({ report, onClose, onReload }: ReopenReportModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reopen = useReopenSelfEvaluation(report.round.key, report.cluster.key);
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const errorOf = useFieldErrors({ ...apiFieldErrors(reopen.error), ...localErrors });
  const conflict = isApiError(reopen.error) && reopen.error.code === 'VERSION_CONFLICT';

  const confirm = () => {
    const checked = validateBody(ReopenSelfEvaluationBody, { version: report.version, reason }, locale);
    if (!checked.success) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors({});
    reopen.mutate(checked.data, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t('evaluationSelf.reopen.title')} centered size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('evaluationSelf.reopen.body')}</Text>
        <Textarea
          label={t('evaluationSelf.reopen.reason')}
          description={t('evaluationSelf.reopen.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          data-autofocus
          error={errorOf('body.reason')}
        />
        {conflict ? (
          <ConflictAlert
            message={t('evaluationSelf.conflict.reopen')}
            onReload={() => {
              onReload();
              onClose();
            }}
          />
        ) : reopen.isError && !errorOf('body.reason') ? (
          <ActionError error={reopen.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={confirm} loading={reopen.isPending}>
            {t('evaluationSelf.reopen.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
