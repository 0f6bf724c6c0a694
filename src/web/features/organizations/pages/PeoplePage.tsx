import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationRef } from '../../../../contracts/organizations';
import type { PersonResponse } from '../../../../contracts/people';
import { OrganizationSelect } from '../../../components/EntitySelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { otherLanguage, useLocale, useLocalize } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { usePeople } from '../api/directory-api';
import { PersonFormModal } from '../components/PersonFormModal';

const PAGE_SIZE = 50;

/** `/people` — researchers, coordinators and directors known to the programme. */
export function PeoplePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const canCreate = usePermission('person:create');
  const canUpdate = usePermission('person:update');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [organization, setOrganization] = useState<OrganizationRef | null>(null);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<PersonResponse | 'new' | null>(null);
  const list = usePeople({
    limit: PAGE_SIZE,
    offset,
    q: debouncedQ || undefined,
    organizationId: organization?.id,
  });
  const showEmail = list.data?.items.some((p) => p.email !== null) ?? false;

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        actions={canCreate ? <Button onClick={() => setEditing('new')}>{t('people.create')}</Button> : null}
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
            placeholder={t('people.searchPlaceholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setOffset(0);
            }}
            w={300}
          />
          <div style={{ width: 340 }}>
            <OrganizationSelect
              label={t('people.fields.organization')}
              value={organization?.id ?? null}
              selected={organization}
              onChange={(id, org) => {
                setOrganization(id === null || !org ? null : { id: org.id, kind: org.kind, name: org.name });
                setOffset(0);
              }}
              clearable
            />
          </div>
        </Group>
      </Paper>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <LoadingState /> : null}
      {list.data ? (
        <Stack gap="xs">
          {list.data.items.length === 0 ? (
            <Text c="dimmed" py="lg">
              {t('common.noResults')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover withTableBorder aria-busy={list.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('people.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('people.fields.title')}</Table.Th>
                    <Table.Th scope="col">{t('people.fields.organization')}</Table.Th>
                    {showEmail ? <Table.Th scope="col">{t('people.fields.email')}</Table.Th> : null}
                    <Table.Th scope="col">{t('source.label')}</Table.Th>
                    {canUpdate ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((person) => (
                    <Table.Tr key={person.id}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm" fw={700}>
                            {localize(person.name)}
                          </Text>
                          {person.withdrawnAt ? (
                            <Badge size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                              {t('clusters.withdrawn')}
                            </Badge>
                          ) : null}
                        </Group>
                        {otherLanguage(person.name, locale) ? (
                          <Text size="xs" c="dimmed">
                            {otherLanguage(person.name, locale)}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{localize(person.title) || '—'}</Table.Td>
                      <Table.Td>{person.organization ? localize(person.organization.name) : '—'}</Table.Td>
                      {showEmail ? (
                        <Table.Td>
                          {person.email ? (
                            <Anchor href={`mailto:${person.email}`} size="sm">
                              {person.email}
                            </Anchor>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      ) : null}
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {person.source}
                        </Text>
                      </Table.Td>
                      {canUpdate ? (
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => setEditing(person)}
                            aria-label={t('people.editOf', { name: localize(person.name) })}
                          >
                            {t('common.edit')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pagination
            total={list.data.total}
            limit={list.data.limit}
            offset={list.data.offset}
            onChange={setOffset}
          />
        </Stack>
      ) : null}
      {editing ? (
        <PersonFormModal
          opened
          key={editing === 'new' ? 'new' : editing.id}
          person={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
