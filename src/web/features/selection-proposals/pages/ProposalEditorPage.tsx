import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BudgetPlanYear, Participant, ProposalTarget } from '../../../../contracts/selection-common';
import { PARTICIPANT_KINDS } from '../../../../contracts/selection-common';
import type { ProposalDetail } from '../../../../contracts/selection-proposals';
import { OrganizationSelect } from '../../../components/EntitySelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { NotFoundPage } from '../../../components/StatusPage';
import { YenAmount } from '../../../components/YenAmount';
import { isApiError } from '../../../lib/api-client';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useReference } from '../../../lib/reference';
import { useProposal, useProposalAction, useUpdateProposal } from '../api/proposals-api';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { BudgetPlanTable, planFor } from '../components/BudgetPlanTable';
import { Countdown, ProposalStatusBadge } from '../components/ProposalBadges';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

interface Draft {
  titleJa: string;
  titleEn: string;
  regionJa: string;
  regionEn: string;
  prefectures: string[];
  keyField: string;
  coreOrganizationId: number | null;
  headquartersPlan: string;
  participants: Participant[];
  narratives: Record<string, string>;
  budgetPlan: BudgetPlanYear[];
  targets: ProposalTarget[];
}

function draftOf(p: ProposalDetail): Draft {
  return {
    titleJa: p.title.ja,
    titleEn: p.title.en,
    regionJa: p.region.ja,
    regionEn: p.region.en,
    prefectures: p.prefectures,
    keyField: p.keyField,
    coreOrganizationId: p.coreOrganization?.id ?? null,
    headquartersPlan: p.headquartersPlan ?? '',
    participants: p.participants,
    narratives: p.narratives,
    budgetPlan: planFor(p.call.fiscalYear, p.budgetPlan),
    targets: p.targets,
  };
}

