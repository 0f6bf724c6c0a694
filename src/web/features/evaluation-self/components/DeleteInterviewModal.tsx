import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../contracts/evaluation-interviews';
import { isApiError } from '../../../lib/api-client';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useDeleteInterview } from '../api/interviews-api';
import { ActionError } from './ActionError';
import { ConflictAlert } from './ConflictAlert';

interface DeleteInterviewModalProps {
  roundKey: string;
  interview: Interview;
  onClose: () => void;
  onReload: () => void;
}

/** Deleting an interview (and its minutes) at the version read; the audit log keeps a copy. */
export function DeleteInterviewModal({ roundKey, interview, onClose, onReload }: DeleteInterviewModalProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const remove = useDeleteInterview(roundKey);
  const conflict = isApiError(remove.error) && remove.error.code === 'VERSION_CONFLICT';
  return (
    <Modal opened onClose={onClose} title={t('evaluationSelf.interviews.deleteTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">
          {t('evaluationSelf.interviews.deleteBody', {
            cluster: localize(interview.cluster.name),
            date: f.dateTime(interview.heldAt),
          })}
        </Text>
        {conflict ? (
          <ConflictAlert
            message={t('evaluationSelf.conflict.interview')}
            onReload={() => {
              onReload();
              onClose();
            }}
          />
        ) : remove.isError ? (
          <ActionError error={remove.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate({ id: interview.id, version: interview.version }, { onSuccess: onClose })
            }
          >
            {t('evaluationSelf.interviews.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
