import { Button, Group, Modal, Text } from '@mantine/core';
import { useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { UNSAFE_DataRouterContext, useBlocker } from 'react-router';

/**
 * Warns before unsaved text is lost: closing or reloading the tab (the browser's own prompt), and
 * moving to another page of the app (our dialog). In-app blocking needs a data router; under a
 * plain router (as in server-rendered tests) only the browser prompt applies.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  return dataRouter ? <NavigationBlocker when={when} /> : null;
}

function NavigationBlocker({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );
  const blocked = blocker.state === 'blocked';
  return (
    <Modal
      opened={blocked}
      onClose={() => blocker.reset?.()}
      title={t('evaluationSelf.guard.title')}
      centered
    >
      <Text size="sm">{t('evaluationSelf.guard.body')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          {t('evaluationSelf.guard.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('evaluationSelf.guard.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
