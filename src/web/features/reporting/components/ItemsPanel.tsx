import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeItem, OutcomeReport } from '../../../../contracts/reports';
import { ITEM_KINDS, type ItemKind } from '../../../../domain/outcome-items';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { FiscalYear, FiscalYearRange } from '../../../components/FiscalYear';
import { YenAmount } from '../../../components/YenAmount';
import { isApiError } from '../../../lib/api-client';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useItemMutations } from '../api/reports-api';
import type { ItemField } from './item-fields';
import { useItemFieldLabel, useOptionLabel } from './ItemFormModal';
import { itemIssues } from './report-model';

interface Column {
  field: ItemField | 'status';
  render: (item: OutcomeItem) => ReactNode;
}

function useColumns(): (kind: ItemKind) => Column[] {
  const f = useFormatters();
  const option = useOptionLabel();
  const date = (iso: string | null | undefined) =>
    iso ? <span className="kcp-nowrap">{f.date(iso)}</span> : '—';
  const text = (value: string | null | undefined) => value ?? '—';
  const title = (item: OutcomeItem) => (
    <Text size="sm" fw={500}>
      {item.title}
    </Text>
  );
  return (kind) => {
    switch (kind) {
      case 'paper':
        return [
          { field: 'title', render: title },
          {
            field: 'authors',
            render: (i) => (
              <Text size="sm" lineClamp={2}>
                {text(i.authors)}
              </Text>
            ),
          },
          { field: 'venue', render: (i) => text(i.venue) },
          {
            field: 'pubYear',
            render: (i) => text(i.pubYear === null || i.pubYear === undefined ? null : String(i.pubYear)),
          },
          { field: 'scope', render: (i) => (i.scope ? option('scope', i.scope) : '—') },
          {
            field: 'doi',
            render: (i) =>
              i.doi ? (
                <Anchor
                  href={`https://doi.org/${i.doi.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, '')}`}
                  target="_blank"
                  rel="noreferrer"
                  size="sm"
                >
                  {i.doi}
                </Anchor>
              ) : (
                '—'
              ),
          },
        ];
      case 'patent':
        return [
          {
            field: 'applicationNumber',
            render: (i) => <span className="kcp-nowrap">{text(i.applicationNumber)}</span>,
          },
          { field: 'title', render: title },
          { field: 'filingDate', render: (i) => date(i.filingDate) },
          { field: 'country', render: (i) => text(i.country) },
          {
            field: 'status',
            render: (i) =>
              i.patentStatus === 'granted' ? (
                <Stack gap={0}>
                  <span>{option('patentStatus', 'granted')}</span>
                  <Text size="xs" c="dimmed">
                    {date(i.grantedDate)}
                  </Text>
                </Stack>
              ) : i.patentStatus ? (
                option('patentStatus', i.patentStatus)
              ) : (
                '—'
              ),
          },
          {
            field: 'ownerKind',
            render: (i) => (
              <Stack gap={0}>
                <span>{i.ownerKind ? option('ownerKind', i.ownerKind) : '—'}</span>
                {i.ownerName ? (
                  <Text size="xs" c="dimmed">
                    {i.ownerName}
                  </Text>
                ) : null}
              </Stack>
            ),
          },
        ];
      case 'award':
        return [
          { field: 'title', render: title },
          { field: 'recipient', render: (i) => text(i.recipient) },
          { field: 'itemDate', render: (i) => date(i.itemDate) },
        ];
      case 'product':
        return [
          { field: 'title', render: title },
          { field: 'company', render: (i) => text(i.company) },
          { field: 'launchDate', render: (i) => date(i.launchDate) },
          {
            field: 'amountYen',
            render: (i) =>
              i.amountYen === null || i.amountYen === undefined ? '—' : <YenAmount yen={i.amountYen} />,
          },
        ];
      case 'transfer':
        return [
          { field: 'title', render: title },
          { field: 'programmeName', render: (i) => text(i.programmeName) },
          { field: 'funder', render: (i) => text(i.funder) },
          {
            field: 'amountYen',
            render: (i) =>
              i.amountYen === null || i.amountYen === undefined ? '—' : <YenAmount yen={i.amountYen} />,
          },
          {
            field: 'periodFromFy',
            render: (i) =>
              i.periodFromFy ? (
                i.periodToFy && i.periodToFy !== i.periodFromFy ? (
                  <FiscalYearRange from={i.periodFromFy} to={i.periodToFy} />
                ) : (
                  <FiscalYear fy={i.periodFromFy} withAlternate={false} />
                )
              ) : (
                '—'
              ),
          },
        ];
      case 'press':
        return [
          { field: 'media', render: (i) => (i.media ? option('media', i.media) : '—') },
          { field: 'outlet', render: (i) => text(i.outlet) },
          { field: 'itemDate', render: (i) => date(i.itemDate) },
          { field: 'title', render: title },
        ];
    }
  };
}

interface Props {
  report: OutcomeReport;
  active: ItemKind;
  onActiveChange: (kind: ItemKind) => void;
  onAdd: (kind: ItemKind) => void;
  onEdit: (item: OutcomeItem) => void;
}

