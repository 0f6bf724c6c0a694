import { Alert, Anchor, Badge, Button, Modal, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { RoundStatusBadge } from '../../../components/RoundStatusBadge';
import { useFormatters, useLocalize } from '../../../lib/format';
import { roundPath } from '../../../lib/rounds';
import { usePermission } from '../../../lib/session';
import { useRounds } from '../api/rounds-api';
import { NewRoundForm } from '../components/NewRoundForm';
import { scrollRegion } from '../../../lib/scroll-region';

/**
 * /rounds — the evaluation rounds the reader takes part in (officers see all, drafts included),
 * newest fiscal year first, and "new round" for officers.
 */
export function RoundsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const navigate = useNavigate();
  const canManage = usePermission('round:manage');
  const rounds = useRounds();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageTitle
        title={t('evaluationRounds.list.title')}
        subtitle={t('evaluationRounds.list.subtitle')}
        actions={canManage ? <Button onClick={open}>{t('evaluationRounds.list.new')}</Button> : null}
      />
      <Modal opened={opened} onClose={close} title={t('evaluationRounds.form.title')} size="90%">
        <NewRoundForm
          onCreated={(round) => {
            close();
            void navigate(roundPath(round.key));
          }}
        />
      </Modal>
      {rounds.isPending ? (
        <LoadingState />
      ) : rounds.isError ? (
        <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : rounds.data.items.length === 0 ? (
        <Alert color="gray">{t('evaluationRounds.list.empty')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={820} scrollAreaProps={scrollRegion()}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluationRounds.list.round')}</Table.Th>
                <Table.Th>{t('evaluationRounds.list.kind')}</Table.Th>
                <Table.Th>{t('evaluationRounds.list.fy')}</Table.Th>
                <Table.Th>{t('evaluationRounds.list.status')}</Table.Th>
                <Table.Th ta="right">{t('evaluationRounds.list.clusters')}</Table.Th>
                <Table.Th>{t('evaluationRounds.list.announceOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rounds.data.items.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    <Anchor component={Link} to={roundPath(r.key)}>
                      {localize(r.title)}
                    </Anchor>{' '}
                    {r.isDemo ? <Badge color="grape">{t('roundTabs.demo')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>{t(`roundKind.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    <FiscalYear fy={r.fiscalYear} withAlternate={false} />
                  </Table.Td>
                  <Table.Td>
                    <RoundStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td ta="right">{f.count(r.clusterCount)}</Table.Td>
                  <Table.Td>{r.announceOn ? f.date(r.announceOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
