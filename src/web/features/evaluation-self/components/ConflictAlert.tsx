import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConflictAlertProps {
  /** What the reader loses on reload, said in the alert (e.g. the text typed since the last save). */
  message: string;
  onReload: () => void;
  reloading?: boolean;
}

/** A 409 on a stale version: someone else changed the record; reload to continue from theirs. */
export function ConflictAlert({ message, onReload, reloading = false }: ConflictAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" title={t('evaluationSelf.conflict.title')}>
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        <Group>
          <Button size="xs" variant="outline" color="orange" onClick={onReload} loading={reloading}>
            {t('evaluationSelf.conflict.reload')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
