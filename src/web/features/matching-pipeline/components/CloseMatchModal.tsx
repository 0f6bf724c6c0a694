import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match } from '../../../../contracts/matches';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useCloseMatch } from '../api/matches-api';

/** Closes a match with a reason; it stays readable. */
export function CloseMatchModal({ match, onClose }: { match: Match; onClose: () => void }) {
  const { t } = useTranslation();
  const closeMatch = useCloseMatch(match.id);
  const [reason, setReason] = useState('');
  const fieldError = useFieldErrors(apiFieldErrors(closeMatch.error));
  const close = () => {
    closeMatch.reset();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={t('matchingPipeline.close.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('matchingPipeline.close.explain')}</Text>
        <Textarea
          label={t('matchingPipeline.close.reason')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError('body.reason')}
          data-autofocus
        />
        {closeMatch.error && !fieldError('body.reason') ? <ErrorAlert error={closeMatch.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={closeMatch.isPending}
            disabled={reason.trim() === ''}
            onClick={() => closeMatch.mutate({ reason, version: match.version }, { onSuccess: close })}
          >
            {t('matchingPipeline.close.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
