import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface SubmitReportModalProps {
  opened: boolean;
  clusterName: string;
  /** Unsaved text is saved first, then the report is submitted. */
  savesFirst: boolean;
  submitting: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Submission locks the report for good (only an officer can reopen it): ask before doing it. */
export function SubmitReportModal(props: SubmitReportModalProps) {
  const { opened, clusterName, savesFirst, submitting, onConfirm, onClose } = props;
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('evaluationSelf.submit.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('evaluationSelf.submit.body', { cluster: clusterName })}</Text>
        {savesFirst ? <Text size="sm">{t('evaluationSelf.submit.savesFirst')}</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={submitting}>
            {t('evaluationSelf.submit.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
