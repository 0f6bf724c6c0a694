import { Alert, Button, Code, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { useFormatters } from '../../../lib/format';
import { useAuditEntries, useVerifyAuditChain } from '../api/audit-api';
import { AuditDiff } from '../components/AuditDiff';

const PAGE_SIZE = 50;

/** `/admin/audit` — every write, who made it and what changed; the hash chain can be verified. */
export function AuditPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [actorId, setActorId] = useState('');
  // Debounce a string: a fresh object every render would never settle.
  const [filtersJson] = useDebouncedValue(JSON.stringify({ entityType, entityId, actorId }), 300);
  const filters = JSON.parse(filtersJson) as { entityType: string; entityId: string; actorId: string };
  const [offset, setOffset] = useState(0);
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const actorNumber = Number(filters.actorId);
  const actorInvalid = filters.actorId.trim() !== '' && !(Number.isInteger(actorNumber) && actorNumber > 0);
  const entries = useAuditEntries({
    limit: PAGE_SIZE,
    offset,
    entityType: filters.entityType.trim() || undefined,
    entityId: filters.entityId.trim() || undefined,
    actorId: !actorInvalid && filters.actorId.trim() ? actorNumber : undefined,
  });
  const verify = useVerifyAuditChain();

  const toggle = (seq: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });
  const filterChanged = (set: (v: string) => void) => (value: string) => {
    set(value);
    setOffset(0);
  };

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Button onClick={() => verify.mutate()} loading={verify.isPending} variant="outline">
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data ? (
        verify.data.ok ? (
          <Alert color="teal" variant="light" role="status" title={t('audit.verifyOkTitle')}>
            {t('audit.verifyOk', { count: verify.data.checked })}
          </Alert>
        ) : (
          <Alert color="red" variant="light" role="alert" title={t('audit.verifyBadTitle')}>
            <Stack gap={4}>
              <Text size="sm">
                {t('audit.verifyBad', { checked: verify.data.checked, seq: verify.data.firstBadSeq ?? '—' })}
              </Text>
              {verify.data.reason ? <Code>{verify.data.reason}</Code> : null}
            </Stack>
          </Alert>
        )
      ) : null}
      {verify.error ? <ErrorAlert error={verify.error} /> : null}

      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <Group gap="md" align="flex-start">
          <TextInput
            label={t('audit.entityType')}
            placeholder={t('audit.entityTypePlaceholder')}
            value={entityType}
            onChange={(e) => filterChanged(setEntityType)(e.currentTarget.value)}
            w={220}
          />
          <TextInput
            label={t('audit.entityId')}
            value={entityId}
            onChange={(e) => filterChanged(setEntityId)(e.currentTarget.value)}
            w={200}
          />
          <TextInput
            label={t('audit.actorId')}
            inputMode="numeric"
            value={actorId}
            onChange={(e) => filterChanged(setActorId)(e.currentTarget.value)}
            error={actorInvalid ? t('audit.actorIdInvalid') : undefined}
            w={160}
          />
        </Group>
      </Paper>

      {entries.error ? <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} /> : null}
      {entries.isPending ? <LoadingState /> : null}
      {entries.data ? (
        <Stack gap="xs">
          {entries.data.items.length === 0 ? (
            <Text c="dimmed" py="lg">
              {t('common.noResults')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table withTableBorder aria-busy={entries.isFetching} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" className="kcp-num">
                      {t('audit.seq')}
                    </Table.Th>
                    <Table.Th scope="col">{t('audit.at')}</Table.Th>
                    <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                    <Table.Th scope="col">{t('audit.action')}</Table.Th>
                    <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                    <Table.Th scope="col">{t('audit.requestId')}</Table.Th>
                    <Table.Th scope="col">{t('audit.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.data.items.map((entry) => {
                    const isOpen = expanded.has(entry.seq);
                    const detailId = `audit-detail-${entry.seq}`;
                    return (
                      <Fragment key={entry.seq}>
                        <Table.Tr>
                          <Table.Td className="kcp-num">{entry.seq}</Table.Td>
                          <Table.Td className="kcp-nowrap">{f.dateTime(entry.at)}</Table.Td>
                          <Table.Td>
                            {entry.actor.label}
                            {entry.actor.id !== null ? (
                              <Text span size="xs" c="dimmed">
                                {' '}
                                (#{entry.actor.id})
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <Code>{entry.action}</Code>
                          </Table.Td>
                          <Table.Td>
                            {entry.entityType}
                            <Text span size="xs" c="dimmed">
                              {' '}
                              #{entry.entityId}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                              {entry.requestId ?? '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              aria-expanded={isOpen}
                              aria-controls={isOpen ? detailId : undefined}
                              onClick={() => toggle(entry.seq)}
                              aria-label={
                                isOpen
                                  ? t('audit.hideChangeOf', { seq: entry.seq })
                                  : t('audit.showChangeOf', { seq: entry.seq })
                              }
                            >
                              {isOpen ? t('audit.hideChange') : t('audit.showChange')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                        {isOpen ? (
                          <Table.Tr id={detailId}>
                            <Table.Td colSpan={7} bg="gray.0">
                              <Stack gap="xs">
                                <AuditDiff before={entry.before} after={entry.after} />
                                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                                  {t('audit.hash')}: <Code>{entry.hash}</Code>
                                </Text>
                              </Stack>
                            </Table.Td>
                          </Table.Tr>
                        ) : null}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pagination
            total={entries.data.total}
            limit={entries.data.limit}
            offset={entries.data.offset}
            onChange={setOffset}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
