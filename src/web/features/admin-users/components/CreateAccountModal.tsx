import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateAccountBody } from '../../../../contracts/accounts';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useAccountMutations, type AccountPerson, type CreatedAccount } from '../api/accounts-api';
import { GrantPicker, type GrantDraft } from './GrantPicker';
import { PersonLinkSelect, usePersonLinkError } from './PersonLink';

interface Props {
  onClose: () => void;
  onCreated: (created: CreatedAccount) => void;
}

/**
 * New account: e-mail, name, language, an optional password (generated when empty), the person it
 * belongs to (optional) and its role grants.
 */
export function CreateAccountModal({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const codeLabel = useCodeLabel();
  const message = useErrorMessage();
  const { create } = useAccountMutations();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [accountLocale, setAccountLocale] = useState<'ja' | 'en'>('ja');
  const [password, setPassword] = useState('');
  const [person, setPerson] = useState<AccountPerson | null>(null);
  const [grants, setGrants] = useState<GrantDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const error = useFieldErrors(errors);
  const personLinkError = usePersonLinkError();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      email,
      displayName,
      locale: accountLocale,
      ...(password ? { password } : {}),
      ...(person ? { personId: person.id } : {}),
      grants: grants.map((g) => g.input),
    };
    const parsed = validateBody(CreateAccountBody, body, locale);
    if (!parsed.success) return setErrors(parsed.errors);
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (created) => onCreated(created),
      onError: (e) => {
        const fieldErrors = apiFieldErrors(e);
        const personError = personLinkError(e);
        setErrors(personError ? { ...fieldErrors, 'body.personId': personError } : fieldErrors);
      },
    });
  };

  const grantErrors = Object.entries(errors).filter(([field]) => field.startsWith('body.grants'));
  return (
    <Modal opened onClose={onClose} title={t('adminUsers.createTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {create.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" variant="light" role="alert">
              {message(create.error)}
            </Alert>
          ) : null}
          <TextInput
            label={t('adminUsers.fields.email')}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={error('body.email')}
          />
          <TextInput
            label={t('adminUsers.fields.displayName')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={error('body.displayName')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="new-account-locale">
              {t('adminUsers.fields.locale')}
            </Text>
            <SegmentedControl
              aria-labelledby="new-account-locale"
              value={accountLocale}
              onChange={(v) => setAccountLocale(v === 'en' ? 'en' : 'ja')}
              data={[
                { value: 'ja', label: <span lang="ja">日本語</span> },
                { value: 'en', label: <span lang="en">English</span> },
              ]}
              w={220}
              name="new-account-locale"
            />
          </Stack>
          <PasswordInput
            label={t('adminUsers.fields.initialPassword')}
            description={t('adminUsers.fields.initialPasswordHelp')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error('body.password')}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          />
          <PersonLinkSelect
            value={person}
            onChange={(next) => {
              setPerson(next);
              setErrors((current) =>
                Object.fromEntries(Object.entries(current).filter(([field]) => field !== 'body.personId')),
              );
            }}
            description={t('adminUsers.person.whyCreate')}
            error={error('body.personId')}
          />
          <Divider />
          <Title order={3} size="h4">
            {t('adminUsers.grants.title')}
          </Title>
          {grants.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('adminUsers.grants.none')}
            </Text>
          ) : (
            <Group gap="xs">
              {grants.map((grant, index) => {
                const text = `${codeLabel('role', grant.input.role)}${grant.scopeName ? ` · ${grant.scopeName}` : ''}`;
                return (
                  <Badge
                    key={`${grant.input.role}-${grant.input.clusterKey ?? grant.input.scopeId ?? 'p'}-${index}`}
                    variant="light"
                    color="navy"
                    size="lg"
                    radius="sm"
                    style={{ textTransform: 'none' }}
                    rightSection={
                      <ActionIcon
                        size="xs"
                        variant="transparent"
                        color="navy"
                        aria-label={t('adminUsers.grants.removeDraft', { grant: text })}
                        onClick={() => setGrants((list) => list.filter((_, i) => i !== index))}
                      >
                        ×
                      </ActionIcon>
                    }
                  >
                    {text}
                  </Badge>
                );
              })}
            </Group>
          )}
          {grantErrors.length > 0 ? (
            <Text size="sm" c="red.9" role="alert">
              {grantErrors.map(([, m]) => m).join(' ')}
            </Text>
          ) : null}
          <GrantPicker onAdd={(grant) => setGrants((list) => [...list, grant])} />
          <Group justify="flex-end" gap="sm" mt="md">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('adminUsers.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
