import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PanelProps {
  email: string;
  password: string;
}

/** A generated password, shown exactly once, with a copy button and the warning that it cannot be shown again. */
export function GeneratedPasswordPanel({ email, password }: PanelProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="amber" variant="light" title={t('adminUsers.password.warningTitle')}>
        {t('adminUsers.password.warning')}
      </Alert>
      <Text size="sm">{t('adminUsers.password.for', { email })}</Text>
      <Code block fz="lg" data-testid="generated-password">
        {password}
      </Code>
      <CopyButton value={password}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'light' : 'outline'}
            color={copied ? 'teal' : 'navy'}
            onClick={copy}
            style={{ alignSelf: 'flex-start' }}
          >
            {copied ? t('common.copied') : t('adminUsers.password.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

export function GeneratedPasswordModal({ email, password, onClose }: PanelProps & { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('adminUsers.password.title')} closeOnClickOutside={false}>
      <Stack gap="md">
        <GeneratedPasswordPanel email={email} password={password} />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('adminUsers.password.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
