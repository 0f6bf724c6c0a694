import { Alert, Anchor, Badge, Button, Modal, Stack, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useCalls } from '../api/calls-api';
import { CallStatusBadge } from '../components/CallBadges';
import { NewCallForm } from '../components/NewCallForm';

/** /calls — the officer's calls with their status, deadlines and proposals, and "new call". */
export function CallsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const navigate = useNavigate();
  const calls = useCalls();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageTitle
        title={t('selectionCalls.list.title')}
        actions={<Button onClick={open}>{t('selectionCalls.list.new')}</Button>}
      />
      <Modal opened={opened} onClose={close} title={t('selectionCalls.form.title')} size="90%">
        <NewCallForm
          onCreated={(call) => {
            close();
            void navigate(`/calls/${encodeURIComponent(call.key)}`);
          }}
        />
      </Modal>
      {calls.isPending ? (
        <LoadingState />
      ) : calls.isError ? (
        <ErrorAlert error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <Alert color="gray">{t('selectionCalls.list.empty')}</Alert>
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('selectionCalls.list.call')}</Table.Th>
                  <Table.Th>{t('selectionCalls.list.fy')}</Table.Th>
                  <Table.Th>{t('selectionCalls.list.status')}</Table.Th>
                  <Table.Th>{t('selectionCalls.list.submission')}</Table.Th>
                  <Table.Th>{t('selectionCalls.list.review')}</Table.Th>
                  <Table.Th>{t('selectionCalls.list.decision')}</Table.Th>
                  <Table.Th ta="right">{t('selectionCalls.list.proposals')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calls.data.items.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Td>
                      <Anchor component={Link} to={`/calls/${encodeURIComponent(c.key)}`}>
                        {localize(c.title)}
                      </Anchor>{' '}
                      {c.stage === 2 ? <Badge variant="outline">{t('selectionCalls.stage2')}</Badge> : null}
                      {c.isDemo ? <Badge color="grape">{t('selectionCalls.demo')}</Badge> : null}
                    </Table.Td>
                    <Table.Td>
                      <FiscalYear fy={c.fiscalYear} withAlternate={false} />
                    </Table.Td>
                    <Table.Td>
                      <CallStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{f.dateTime(c.submissionDeadline)}</Table.Td>
                    <Table.Td>{f.date(c.reviewDeadline)}</Table.Td>
                    <Table.Td>{f.date(c.decisionDeadline)}</Table.Td>
                    <Table.Td ta="right">
                      {c.proposalCounts
                        ? t('selectionCalls.list.counts', {
                            submitted: c.proposalCounts.submitted,
                            draft: c.proposalCounts.draft,
                          })
                        : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </>
  );
}
