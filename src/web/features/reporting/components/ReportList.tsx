import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { REPORT_STATUSES, type ReportStatus } from '../../../../contracts/reports';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear, FiscalYearRange } from '../../../components/FiscalYear';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { LoadingState } from '../../../components/LoadingState';
import { Pagination } from '../../../components/Pagination';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';
import { useReports, type ReportListParams } from '../api/reports-api';
import { ReportStatusBadge } from './ReportBadges';
import type { ClusterChoice } from './StartReportModal';

const PAGE_SIZE = 50;

interface Props {
  clusters: readonly ClusterChoice[];
  /** Officers land on what waits for them: submitted reports, unless they pick another status. */
  reviewQueue: boolean;
}

function isStatus(value: string | null): value is ReportStatus {
  return value !== null && (REPORT_STATUSES as readonly string[]).includes(value);
}

/** Reports filtered by fiscal year, status and cluster; the filters live in the URL so a view can be shared. */
export function ReportList({ clusters, reviewQueue }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const codeLabel = useCodeLabel();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: ReportStatus | undefined = isStatus(statusParam)
    ? statusParam
    : statusParam === null && reviewQueue
      ? 'submitted'
      : undefined;
  const fy = Number(params.get('fy')) || undefined;
  const listParams: ReportListParams = {
    limit: PAGE_SIZE,
    offset: Number(params.get('offset')) || 0,
    fy,
    status,
    cluster: params.get('cluster') ?? undefined,
  };
  const reports = useReports(listParams);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    setParams(next, { replace: true });
  };

  const statusOptions = [
    { value: 'all', label: t('common.all') },
    ...REPORT_STATUSES.map((s) => ({ value: s, label: codeLabel('reportStatus', s) })),
  ];

  return (
    <Stack gap="md">
      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        role="search"
        aria-label={t('reporting.filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Group gap="md" align="flex-end">
          <FiscalYearSelect
            label={t('reporting.filters.fiscalYear')}
            value={fy ?? null}
            onChange={(v) => setParam('fy', v === null ? null : String(v))}
            clearable
            placeholder={t('common.all')}
            w={240}
          />
          <Select
            label={t('reporting.filters.status')}
            data={statusOptions}
            value={status ?? 'all'}
            onChange={(v) => setParam('status', v ?? 'all')}
            allowDeselect={false}
            w={180}
          />
          {clusters.length > 1 ? (
            <Select
              label={t('reporting.filters.cluster')}
              data={clusters.map((c) => ({ value: c.key, label: c.label }))}
              value={listParams.cluster ?? null}
              onChange={(v) => setParam('cluster', v)}
              placeholder={t('common.all')}
              searchable
              clearable
              w={300}
            />
          ) : null}
        </Group>
      </Paper>

      {reports.error ? <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} /> : null}
      {reports.isPending ? <LoadingState /> : null}
      {reports.data ? (
        <Stack gap="xs">
          {reports.data.items.length === 0 ? (
            <Text c="dimmed" py="lg">
              {reviewQueue && status === 'submitted'
                ? t('reporting.list.queueEmpty')
                : t('reporting.list.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover withTableBorder aria-busy={reports.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reporting.filters.cluster')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.filters.fiscalYear')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.filters.status')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.list.version')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.list.submittedAt')}</Table.Th>
                    <Table.Th scope="col">{t('reporting.list.updatedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reports.data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/reports/${r.id}`} fw={700}>
                          {localize(r.cluster.name)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {r.fyFrom === r.fyTo ? (
                          <FiscalYear fy={r.fyFrom} />
                        ) : (
                          <FiscalYearRange from={r.fyFrom} to={r.fyTo} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ReportStatusBadge status={r.status} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <span className="kcp-nowrap">
                            {t('reporting.header.versionN', { n: r.reportVersion })}
                          </span>
                          {r.supersededById !== null ? (
                            <Badge size="xs" color="gray" variant="outline" style={{ textTransform: 'none' }}>
                              {t('reporting.list.superseded')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td className="kcp-nowrap">
                        {r.submittedAt ? f.dateTime(r.submittedAt) : '—'}
                      </Table.Td>
                      <Table.Td className="kcp-nowrap">{f.dateTime(r.updatedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {reports.data.total > 0 ? (
            <Pagination
              total={reports.data.total}
              limit={reports.data.limit}
              offset={reports.data.offset}
              onChange={(offset) => setParam('offset', offset ? String(offset) : null)}
            />
          ) : null}
        </Stack>
      ) : null}
      {reviewQueue && status === 'submitted' ? (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setParam('status', 'all')}>
            {t('reporting.list.showAll')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
