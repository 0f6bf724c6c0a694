import {
  Alert,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountResponse } from '../../../../contracts/accounts';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { localize, useFormatters } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useAccountMutations, type AccountPerson } from '../api/accounts-api';
import { useGrantLabel } from './GrantBadges';
import { GeneratedPasswordPanel } from './GeneratedPasswordModal';
import { GrantPicker } from './GrantPicker';
import { PersonLinkSelect, usePersonLinkError, usePersonName } from './PersonLink';

interface Props {
  account: AccountResponse;
  onClose: () => void;
}

type Pending =
  | { kind: 'status' }
  | { kind: 'revoke'; grantId: number; label: string }
  | { kind: 'reset' }
  | { kind: 'person' }
  | null;

/** One account: name and language, the person it belongs to, enable/disable, role grants, password reset. */
export function ManageAccountDrawer({ account, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const personName = usePersonName();
  const personLinkError = usePersonLinkError();
  const codeLabel = useCodeLabel();
  const grantLabel = useGrantLabel();
  const message = useErrorMessage();
  const { account: self } = useSession();
  const mutations = useAccountMutations();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [locale, setLocale] = useState(account.locale);
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [lastError, setLastError] = useState<unknown>(null);
  const [person, setPerson] = useState<AccountPerson | null>(account.person);
  const [personError, setPersonError] = useState<string | null>(null);
  const isSelf = self?.id === account.id;

  const fail = (error: unknown) => {
    setLastError(error);
    setPending(null);
  };
  const ok = (text: string) => {
    setLastError(null);
    setNotice(text);
    setPending(null);
  };

  const saveProfile = () => {
    setNotice(null);
    const body: { version: number; displayName?: string; locale?: 'ja' | 'en' } = {
      version: account.version,
    };
    if (displayName.trim() !== account.displayName) body.displayName = displayName.trim();
    if (locale !== account.locale) body.locale = locale;
    if (!body.displayName && !body.locale) return;
    mutations.update.mutate(
      { id: account.id, body },
      { onSuccess: () => ok(t('adminUsers.saved')), onError: fail },
    );
  };

  const personChanged = (person?.id ?? null) !== (account.person?.id ?? null);
  const savePerson = () => {
    setNotice(null);
    setPersonError(null);
    setPending({ kind: 'person' });
    const personId = person?.id ?? null;
    mutations.update.mutate(
      { id: account.id, body: { version: account.version, personId } },
      {
        onSuccess: () =>
          ok(personId === null ? t('adminUsers.person.unlinked') : t('adminUsers.person.linked')),
        onError: (error) => {
          const text = personLinkError(error);
          if (!text) return fail(error);
          setLastError(null);
          setPersonError(text);
          setPending(null);
        },
      },
    );
  };

  const toggleStatus = () => {
    const status = account.status === 'active' ? 'disabled' : 'active';
    mutations.update.mutate(
      { id: account.id, body: { version: account.version, status } },
      {
        onSuccess: () =>
          ok(status === 'disabled' ? t('adminUsers.disabledNotice') : t('adminUsers.enabledNotice')),
        onError: fail,
      },
    );
  };

  const revoke = (grantId: number) =>
    mutations.revokeGrant.mutate(
      { id: account.id, grantId },
      { onSuccess: () => ok(t('adminUsers.grants.revoked')), onError: fail },
    );

  const reset = () =>
    mutations.resetPassword.mutate(account.id, {
      onSuccess: (result) => {
        setGenerated(result.generatedPassword);
        ok(t('adminUsers.password.resetDone'));
      },
      onError: fail,
    });

  const conflict = isApiError(lastError) && lastError.code === 'VERSION_CONFLICT';

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t('adminUsers.manageTitle', { name: account.displayName })}
    >
      <Stack gap="lg">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={700}>{account.displayName}</Text>
            <Badge
              variant={account.status === 'active' ? 'outline' : 'filled'}
              color={account.status === 'active' ? 'teal' : 'gray'}
              style={{ textTransform: 'none' }}
            >
              {codeLabel('accountStatus', account.status)}
            </Badge>
          </Group>
          <Text size="sm">{account.email}</Text>
          <Text size="xs" c="dimmed">
            {t('adminUsers.fields.lastSignInAt')}:{' '}
            {account.lastSignInAt ? f.dateTime(account.lastSignInAt) : t('adminUsers.never')}
            {' · '}
            {t('adminUsers.fields.createdAt')}: {f.date(account.createdAt)}
          </Text>
        </Stack>

        {notice ? (
          <Alert
            color="teal"
            variant="light"
            role="status"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel={t('common.close')}
          >
            {notice}
          </Alert>
        ) : null}
        {lastError ? (
          <Alert color="red" variant="light" role="alert">
            {conflict ? t('adminUsers.conflict') : message(lastError)}
          </Alert>
        ) : null}
        {generated ? <GeneratedPasswordPanel email={account.email} password={generated} /> : null}

        <section aria-labelledby="account-profile-heading">
          <Stack gap="sm">
            <Title order={3} size="h4" id="account-profile-heading">
              {t('adminUsers.profile')}
            </Title>
            <TextInput
              label={t('adminUsers.fields.displayName')}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="account-locale-label">
                {t('adminUsers.fields.locale')}
              </Text>
              <SegmentedControl
                aria-labelledby="account-locale-label"
                value={locale}
                onChange={(v) => setLocale(v === 'en' ? 'en' : 'ja')}
                data={[
                  { value: 'ja', label: <span lang="ja">日本語</span> },
                  { value: 'en', label: <span lang="en">English</span> },
                ]}
                w={220}
                name="account-locale"
              />
            </Stack>
            <Group>
              <Button
                onClick={saveProfile}
                loading={mutations.update.isPending && pending === null}
                disabled={displayName.trim() === account.displayName && locale === account.locale}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </section>

        <Divider />

        <section aria-labelledby="account-person-heading">
          <Stack gap="sm">
            <Title order={3} size="h4" id="account-person-heading">
              {t('adminUsers.person.title')}
            </Title>
            <Text size="sm">{t('adminUsers.person.why')}</Text>
            <Stack gap={2} data-testid="account-person">
              <Text size="sm">
                <Text span fw={500}>
                  {t('adminUsers.person.field')}
                  {t('common.colon')}
                </Text>
                {account.person ? personName(account.person) : t('adminUsers.person.notLinked')}
              </Text>
              {account.person ? (
                <Text size="sm">
                  <Text span fw={500}>
                    {t('adminUsers.person.organization')}
                    {t('common.colon')}
                  </Text>
                  {account.person.organization
                    ? localize(account.person.organization.name, f.locale)
                    : t('adminUsers.person.noOrganization')}
                </Text>
              ) : null}
            </Stack>
            {account.person ? null : (
              <Alert color="amber" variant="light">
                {t('adminUsers.person.notLinkedWarning')}
              </Alert>
            )}
            <PersonLinkSelect
              value={person}
              onChange={(next) => {
                setPerson(next);
                setPersonError(null);
              }}
              error={personError}
            />
            <Group>
              <Button
                onClick={savePerson}
                variant={person === null && account.person ? 'outline' : 'filled'}
                color={person === null && account.person ? 'red' : undefined}
                loading={mutations.update.isPending && pending?.kind === 'person'}
                disabled={!personChanged}
              >
                {person === null && account.person
                  ? t('adminUsers.person.unlink')
                  : t('adminUsers.person.save')}
              </Button>
            </Group>
          </Stack>
        </section>

        <Divider />

        <section aria-labelledby="account-grants-heading">
          <Stack gap="sm">
            <Title order={3} size="h4" id="account-grants-heading">
              {t('adminUsers.grants.title')}
            </Title>
            {account.grants.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('adminUsers.grants.none')}
              </Text>
            ) : (
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('adminUsers.grants.grant')}</Table.Th>
                    <Table.Th scope="col">{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {account.grants.map((grant) => {
                    const label = grantLabel(grant);
                    const confirming = pending?.kind === 'revoke' && pending.grantId === grant.id;
                    return (
                      <Table.Tr key={grant.id}>
                        <Table.Td>{label}</Table.Td>
                        <Table.Td>
                          {confirming ? (
                            <Group gap={6} wrap="nowrap">
                              <Button
                                size="compact-sm"
                                color="red"
                                loading={mutations.revokeGrant.isPending}
                                onClick={() => revoke(grant.id)}
                              >
                                {t('adminUsers.grants.confirmRevoke')}
                              </Button>
                              <Button size="compact-sm" variant="default" onClick={() => setPending(null)}>
                                {t('common.cancel')}
                              </Button>
                            </Group>
                          ) : (
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              aria-label={t('adminUsers.grants.revokeOf', { grant: label })}
                              onClick={() => setPending({ kind: 'revoke', grantId: grant.id, label })}
                            >
                              {t('adminUsers.grants.revoke')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
            <GrantPicker
              busy={mutations.addGrant.isPending}
              onAdd={(grant) =>
                mutations.addGrant.mutate(
                  { id: account.id, grant: grant.input },
                  { onSuccess: () => ok(t('adminUsers.grants.added')), onError: fail },
                )
              }
            />
          </Stack>
        </section>

        <Divider />

        <section aria-labelledby="account-security-heading">
          <Stack gap="sm">
            <Title order={3} size="h4" id="account-security-heading">
              {t('adminUsers.security')}
            </Title>
            {pending?.kind === 'reset' ? (
              <Alert color="amber" variant="light">
                <Stack gap="xs">
                  <Text size="sm">{t('adminUsers.password.confirmReset', { email: account.email })}</Text>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      color="amber"
                      onClick={reset}
                      loading={mutations.resetPassword.isPending}
                    >
                      {t('adminUsers.password.reset')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setPending(null)}>
                      {t('common.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : (
              <Group>
                <Button variant="outline" onClick={() => setPending({ kind: 'reset' })}>
                  {t('adminUsers.password.reset')}
                </Button>
              </Group>
            )}
            {pending?.kind === 'status' ? (
              <Alert color={account.status === 'active' ? 'red' : 'teal'} variant="light">
                <Stack gap="xs">
                  <Text size="sm">
                    {account.status === 'active'
                      ? t('adminUsers.confirmDisable', { name: account.displayName })
                      : t('adminUsers.confirmEnable', { name: account.displayName })}
                  </Text>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      color={account.status === 'active' ? 'red' : 'teal'}
                      onClick={toggleStatus}
                      loading={mutations.update.isPending}
                    >
                      {account.status === 'active' ? t('adminUsers.disable') : t('adminUsers.enable')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setPending(null)}>
                      {t('common.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : (
              <Group>
                <Button
                  variant="outline"
                  color={account.status === 'active' ? 'red' : 'teal'}
                  onClick={() => setPending({ kind: 'status' })}
                  disabled={isSelf && account.status === 'active'}
                >
                  {account.status === 'active' ? t('adminUsers.disable') : t('adminUsers.enable')}
                </Button>
                {isSelf ? (
                  <Text size="xs" c="dimmed">
                    {t('adminUsers.cannotDisableSelf')}
                  </Text>
                ) : null}
              </Group>
            )}
          </Stack>
        </section>
      </Stack>
    </Drawer>
  );
}