/** The report's evidence, one tab per kind of item, with add / edit / delete for an editable report. */
export function ItemsPanel({ report, active, onActiveChange, onAdd, onEdit }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const columnsOf = useColumns();
  const fieldLabel = useItemFieldLabel();
  const [deleting, setDeleting] = useState<OutcomeItem | null>(null);
  const editable = report.editable;

  return (
    <>
      <Tabs value={active} onChange={(v) => v && onActiveChange(v as ItemKind)} keepMounted={false}>
        <Tabs.List aria-label={t('reporting.items.tabsLabel')}>
          {ITEM_KINDS.map((kind) => {
            const count = report.items.filter((i) => i.kind === kind).length;
            const withErrors = report.items
              .filter((i) => i.kind === kind)
              .some((i) => itemIssues(report, i.id).some((x) => x.issue.severity === 'error'));
            return (
              <Tabs.Tab
                key={kind}
                value={kind}
                rightSection={
                  <Badge
                    size="sm"
                    variant={withErrors ? 'filled' : 'light'}
                    color={withErrors ? 'red' : 'gray'}
                    circle={count < 10}
                  >
                    {count}
                  </Badge>
                }
              >
                {t(`reporting.kinds.${kind}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {ITEM_KINDS.map((kind) => {
          const items = report.items.filter((i) => i.kind === kind);
          const columns = columnsOf(kind);
          return (
            <Tabs.Panel key={kind} value={kind} pt="md">
              <Stack gap="sm">
                <Group justify="space-between" align="center">
                  <Text size="sm" c="dimmed">
                    {t(`reporting.items.help.${kind}`)}
                  </Text>
                  {editable ? (
                    <Button size="sm" onClick={() => onAdd(kind)}>
                      {t('reporting.item.add', { kind: t(`reporting.kinds.${kind}`) })}
                    </Button>
                  ) : null}
                </Group>
                {items.length === 0 ? (
                  <Text c="dimmed" size="sm" py="sm">
                    {t('reporting.items.none')}
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={880}>
                    <Table striped withTableBorder verticalSpacing="xs">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col" w={40}>
                            #
                          </Table.Th>
                          {columns.map((c) => (
                            <Table.Th scope="col" key={c.field}>
                              {c.field === 'status'
                                ? t('reporting.items.statusColumn')
                                : fieldLabel(kind, c.field)}
                            </Table.Th>
                          ))}
                          <Table.Th scope="col">{t('reporting.items.checks')}</Table.Th>
                          {editable ? (
                            <Table.Th scope="col">
                              <span className="kcp-nowrap">{t('common.actions')}</span>
                            </Table.Th>
                          ) : null}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {items.map((item) => {
                          const issues = itemIssues(report, item.id);
                          const number = report.items.findIndex((i) => i.id === item.id) + 1;
                          return (
                            <Table.Tr key={item.id} id={`report-item-${item.id}`}>
                              <Table.Td className="kcp-num">{number}</Table.Td>
                              {columns.map((c) => (
                                <Table.Td key={c.field}>{c.render(item)}</Table.Td>
                              ))}
                              <Table.Td>
                                {issues.length === 0 ? (
                                  <Text size="xs" c="dimmed">
                                    {t('reporting.items.ok')}
                                  </Text>
                                ) : (
                                  <Stack gap={2}>
                                    {issues.map(({ issue }, index) => (
                                      <Text
                                        key={index}
                                        size="xs"
                                        c={issue.severity === 'error' ? 'red.8' : 'orange.9'}
                                      >
                                        {issue.severity === 'error' ? '✕ ' : '⚠ '}
                                        {localize(issue.message)}
                                      </Text>
                                    ))}
                                  </Stack>
                                )}
                              </Table.Td>
                              {editable ? (
                                <Table.Td>
                                  <Group gap={4} wrap="nowrap">
                                    <Button
                                      size="compact-sm"
                                      variant="light"
                                      onClick={() => onEdit(item)}
                                      aria-label={t('reporting.items.editNamed', { title: item.title })}
                                    >
                                      {t('common.edit')}
                                    </Button>
                                    <Tooltip label={t('reporting.items.delete')}>
                                      <ActionIcon
                                        variant="subtle"
                                        color="red"
                                        onClick={() => setDeleting(item)}
                                        aria-label={t('reporting.items.deleteNamed', { title: item.title })}
                                      >
                                        <span aria-hidden="true">✕</span>
                                      </ActionIcon>
                                    </Tooltip>
                                  </Group>
                                </Table.Td>
                              ) : null}
                            </Table.Tr>
                          );
                        })}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
      {deleting ? (
        <DeleteItemModal report={report} item={deleting} onClose={() => setDeleting(null)} />
      ) : null}
    </>
  );
}

function DeleteItemModal({
  report,
  item,
  onClose,
}: {
  report: OutcomeReport;
  item: OutcomeItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { remove } = useItemMutations(report.id);
  const conflict = isApiError(remove.error) && remove.error.code === 'VERSION_CONFLICT';
  return (
    <Modal opened onClose={onClose} title={t('reporting.items.deleteTitle')}>
      <Stack gap="md">
        <Text>{t('reporting.items.deleteConfirm', { title: item.title })}</Text>
        {remove.error ? (
          <Alert color="red" variant="light" role="alert">
            {conflict ? t('reporting.item.conflictText') : message(remove.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={remove.isPending} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate({ itemId: item.id, version: item.version }, { onSuccess: onClose })}
          >
            {t('reporting.items.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
