import { Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegisterBody } from '../../../../contracts/industrial-cluster';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useRegisterGuest } from '../api/industrial-cluster-api';
import {
  checkBody,
  type FieldErrorOf,
  FormActions,
  FormProblem,
  requiredErrors,
  useFormErrors,
} from './form-kit';

export interface GuestDraft {
  name: string;
  organization: string;
  email: string;
}

export function guestDraftErrors(draft: GuestDraft): FieldErrorMap {
  return requiredErrors({
    'body.guest.name': draft.name.trim() === '',
    'body.guest.organization': draft.organization.trim() === '',
    'body.guest.email': draft.email.trim() === '',
  });
}

interface GuestFieldsProps {
  draft: GuestDraft;
  onChange: (draft: GuestDraft) => void;
  fieldError: FieldErrorOf;
}

/** The guest's name, organization and e-mail. */
export function GuestFields({ draft, onChange, fieldError }: GuestFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('industrialCluster.col.name')}
        required
        maxLength={200}
        value={draft.name}
        onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
        error={fieldError('body.guest.name')}
        data-autofocus
      />
      <TextInput
        label={t('industrialCluster.col.organization')}
        required
        maxLength={300}
        value={draft.organization}
        onChange={(e) => onChange({ ...draft, organization: e.currentTarget.value })}
        error={fieldError('body.guest.organization')}
      />
      <TextInput
        type="email"
        label={t('industrialCluster.col.email')}
        required
        maxLength={320}
        value={draft.email}
        onChange={(e) => onChange({ ...draft, email: e.currentTarget.value })}
        error={fieldError('body.guest.email')}
      />
    </Stack>
  );
}

/** An organizer registers a guest who has no account; the seat counts like any other. */
export function GuestRegistrationModal({ eventId, onClose }: { eventId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const register = useRegisterGuest(eventId);
  const [draft, setDraft] = useState<GuestDraft>({ name: '', organization: '', email: '' });
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const fieldError = useFormErrors(register.error, localErrors);
  const close = () => {
    register.reset();
    onClose();
  };
  const submit = () => {
    register.reset();
    const checked = checkBody(RegisterBody, { guest: draft }, locale, guestDraftErrors(draft));
    if (!checked.success || !checked.data.guest) return setLocalErrors(checked.success ? {} : checked.errors);
    setLocalErrors({});
    register.mutate(checked.data.guest, { onSuccess: close });
  };
  return (
    <Modal opened onClose={close} title={t('industrialCluster.form.registerGuest')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <GuestFields draft={draft} onChange={setDraft} fieldError={fieldError} />
          {/* Deadline passed or no seats left: the server names the event, not a field here. */}
          <FormProblem error={register.error} fields={['body.guest']} />
          <FormActions
            onCancel={close}
            loading={register.isPending}
            submitLabel={t('industrialCluster.form.registerGuest')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
