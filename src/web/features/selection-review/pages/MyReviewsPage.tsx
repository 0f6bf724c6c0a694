import { Alert, Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useMyAssignments, useReminders } from '../api/selection-review-api';
import { ProfileCard } from '../components/ProfileCard';

const STATUS_COLOR = { to_declare: 'orange', to_review: 'blue', draft: 'blue', submitted: 'green' } as const;

/** /reviews — the reviewer's assignments with due dates; reminders of pending and overdue work. */
export function MyReviewsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const list = useMyAssignments();
  const reminders = useReminders();
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const r = reminders.data;
  return (
    <>
      <PageTitle title={t('selectionReview.mine.title')} />
      <Stack gap="md">
        {r && r.pending.length > 0 ? (
          <Alert color={r.overdue > 0 ? 'red' : 'blue'} title={t('selectionReview.mine.reminder')}>
            {t('selectionReview.mine.pending', { n: r.pending.length })}{' '}
            {r.nextDue ? t('selectionReview.mine.nextDue', { date: f.date(r.nextDue) }) : null}{' '}
            {r.overdue > 0 ? t('selectionReview.mine.overdue', { n: r.overdue }) : null}
          </Alert>
        ) : null}
        {list.data.assignments.length === 0 ? (
          <Alert color="gray">{t('selectionReview.mine.empty')}</Alert>
        ) : (
          <Table withTableBorder highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selectionReview.matrix.proposal')}</Table.Th>
                <Table.Th>{t('selectionReview.mine.call')}</Table.Th>
                <Table.Th>{t('selectionReview.mine.due')}</Table.Th>
                <Table.Th>{t('selectionReview.conflicts.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.assignments.map((a) => (
                <Table.Tr key={a.id} bg={a.overdue ? 'var(--mantine-color-red-light)' : undefined}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reviews/${a.id}`}>
                      {localize(a.proposal.title)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {localize(a.proposal.region)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{localize(a.call.title)}</Table.Td>
                  <Table.Td>
                    {f.date(a.due)}{' '}
                    {a.overdue ? <Badge color="red">{t('selectionReview.mine.overdueBadge')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[a.status]}>
                      {t(`selectionReview.mine.status.${a.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <ProfileCard />
      </Stack>
    </>
  );
}
