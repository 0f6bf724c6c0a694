import { Alert, Anchor, Badge, Button, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProposalSummary } from '../../../../contracts/selection-proposals';
import { CallTabs } from '../../../components/CallTabs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useCall, useCallProposals, useReopenProposal } from '../api/calls-api';

const STATUS_COLOR = { draft: 'gray', submitted: 'green', withdrawn: 'dark' } as const;

function ReopenModal({
  callKey,
  proposal,
  onClose,
}: {
  callKey: string;
  proposal: ProposalSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const reopen = useReopenProposal(callKey);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('selectionCalls.proposals.reopenTitle')}>
      <Stack>
        <Text size="sm">{t('selectionCalls.proposals.reopenExplain')}</Text>
        <Textarea
          label={t('selectionCalls.proposals.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={3}
        />
        {reopen.isError ? <ErrorAlert error={reopen.error} /> : null}
        <Button
          disabled={reason.trim() === ''}
          loading={reopen.isPending}
          onClick={() =>
            reopen.mutate({ id: proposal.id, version: proposal.version, reason }, { onSuccess: onClose })
          }
        >
          {t('selectionCalls.proposals.reopen')}
        </Button>
      </Stack>
    </Modal>
  );
}

/** /calls/:key/proposals — every proposal of the call for officers, with reopening. */
export function CallProposalsPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const call = useCall(key);
  const proposals = useCallProposals(key);
  const [reopening, setReopening] = useState<ProposalSummary | null>(null);
  const open = call.data && ['open', 'review'].includes(call.data.status);
  const late = call.data ? Date.now() > Date.parse(call.data.closesAt) : false;
  return (
    <>
      <PageTitle
        title={call.data ? localize(call.data.title) : t('selectionCalls.proposals.title')}
        subtitle={t('selectionCalls.proposals.title')}
      />
      <CallTabs callKey={key} />
      {reopening ? (
        <ReopenModal callKey={key} proposal={reopening} onClose={() => setReopening(null)} />
      ) : null}
      {proposals.isPending ? (
        <LoadingState />
      ) : proposals.isError ? (
        <ErrorAlert error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : proposals.data.items.length === 0 ? (
        <Alert color="gray">{t('selectionCalls.proposals.empty')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selectionCalls.proposals.proposal')}</Table.Th>
                <Table.Th>{t('selectionCalls.proposals.region')}</Table.Th>
                <Table.Th>{t('selectionCalls.proposals.keyField')}</Table.Th>
                <Table.Th>{t('selectionCalls.proposals.status')}</Table.Th>
                <Table.Th>{t('selectionCalls.proposals.submittedAt')}</Table.Th>
                <Table.Th ta="right">{t('selectionCalls.proposals.requested')}</Table.Th>
                <Table.Th>{t('selectionCalls.proposals.attachments')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposals.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/proposals/${p.id}`}>
                      {localize(p.title)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {localize(p.proposerOrganization.name)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{localize(p.region)}</Table.Td>
                  <Table.Td>{t(`codes.keyField.${p.keyField}`, p.keyField)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[p.status]} variant="light">
                      {t(`selectionCalls.proposalStatus.${p.status}`)}
                    </Badge>
                    {p.reopenedAt ? (
                      <Badge ml={4} color="orange" variant="outline">
                        {t('selectionCalls.proposals.reopened')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{p.submittedAt ? f.dateTime(p.submittedAt) : '—'}</Table.Td>
                  <Table.Td ta="right">
                    <YenAmount yen={p.requestedYen} />
                  </Table.Td>
                  <Table.Td>
                    {t('selectionCalls.proposals.attachmentCount', { count: p.attachmentCount })}
                    {p.missingDocuments.length > 0 ? (
                      <Text size="xs" c="red">
                        {t('selectionCalls.proposals.missing', { keys: p.missingDocuments.join(', ') })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {open && (p.status === 'submitted' || (p.status === 'draft' && late && !p.reopenedAt)) ? (
                      <Button size="xs" variant="light" onClick={() => setReopening(p)}>
                        {t('selectionCalls.proposals.reopen')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
