import { Anchor, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { Pagination } from '../../../components/Pagination';
import { formatCount, useFormatters } from '../../../lib/format';
import { useImportJobs } from '../api/imports-api';
import { ImportStatusBadge } from './StatusBadge';

const PAGE_SIZE = 20;

/** Recent imports, newest first (your own; officers see everyone's). */
export function JobList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const [offset, setOffset] = useState(0);
  const jobs = useImportJobs(offset, PAGE_SIZE);
  if (jobs.error) return <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />;
  if (jobs.isPending) return <LoadingState />;
  if (jobs.data.items.length === 0) return <Text c="dimmed">{t('imports.list.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.list.file')}</Table.Th>
              <Table.Th>{t('imports.list.kind')}</Table.Th>
              <Table.Th>{t('imports.list.status')}</Table.Th>
              <Table.Th ta="right">{t('imports.list.rows')}</Table.Th>
              <Table.Th ta="right">{t('imports.list.errors')}</Table.Th>
              <Table.Th>{t('imports.list.by')}</Table.Th>
              <Table.Th>{t('imports.list.at')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.data.items.map((job) => (
              <Table.Tr key={job.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/imports/${job.id}`}>
                    {job.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`imports.kinds.${job.kind}`)}</Table.Td>
                <Table.Td>
                  <ImportStatusBadge status={job.status} />
                </Table.Td>
                <Table.Td ta="right">{job.totalRows === null ? '—' : formatCount(job.totalRows)}</Table.Td>
                <Table.Td ta="right">{formatCount(job.errorCount)}</Table.Td>
                <Table.Td>{job.createdBy ?? t('imports.list.system')}</Table.Td>
                <Table.Td>{f.dateTime(job.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pagination total={jobs.data.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
    </>
  );
}
