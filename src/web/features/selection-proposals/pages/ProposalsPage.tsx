import {
  Alert,
  Anchor,
  Button,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CallSummary } from '../../../../contracts/selection-calls';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useReference } from '../../../lib/reference';
import { useCreateProposal, useMyProposals, useOpenCalls } from '../api/proposals-api';
import { Countdown, ProposalStatusBadge } from '../components/ProposalBadges';

function StartProposalModal({ call, onClose }: { call: CallSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const reference = useReference();
  const create = useCreateProposal();
  const [titleJa, setTitleJa] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [regionJa, setRegionJa] = useState('');
  const [regionEn, setRegionEn] = useState('');
  const [keyField, setKeyField] = useState<string | null>(null);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('selectionProposals.start.title', { call: localize(call.title) })}
      size="lg"
    >
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('selectionProposals.fields.titleJa')}
            value={titleJa}
            onChange={(e) => setTitleJa(e.currentTarget.value)}
          />
          <TextInput
            label={t('selectionProposals.fields.titleEn')}
            value={titleEn}
            onChange={(e) => setTitleEn(e.currentTarget.value)}
          />
          <TextInput
            label={t('selectionProposals.fields.regionJa')}
            value={regionJa}
            onChange={(e) => setRegionJa(e.currentTarget.value)}
          />
          <TextInput
            label={t('selectionProposals.fields.regionEn')}
            value={regionEn}
            onChange={(e) => setRegionEn(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Select
          label={t('selectionProposals.fields.keyField')}
          value={keyField}
          onChange={setKeyField}
          data={(reference.data?.keyFields ?? []).map((k) => ({ value: k.key, label: localize(k.name) }))}
          required
        />
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <Button
          disabled={!keyField || (titleJa === '' && titleEn === '') || (regionJa === '' && regionEn === '')}
          loading={create.isPending}
          onClick={() =>
            keyField &&
            create.mutate(
              {
                callKey: call.key,
                body: {
                  title: { ja: titleJa, en: titleEn },
                  region: { ja: regionJa, en: regionEn },
                  keyField,
                },
              },
              { onSuccess: (p) => void navigate(`/proposals/${p.id}`) },
            )
          }
        >
          {t('selectionProposals.start.create')}
        </Button>
      </Stack>
    </Modal>
  );
}

/** /proposals — the proposer's own proposals and the calls open to propose to. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const mine = useMyProposals();
  const calls = useOpenCalls();
  const [starting, setStarting] = useState<CallSummary | null>(null);
  return (
    <>
      <PageTitle title={t('selectionProposals.list.title')} />
      {starting ? <StartProposalModal call={starting} onClose={() => setStarting(null)} /> : null}
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('selectionProposals.list.mine')}
          </Title>
          {mine.isPending ? (
            <LoadingState />
          ) : mine.isError ? (
            <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
          ) : mine.data.items.length === 0 ? (
            <Alert color="gray">{t('selectionProposals.list.none')}</Alert>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('selectionProposals.list.proposal')}</Table.Th>
                    <Table.Th>{t('selectionProposals.list.call')}</Table.Th>
                    <Table.Th>{t('selectionProposals.list.status')}</Table.Th>
                    <Table.Th>{t('selectionProposals.list.submittedAt')}</Table.Th>
                    <Table.Th ta="right">{t('selectionProposals.list.requested')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {mine.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/proposals/${p.id}`}>
                          {localize(p.title) || t('selectionProposals.editor.untitled')}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {localize(p.region)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {localize(p.call.title)} (<FiscalYear fy={p.call.fiscalYear} withAlternate={false} />)
                      </Table.Td>
                      <Table.Td>
                        <ProposalStatusBadge status={p.status} reopened={p.reopenedAt !== null} />
                      </Table.Td>
                      <Table.Td>{p.submittedAt ? f.dateTime(p.submittedAt) : '—'}</Table.Td>
                      <Table.Td ta="right">
                        <YenAmount yen={p.requestedYen} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('selectionProposals.list.openCalls')}
          </Title>
          {calls.isPending ? (
            <LoadingState />
          ) : calls.isError ? (
            <ErrorAlert error={calls.error} onRetry={() => void calls.refetch()} />
          ) : calls.data.items.length === 0 ? (
            <Alert color="gray">{t('selectionProposals.list.noOpenCalls')}</Alert>
          ) : (
            <Table>
              <Table.Tbody>
                {calls.data.items.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Td>
                      {localize(c.title)} (<FiscalYear fy={c.fiscalYear} withAlternate={false} />)
                    </Table.Td>
                    <Table.Td>
                      {f.dateTime(c.closesAt)} <Countdown until={c.closesAt} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        disabled={Date.now() > Date.parse(c.closesAt)}
                        onClick={() => setStarting(c)}
                      >
                        {t('selectionProposals.list.propose')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Stack>
    </>
  );
}
