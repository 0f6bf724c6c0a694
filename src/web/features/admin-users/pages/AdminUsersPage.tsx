import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { useFormatters } from '../../../lib/format';
import { useCodeLabel, useCodeOptions } from '../../../lib/labels';
import { useReference } from '../../../lib/reference';
import { useAccounts, type CreatedAccount } from '../api/accounts-api';
import { CreateAccountModal } from '../components/CreateAccountModal';
import { GeneratedPasswordModal } from '../components/GeneratedPasswordModal';
import { GrantBadges } from '../components/GrantBadges';
import { ManageAccountDrawer } from '../components/ManageAccountDrawer';
import { PersonSummary } from '../components/PersonLink';

const PAGE_SIZE = 50;

/** `/admin/users` — administrators manage accounts and who may do what. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const codeLabel = useCodeLabel();
  const codeOptions = useCodeOptions();
  const reference = useReference();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedAccount | null>(null);
  const [managingId, setManagingId] = useState<number | null>(null);
  const accounts = useAccounts({
    limit: PAGE_SIZE,
    offset,
    q: debouncedQ || undefined,
    role: role ?? undefined,
  });
  const managing = accounts.data?.items.find((a) => a.id === managingId) ?? null;

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('adminUsers.title')}
        subtitle={t('adminUsers.subtitle')}
        actions={<Button onClick={() => setCreating(true)}>{t('adminUsers.create')}</Button>}
      />
      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <Group gap="md" align="flex-end">
          <TextInput
            type="search"
            label={t('common.search')}
            placeholder={t('adminUsers.searchPlaceholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setOffset(0);
            }}
            w={300}
          />
          <Select
            label={t('adminUsers.grants.role')}
            data={codeOptions('role', reference.data?.roles ?? [])}
            value={role}
            onChange={(v) => {
              setRole(v);
              setOffset(0);
            }}
            placeholder={t('common.all')}
            clearable
            w={240}
          />
        </Group>
      </Paper>
      {created && !created.generatedPassword ? (
        <Text c="teal.9" role="status">
          {t('adminUsers.createdNotice', { email: created.account.email })}
        </Text>
      ) : null}
      {accounts.error ? <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} /> : null}
      {accounts.isPending ? <LoadingState /> : null}
      {accounts.data ? (
        <Stack gap="xs">
          {accounts.data.items.length === 0 ? (
            <Text c="dimmed" py="lg">
              {t('common.noResults')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={1040}>
              <Table striped highlightOnHover withTableBorder aria-busy={accounts.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('adminUsers.fields.displayName')}</Table.Th>
                    <Table.Th scope="col">{t('adminUsers.person.column')}</Table.Th>
                    <Table.Th scope="col">{t('adminUsers.grants.title')}</Table.Th>
                    <Table.Th scope="col">{t('adminUsers.fields.status')}</Table.Th>
                    <Table.Th scope="col">{t('adminUsers.fields.lastSignInAt')}</Table.Th>
                    <Table.Th scope="col">{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {accounts.data.items.map((account) => (
                    <Table.Tr key={account.id}>
                      <Table.Td>
                        <Text size="sm" fw={700}>
                          {account.displayName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {account.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <PersonSummary person={account.person} />
                      </Table.Td>
                      <Table.Td>
                        {account.grants.length > 0 ? (
                          <GrantBadges grants={account.grants} />
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t('adminUsers.grants.none')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant={account.status === 'active' ? 'outline' : 'filled'}
                          color={account.status === 'active' ? 'teal' : 'gray'}
                          style={{ textTransform: 'none' }}
                        >
                          {codeLabel('accountStatus', account.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className="kcp-nowrap">
                          {account.lastSignInAt ? f.dateTime(account.lastSignInAt) : t('adminUsers.never')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => setManagingId(account.id)}
                          aria-label={t('adminUsers.manageOf', {
                            name: account.displayName,
                            email: account.email,
                          })}
                        >
                          {t('adminUsers.manage')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pagination
            total={accounts.data.total}
            limit={accounts.data.limit}
            offset={accounts.data.offset}
            onChange={setOffset}
          />
        </Stack>
      ) : null}
      {creating ? (
        <CreateAccountModal
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
          }}
        />
      ) : null}
      {created?.generatedPassword ? (
        <GeneratedPasswordModal
          email={created.account.email}
          password={created.generatedPassword}
          onClose={() => setCreated({ ...created, generatedPassword: null })}
        />
      ) : null}
      {managing ? (
        <ManageAccountDrawer key={managing.id} account={managing} onClose={() => setManagingId(null)} />
      ) : null}
    </Stack>
  );
}
