import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationResponse } from '../../../../contracts/organizations';
import type { PersonResponse } from '../../../../contracts/people';
import { usePermission } from '../../../lib/session';
import { OrganizationFormModal } from './OrganizationFormModal';
import { PersonFormModal } from './PersonFormModal';

/** "Register a new organization" — for pages of other features that need one that does not exist yet. */
export function CreateOrganizationButton({
  onCreated,
}: {
  onCreated: (organization: OrganizationResponse) => void;
}) {
  const { t } = useTranslation();
  const allowed = usePermission('organization:create');
  const [opened, setOpened] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button variant="outline" onClick={() => setOpened(true)}>
        {t('organizations.createInline')}
      </Button>
      {opened ? (
        <OrganizationFormModal
          opened
          onClose={() => setOpened(false)}
          organization={null}
          onSaved={onCreated}
        />
      ) : null}
    </>
  );
}

/** "Register a new person" — for the cluster staff editor. */
export function CreatePersonButton({ onCreated }: { onCreated: (person: PersonResponse) => void }) {
  const { t } = useTranslation();
  const allowed = usePermission('person:create');
  const [opened, setOpened] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button variant="outline" onClick={() => setOpened(true)}>
        {t('people.createInline')}
      </Button>
      {opened ? (
        <PersonFormModal opened onClose={() => setOpened(false)} person={null} onSaved={onCreated} />
      ) : null}
    </>
  );
}
