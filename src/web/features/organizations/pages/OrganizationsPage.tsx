import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationResponse } from '../../../../contracts/organizations';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { otherLanguage, useLocale, useLocalize } from '../../../lib/format';
import { useCodeLabel, useCodeOptions } from '../../../lib/labels';
import { useReference } from '../../../lib/reference';
import { usePermission } from '../../../lib/session';
import { useOrganizations } from '../api/directory-api';
import { OrganizationFormModal } from '../components/OrganizationFormModal';

const PAGE_SIZE = 50;

/** `/organizations` — universities, institutes, companies and local governments taking part in clusters. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const label = useCodeLabel();
  const codeOptions = useCodeOptions();
  const reference = useReference();
  const canCreate = usePermission('organization:create');
  const canUpdate = usePermission('organization:update');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [kind, setKind] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<OrganizationResponse | 'new' | null>(null);
  const list = useOrganizations({
    limit: PAGE_SIZE,
    offset,
    q: debouncedQ || undefined,
    kind: kind ?? undefined,
  });

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('organizations.title')}
        subtitle={t('organizations.subtitle')}
        actions={
          canCreate ? <Button onClick={() => setEditing('new')}>{t('organizations.create')}</Button> : null
        }
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
            placeholder={t('organizations.searchPlaceholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setOffset(0);
            }}
            w={300}
          />
          <Select
            label={t('organizations.fields.kind')}
            data={codeOptions('organizationKind', reference.data?.organizationKinds ?? [])}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setOffset(0);
            }}
            placeholder={t('common.all')}
            clearable
            w={240}
          />
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
                    <Table.Th scope="col">{t('organizations.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('organizations.fields.kind')}</Table.Th>
                    <Table.Th scope="col">{t('organizations.fields.prefecture')}</Table.Th>
                    <Table.Th scope="col">{t('source.label')}</Table.Th>
                    {canUpdate ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((org) => (
                    <Table.Tr key={org.id}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm" fw={700}>
                            {localize(org.name)}
                          </Text>
                          {org.withdrawnAt ? (
                            <Badge size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                              {t('clusters.withdrawn')}
                            </Badge>
                          ) : null}
                        </Group>
                        {otherLanguage(org.name, locale) ? (
                          <Text size="xs" c="dimmed">
                            {otherLanguage(org.name, locale)}
                          </Text>
                        ) : null}
                        {org.url ? (
                          <Anchor href={org.url} size="xs" target="_blank" rel="noopener noreferrer">
                            {org.url}
                          </Anchor>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{label('organizationKind', org.kind)}</Table.Td>
                      <Table.Td>{org.prefecture ? localize(org.prefecture.name) : '—'}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {org.source}
                        </Text>
                      </Table.Td>
                      {canUpdate ? (
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => setEditing(org)}
                            aria-label={t('organizations.editOf', { name: localize(org.name) })}
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
        <OrganizationFormModal
          opened
          key={editing === 'new' ? 'new' : editing.id}
          organization={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
