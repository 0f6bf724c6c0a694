import { Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DownloadMenu } from '../../../components/DownloadMenu';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { LoadingState } from '../../../components/LoadingState';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import {
  reportingStatusDownloadUrls,
  useDeadlines,
  useReportingStatus,
  type ReportingStatusRow,
} from '../api/reports-api';
import { DeadlineModal } from './DeadlineModal';
import { OverdueBadge, ReportStatusBadge } from './ReportBadges';
import { StartReportModal } from './StartReportModal';

const ORDER: Record<ReportingStatusRow['status'], number> = {
  missing: 0,
  returned: 1,
  draft: 2,
  submitted: 3,
  accepted: 4,
};
const COLORS: Record<ReportingStatusRow['status'], string> = {
  accepted: 'green',
  submitted: 'blue',
  draft: 'gray.5',
  returned: 'orange',
  missing: 'gray.2',
};

interface Props {
  fy: number;
  onFyChange: (fy: number) => void;
}

/** Every cluster's report for one fiscal year — who has reported, who has not, and the deadline. */
export function ReportingStatusView({ fy, onFyChange }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const canManage = usePermission('report-deadline:manage');
  const canEdit = usePermission('outcome-report:edit');
  const status = useReportingStatus(fy);
  const deadlines = useDeadlines(canManage);
  const [editingDeadline, setEditingDeadline] = useState(false);
  const [starting, setStarting] = useState<string | null>(null);

  const rows = [...(status.data?.clusters ?? [])].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      ORDER[a.status] - ORDER[b.status] ||
      localize(a.cluster.name).localeCompare(localize(b.cluster.name)),
  );
  const counts = rows.reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
    {},
  );
  const overdue = rows.filter((r) => r.overdue).length;
  const total = rows.length;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-end" gap="md">
          <FiscalYearSelect
            label={t('reporting.filters.fiscalYear')}
            value={fy}
            onChange={(v) => v && onFyChange(v)}
            w={260}
          />
          {status.data && status.data.clusters.length > 0 ? (
            <DownloadMenu
              links={reportingStatusDownloadUrls(fy, f.locale)}
              what={t('reporting.statusView.downloadWhat', { fy: f.fy(fy) })}
            />
          ) : null}
          <Stack gap={2} align="flex-end">
            <Text size="sm">
              {t('reporting.statusView.deadline')}
              {t('common.colon')}
              <Text span fw={700}>
                {status.data?.dueOn ? f.date(status.data.dueOn) : t('reporting.statusView.noDeadline')}
              </Text>
            </Text>
            {canManage ? (
              <Button size="compact-sm" variant="light" onClick={() => setEditingDeadline(true)}>
                {status.data?.dueOn ? t('reporting.deadlines.change') : t('reporting.deadlines.set')}
              </Button>
            ) : null}
          </Stack>
        </Group>
      </Paper>

      {status.error ? <ErrorAlert error={status.error} onRetry={() => void status.refetch()} /> : null}
      {status.isPending ? <LoadingState /> : null}
      {status.data ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
            {(['accepted', 'submitted', 'draft', 'returned', 'missing'] as const).map((s) => (
              <Paper key={s} withBorder p="sm" radius="md">
                <Text size="xs" c="dimmed">
                  {s === 'missing' ? t('reporting.status.missing') : t(`reporting.statusView.counts.${s}`)}
                </Text>
                <Text fw={700} size="xl" className="kcp-num">
                  {counts[s] ?? 0}
                </Text>
              </Paper>
            ))}
            <Paper withBorder p="sm" radius="md" bg={overdue > 0 ? 'red.0' : undefined}>
              <Text size="xs" c={overdue > 0 ? 'red.9' : 'dimmed'}>
                {t('reporting.status.overdue')}
              </Text>
              <Text fw={700} size="xl" className="kcp-num" c={overdue > 0 ? 'red.9' : undefined}>
                {overdue}
              </Text>
            </Paper>
          </SimpleGrid>
          {total > 0 ? (
            // A plain div may not carry a name (axe: aria-prohibited-attr), so the bar is a named group;
            // each section is a progressbar and needs its own name (axe: aria-progressbar-name).
            <Progress.Root
              size="lg"
              role="group"
              aria-label={t('reporting.statusView.progressLabel', { accepted: counts.accepted ?? 0, total })}
            >
              {(['accepted', 'submitted', 'draft', 'returned', 'missing'] as const).map((s) =>
                counts[s] ? (
                  <Progress.Section
                    key={s}
                    value={(counts[s] / total) * 100}
                    color={COLORS[s]}
                    aria-label={`${s === 'missing' ? t('reporting.status.missing') : t(`reporting.statusView.counts.${s}`)}${t('common.colon')}${counts[s]}`}
                  />
                ) : null,
              )}
            </Progress.Root>
          ) : null}
          {rows.length === 0 ? (
            <Text c="dimmed">{t('reporting.statusView.noClusters')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped withTableBorder aria-busy={status.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reporting.filters.cluster')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.filters.status')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.list.submittedAt')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.statusView.report')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.cluster.id} bg={row.overdue ? 'red.0' : undefined}>
                      <Table.Td>
                        <Anchor component={Link} to={`/clusters/${row.cluster.key}`}>
                          {localize(row.cluster.name)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <ReportStatusBadge status={row.status} />
                          {row.overdue ? <OverdueBadge /> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td className="kcp-nowrap">
                        {row.submittedAt ? f.dateTime(row.submittedAt) : '—'}
                      </Table.Td>
                      <Table.Td>
                        {row.reportId !== null ? (
                          <Anchor component={Link} to={`/reports/${row.reportId}`}>
                            {row.status === 'submitted'
                              ? t('reporting.statusView.review')
                              : t('reporting.statusView.open')}
                          </Anchor>
                        ) : canEdit ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => setStarting(row.cluster.key)}
                          >
                            {t('reporting.start.button')}
                          </Button>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      ) : null}

      {editingDeadline ? (
        <DeadlineModal
          fiscalYear={fy}
          existing={deadlines.data?.items ?? []}
          onClose={() => setEditingDeadline(false)}
        />
      ) : null}
      {starting ? (
        <StartReportModal
          clusters={rows.map((r) => ({ key: r.cluster.key, label: localize(r.cluster.name) }))}
          initialCluster={starting}
          initialFy={fy}
          onClose={() => setStarting(null)}
        />
      ) : null}
    </Stack>
  );
}