/** The proposal editor's body: every section, save, submit and withdraw. Composable by routes. */
export function ProposalEditor({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const reference = useReference();
  const update = useUpdateProposal(proposal.id);
  const submit = useProposalAction(proposal.id, 'submit');
  const withdraw = useProposalAction(proposal.id, 'withdraw');
  const [d, setD] = useState<Draft>(() => draftOf(proposal));
  const [dirty, setDirty] = useState(false);
  // Start again from the server's copy when it changes (save, submit, withdraw, reopen), not when only
  // its attachments do: an upload refetches the proposal and must not throw away unsaved edits.
  useEffect(() => {
    setD(draftOf(proposal));
    setDirty(false);
  }, [proposal.id, proposal.version]);
  const set = (patch: Partial<Draft>) => {
    setD((old) => ({ ...old, ...patch }));
    setDirty(true);
  };
  const disabled = !proposal.canEdit;
  const err = (field: string) => {
    for (const m of [update, submit])
      if (isApiError(m.error)) {
        const msg = m.error.fieldError(`body.${field}`) ?? m.error.fieldError(field);
        if (msg) return msg;
      }
    return undefined;
  };
  const save = () =>
    update.mutateAsync({
      version: proposal.version,
      title: { ja: d.titleJa, en: d.titleEn },
      region: { ja: d.regionJa, en: d.regionEn },
      prefectures: d.prefectures,
      keyField: d.keyField,
      coreOrganizationId: d.coreOrganizationId,
      headquartersPlan: d.headquartersPlan,
      participants: d.participants,
      narratives: Object.fromEntries(Object.entries(d.narratives).filter(([, v]) => v.trim() !== '')),
      budgetPlan: d.budgetPlan.some((y) => y.subsidyYen + y.localYen + y.otherYen > 0) ? d.budgetPlan : [],
      targets: d.targets,
    });
  const years = d.budgetPlan.map((y) => y.fiscalYear);
  const requested = d.budgetPlan.reduce((m, y) => Math.max(m, y.subsidyYen), 0);

  return (
    <Stack gap="md" className={disabled ? 'kcp-read-only' : undefined}>
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm">
              {t('selectionProposals.editor.call')}: <strong>{localize(proposal.call.title)}</strong> (
              <FiscalYear fy={proposal.call.fiscalYear} withAlternate={false} />)
            </Text>
            <Text size="sm">
              {t('selectionProposals.editor.deadline')}: {f.dateTime(proposal.call.closesAt)}{' '}
              {proposal.status === 'draft' ? <Countdown until={proposal.call.closesAt} /> : null}
            </Text>
            {proposal.submittedAt ? (
              <Text size="sm">
                {t('selectionProposals.editor.submittedAt')}: {f.dateTime(proposal.submittedAt)}
              </Text>
            ) : null}
            {proposal.reopenReason ? (
              <Text size="sm" c="orange">
                {t('selectionProposals.editor.reopenReason', { reason: proposal.reopenReason })}
              </Text>
            ) : null}
          </Stack>
          <Group>
            {proposal.canEdit ? (
              <Button
                variant="light"
                onClick={() => void save()}
                loading={update.isPending}
                disabled={!dirty}
              >
                {t('selectionProposals.editor.save')}
              </Button>
            ) : null}
            {proposal.canSubmit ? (
              <Button
                loading={submit.isPending || update.isPending}
                onClick={() => {
                  if (!window.confirm(t('selectionProposals.editor.submitConfirm'))) return;
                  if (dirty) void save().then((saved) => submit.mutate(saved.version));
                  else submit.mutate(proposal.version);
                }}
              >
                {t('selectionProposals.editor.submit')}
              </Button>
            ) : null}
            {proposal.canWithdraw ? (
              <Button
                color="red"
                variant="outline"
                loading={withdraw.isPending}
                onClick={() => {
                  if (window.confirm(t('selectionProposals.editor.withdrawConfirm')))
                    withdraw.mutate(proposal.version);
                }}
              >
                {t('selectionProposals.editor.withdraw')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {proposal.status === 'draft' && !proposal.canEdit ? (
          <Alert color="red" mt="sm">
            {t('selectionProposals.editor.locked')}
          </Alert>
        ) : null}
        {proposal.missingDocuments.length > 0 && proposal.status === 'draft' ? (
          <Text size="sm" c="red" mt="xs">
            {t('selectionProposals.editor.missingDocuments', { count: proposal.missingDocuments.length })}
          </Text>
        ) : null}
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        {submit.isError ? <ErrorAlert error={submit.error} /> : null}
        {submit.isError && isApiError(submit.error) && submit.error.fieldErrors.length > 0 ? (
          <List size="sm" c="red">
            {submit.error.fieldErrors.map((e) => (
              <List.Item key={e.field}>
                {e.field}: {e.message}
              </List.Item>
            ))}
          </List>
        ) : null}
        {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
      </Paper>

      <Section title={t('selectionProposals.sections.region')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('selectionProposals.fields.titleJa')}
            value={d.titleJa}
            disabled={disabled}
            onChange={(e) => set({ titleJa: e.currentTarget.value })}
            error={err('title')}
          />
          <TextInput
            label={t('selectionProposals.fields.titleEn')}
            value={d.titleEn}
            disabled={disabled}
            onChange={(e) => set({ titleEn: e.currentTarget.value })}
          />
          <TextInput
            label={t('selectionProposals.fields.regionJa')}
            value={d.regionJa}
            disabled={disabled}
            onChange={(e) => set({ regionJa: e.currentTarget.value })}
            error={err('region')}
          />
          <TextInput
            label={t('selectionProposals.fields.regionEn')}
            value={d.regionEn}
            disabled={disabled}
            onChange={(e) => set({ regionEn: e.currentTarget.value })}
          />
          <MultiSelect
            label={t('selectionProposals.fields.prefectures')}
            value={d.prefectures}
            disabled={disabled}
            searchable
            error={err('prefectures')}
            data={(reference.data?.prefectures ?? []).map((p) => ({
              value: p.code,
              label: localize(p.name),
            }))}
            onChange={(prefectures) => set({ prefectures })}
          />
          <Select
            label={t('selectionProposals.fields.keyField')}
            value={d.keyField}
            disabled={disabled}
            error={err('keyField')}
            data={(reference.data?.keyFields ?? []).map((k) => ({ value: k.key, label: localize(k.name) }))}
            onChange={(v) => v && set({ keyField: v })}
          />
        </SimpleGrid>
      </Section>

      <Section title={t('selectionProposals.sections.organizations')}>
        <Stack gap="sm">
          <OrganizationSelect
            label={t('selectionProposals.fields.coreOrganization')}
            value={d.coreOrganizationId}
            selected={proposal.coreOrganization}
            disabled={disabled}
            error={err('coreOrganizationId')}
            onChange={(id) => set({ coreOrganizationId: id })}
          />
          <Textarea
            label={t('selectionProposals.fields.headquartersPlan')}
            value={d.headquartersPlan}
            disabled={disabled}
            autosize
            minRows={3}
            error={err('headquartersPlan')}
            onChange={(e) => set({ headquartersPlan: e.currentTarget.value })}
          />
          <Text fw={600}>{t('selectionProposals.fields.participants')}</Text>
          {d.participants.map((p, i) => {
            const change = (patch: Partial<Participant>) =>
              set({ participants: d.participants.map((x, n) => (n === i ? { ...x, ...patch } : x)) });
            return (
              <Group key={i} align="end" wrap="nowrap">
                <Select
                  label={t('selectionProposals.fields.kind')}
                  value={p.kind}
                  disabled={disabled}
                  w={200}
                  data={PARTICIPANT_KINDS.map((k) => ({
                    value: k,
                    label: t(`selectionProposals.kinds.${k}`),
                  }))}
                  onChange={(v) => v && change({ kind: v })}
                />
                <TextInput
                  label={t('selectionProposals.fields.nameJa')}
                  value={p.name.ja}
                  disabled={disabled}
                  style={{ flex: 1 }}
                  onChange={(e) => change({ name: { ...p.name, ja: e.currentTarget.value } })}
                />
                <TextInput
                  label={t('selectionProposals.fields.nameEn')}
                  value={p.name.en}
                  disabled={disabled}
                  style={{ flex: 1 }}
                  onChange={(e) => change({ name: { ...p.name, en: e.currentTarget.value } })}
                />
                {!disabled ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    aria-label={t('selectionProposals.fields.removeParticipant')}
                    onClick={() => set({ participants: d.participants.filter((_, n) => n !== i) })}
                  >
                    ×
                  </ActionIcon>
                ) : null}
              </Group>
            );
          })}
          {!disabled ? (
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  set({
                    participants: [
                      ...d.participants,
                      { organizationId: null, kind: 'university', name: { ja: '', en: '' } },
                    ],
                  })
                }
              >
                {t('selectionProposals.fields.addParticipant')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Section>

      <Section title={t('selectionProposals.sections.narratives')}>
        <Stack gap="md">
          {proposal.call.criteria.map((g) => (
            <Stack key={g.key} gap={4}>
              <Text fw={600}>{localize(g.label)}</Text>
              <List size="sm" c="dimmed">
                {g.items.map((i) => (
                  <List.Item key={i.key}>{localize(i.label)}</List.Item>
                ))}
              </List>
              <Textarea
                aria-label={localize(g.label)}
                value={d.narratives[g.key] ?? ''}
                disabled={disabled}
                autosize
                minRows={4}
                error={err(`narratives.${g.key}`)}
                onChange={(e) => set({ narratives: { ...d.narratives, [g.key]: e.currentTarget.value } })}
              />
            </Stack>
          ))}
        </Stack>
      </Section>

      <Section title={t('selectionProposals.sections.budget')}>
        <BudgetPlanTable
          value={d.budgetPlan}
          disabled={disabled}
          onChange={(budgetPlan) => set({ budgetPlan })}
        />
        <Text size="sm" mt="xs">
          {t('selectionProposals.budget.requested')}: <YenAmount yen={requested} />
        </Text>
        {err('budgetPlan') ? (
          <Text c="red" size="sm">
            {err('budgetPlan')}
          </Text>
        ) : null}
      </Section>

      <Section title={t('selectionProposals.sections.targets')}>
        <Stack gap="xs">
          {d.targets.map((target, i) => {
            const change = (patch: Partial<ProposalTarget>) =>
              set({ targets: d.targets.map((x, n) => (n === i ? { ...x, ...patch } : x)) });
            return (
              <Group key={i} align="end" wrap="nowrap">
                <Select
                  label={t('selectionProposals.fields.indicator')}
                  value={target.indicatorKey}
                  disabled={disabled}
                  style={{ flex: 1 }}
                  data={(reference.data?.indicators ?? []).map((x) => ({
                    value: x.key,
                    label: localize(x.label),
                  }))}
                  onChange={(v) => v && change({ indicatorKey: v })}
                />
                <Select
                  label={t('selectionProposals.budget.fy')}
                  value={String(target.fiscalYear)}
                  disabled={disabled}
                  w={140}
                  data={years.map((y) => ({ value: String(y), label: f.fy(y) }))}
                  onChange={(v) => v && change({ fiscalYear: Number(v) })}
                />
                <NumberInput
                  label={t('selectionProposals.fields.target')}
                  value={target.target}
                  min={0}
                  disabled={disabled}
                  w={160}
                  onChange={(v) => change({ target: typeof v === 'number' ? v : 0 })}
                />
                {!disabled ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    aria-label={t('selectionProposals.fields.removeTarget')}
                    onClick={() => set({ targets: d.targets.filter((_, n) => n !== i) })}
                  >
                    ×
                  </ActionIcon>
                ) : null}
              </Group>
            );
          })}
          {!disabled ? (
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  set({
                    targets: [
                      ...d.targets,
                      {
                        indicatorKey: reference.data?.indicators[0]?.key ?? 'patents_domestic_applied',
                        fiscalYear: years[years.length - 1] ?? proposal.call.fiscalYear,
                        target: 0,
                      },
                    ],
                  })
                }
              >
                {t('selectionProposals.fields.addTarget')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Section>

      <Section title={t('selectionProposals.sections.attachments')}>
        <AttachmentsPanel proposal={proposal} />
      </Section>
    </Stack>
  );
}

/** /proposals/:id — the proposer's editor (officers read it too). */
export function ProposalEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const localize = useLocalize();
  const proposalId = Number(id);
  const query = useProposal(Number.isSafeInteger(proposalId) ? proposalId : 0);
  if (!Number.isSafeInteger(proposalId) || proposalId <= 0) return <NotFoundPage />;
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  return (
    <>
      <PageTitle
        title={localize(p.title) || t('selectionProposals.editor.untitled')}
        subtitle={localize(p.proposerOrganization.name)}
      >
        <ProposalStatusBadge status={p.status} reopened={p.reopenedAt !== null} />
      </PageTitle>
      <Stack gap="md">
        {p.call.status === 'published' ? (
          <Anchor component={Link} to={`/proposals/${p.id}/result`}>
            {t('selectionProposals.editor.result')}
          </Anchor>
        ) : null}
        <ProposalEditor proposal={p} />
      </Stack>
    </>
  );
}
