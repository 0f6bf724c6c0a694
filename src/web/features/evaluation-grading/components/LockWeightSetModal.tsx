import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeightSetView } from '../../../../contracts/evaluation-grading';
import { useLocalize } from '../../../lib/format';
import { useLockWeightSet } from '../api/evaluation-grading-api';
import { GradingErrorAlert } from './GradingErrorAlert';

interface Props {
  roundKey: string;
  set: WeightSetView;
  onClose: () => void;
  onReload: () => void;
}

/** The officer's confirmation before locking: final, and what every score will be computed with. */
export function LockWeightSetModal({ roundKey, set, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const lock = useLockWeightSet(roundKey);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('evaluationGrading.lock.title', { version: set.version })}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm">{t('evaluationGrading.lock.final')}</Text>
        <List size="sm" spacing={2}>
          {set.weights.map((w, i) => (
            <List.Item key={w.item}>
              {i + 1}. {localize(w.label)}: <strong>{w.shown}</strong>
            </List.Item>
          ))}
        </List>
        {lock.isError ? <GradingErrorAlert error={lock.error} onReload={onReload} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="teal"
            loading={lock.isPending}
            onClick={() => lock.mutate(set.version, { onSuccess: onClose })}
          >
            {t('evaluationGrading.lock.confirm', { version: set.version })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
