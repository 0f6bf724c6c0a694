import { Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMetiFundBody, type ProjectDetail } from '../../../../contracts/industrial-cluster';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useCreateMetiFund, useSeedChoices } from '../api/industrial-cluster-api';
import {
  checkBody,
  type FieldErrorOf,
  FormActions,
  FormProblem,
  numberOrNull,
  requiredErrors,
  useFormErrors,
} from './form-kit';
import { seedTitle } from './seed-title';

export interface MetiFundDraft {
  fiscalYear: number | null;
  amountYen: number | null;
  purposeJa: string;
  purposeEn: string;
  cluster: string | null;
  seedId: number | null;
  researcherName: string;
}

export const emptyMetiFundDraft: MetiFundDraft = {
  fiscalYear: null,
  amountYen: null,
  purposeJa: '',
  purposeEn: '',
  cluster: null,
  seedId: null,
  researcherName: '',
};

export const METI_FUND_FIELDS = [
  'body.fiscalYear',
  'body.amountYen',
  'body.purpose',
  'body.cluster',
  'body.seedId',
  'body.researcherName',
] as const;

export function metiFundDraftErrors(draft: MetiFundDraft): FieldErrorMap {
  return requiredErrors({
    'body.fiscalYear': draft.fiscalYear === null,
    'body.amountYen': draft.amountYen === null,
  });
}

export function metiFundInput(draft: MetiFundDraft) {
  return {
    fiscalYear: draft.fiscalYear,
    amountYen: draft.amountYen,
    purpose: { ja: draft.purposeJa, en: draft.purposeEn },
    cluster: draft.cluster,
    seedId: draft.seedId,
    researcherName: draft.researcherName,
  };
}

interface MetiFundFieldsProps {
  project: ProjectDetail;
  draft: MetiFundDraft;
  onChange: (draft: MetiFundDraft) => void;
  fieldError: FieldErrorOf;
  seedChoices: { value: string; label: string }[];
}

/** Fiscal year, amount in yen, purpose (ja/en), and optionally the linked cluster, the seed and the researcher. */
export function MetiFundFields({ project, draft, onChange, fieldError, seedChoices }: MetiFundFieldsProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const set = <K extends keyof MetiFundDraft>(k: K, v: MetiFundDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FiscalYearSelect
          label={t('industrialCluster.col.fiscalYear')}
          required
          value={draft.fiscalYear}
          onChange={(v) => set('fiscalYear', v)}
          error={fieldError('body.fiscalYear')}
        />
        <NumberInput
          label={t('industrialCluster.form.amountYen')}
          required
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          value={draft.amountYen ?? ''}
          onChange={(v) => set('amountYen', numberOrNull(v))}
          error={fieldError('body.amountYen')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('industrialCluster.form.purposeJa')}
          autosize
          minRows={2}
          maxLength={500}
          value={draft.purposeJa}
          onChange={(e) => set('purposeJa', e.currentTarget.value)}
          error={fieldError('body.purpose.ja') ?? fieldError('body.purpose')}
        />
        <Textarea
          label={t('industrialCluster.form.purposeEn')}
          autosize
          minRows={2}
          maxLength={500}
          value={draft.purposeEn}
          onChange={(e) => set('purposeEn', e.currentTarget.value)}
          error={fieldError('body.purpose.en')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('industrialCluster.form.fundCluster')}
          description={t('industrialCluster.form.fundClusterHint')}
          placeholder={t('industrialCluster.form.programmeWide')}
          clearable
          data={project.clusters.map((c) => ({ value: c.key, label: localize(c.name) }))}
          value={draft.cluster}
          onChange={(v) => set('cluster', v)}
          error={fieldError('body.cluster')}
        />
        <Select
          label={t('industrialCluster.col.seed')}
          placeholder={t('common.notSet')}
          clearable
          searchable
          data={seedChoices}
          value={draft.seedId === null ? null : String(draft.seedId)}
          onChange={(v) => set('seedId', v === null ? null : Number(v))}
          error={fieldError('body.seedId')}
        />
      </SimpleGrid>
      <TextInput
        label={t('industrialCluster.form.researcherName')}
        description={t('industrialCluster.form.researcherHint')}
        maxLength={200}
        value={draft.researcherName}
        onChange={(e) => set('researcherName', e.currentTarget.value)}
        error={fieldError('body.researcherName')}
      />
    </Stack>
  );
}

/** An officer (budget:edit) records METI funds for the practical use of seeds; they also enter the budget ledger. */
export function MetiFundModal({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateMetiFund(project.key);
  const seeds = useSeedChoices();
  const [draft, setDraft] = useState<MetiFundDraft>(emptyMetiFundDraft);
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const fieldError = useFormErrors(create.error, localErrors);
  // The project's own seeds first, then the others the reader may see.
  const titles = new Map<number, string>();
  for (const s of seeds.data?.items ?? []) titles.set(s.id, seedTitle(s, locale) ?? '');
  const label = (id: number) => titles.get(id) || t('industrialCluster.seedRef', { id });
  const seedChoices = [
    ...project.seedIds.map((id) => ({ value: String(id), label: label(id) })),
    ...(seeds.data?.items ?? [])
      .filter((s) => !project.seedIds.includes(s.id))
      .map((s) => ({ value: String(s.id), label: label(s.id) })),
  ];
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = () => {
    create.reset();
    const checked = checkBody(CreateMetiFundBody, metiFundInput(draft), locale, metiFundDraftErrors(draft));
    if (!checked.success) return setLocalErrors(checked.errors);
    setLocalErrors({});
    create.mutate(checked.data, { onSuccess: close });
  };
  return (
    <Modal opened onClose={close} title={t('industrialCluster.form.recordFund')} size="xl">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <MetiFundFields
            project={project}
            draft={draft}
            onChange={setDraft}
            fieldError={fieldError}
            seedChoices={seedChoices}
          />
          <FormProblem error={create.error} fields={METI_FUND_FIELDS} />
          <FormActions
            onCancel={close}
            loading={create.isPending}
            submitLabel={t('industrialCluster.form.recordFund')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
