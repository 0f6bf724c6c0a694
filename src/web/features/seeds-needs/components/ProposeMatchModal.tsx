import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useProposeMatch } from '../api/seeds-needs-api';

interface ProposeMatchModalProps {
  seed: { id: number; title: string };
  /** A confidential need's company name is taken out of the note for the seed's side. */
  need: { id: number; title: string; confidential: boolean };
  onClose: () => void;
}

/** A coordinator proposes the pair with a note; both sides then answer. */
export function ProposeMatchModal({ seed, need, onClose }: ProposeMatchModalProps) {
  const { t } = useTranslation();
  const propose = useProposeMatch();
  const [note, setNote] = useState('');
  const fieldError = useFieldErrors(apiFieldErrors(propose.error));
  const close = () => {
    propose.reset();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={t('seedsNeeds.propose.title')} size="lg">
      <Stack gap="sm">
        <Stack gap={2}>
          <Text size="sm">
            <Text span fw={600}>
              {t('seedsNeeds.propose.seed')}
              {t('common.colon')}
            </Text>
            {seed.title}
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              {t('seedsNeeds.propose.need')}
              {t('common.colon')}
            </Text>
            {need.title}
          </Text>
        </Stack>
        {need.confidential ? (
          <Alert color="yellow" variant="light">
            {t('seedsNeeds.propose.confidentialNote')}
          </Alert>
        ) : null}
        <Textarea
          label={t('seedsNeeds.propose.note')}
          description={t('seedsNeeds.propose.noteHint')}
          autosize
          minRows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError('body.note')}
          data-autofocus
        />
        {propose.error && !fieldError('body.note') ? <ErrorAlert error={propose.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={propose.isPending}
            onClick={() => propose.mutate({ seedId: seed.id, needId: need.id, note }, { onSuccess: close })}
          >
            {t('seedsNeeds.propose.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
