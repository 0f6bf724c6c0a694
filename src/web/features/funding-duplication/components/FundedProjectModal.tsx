import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateFundedProjectBody } from '../../../../contracts/funding';
import { FUNDING_PROGRAMMES, type FundingProgramme } from '../../../../domain/duplication';
import { OrganizationSelect, PersonSelect } from '../../../components/EntitySelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useCreateFundedProject, useFundingClusterChoices } from '../api/funded-projects-api';

export interface FundedProjectDraft {
  programme: FundingProgramme | null;
  fiscalYear: number | null;
  themeJa: string;
  themeEn: string;
  principalPersonId: number | null;
  researcherName: string;
  organizationId: number | null;
  cluster: string | null;
  amountYen: number | null;
  source: string;
}

export const emptyFundedProjectDraft: FundedProjectDraft = {
  programme: null,
  fiscalYear: null,
  themeJa: '',
  themeEn: '',
  principalPersonId: null,
  researcherName: '',
  organizationId: null,
  cluster: null,
  amountYen: null,
  source: '',
};

export const FUNDED_PROJECT_FIELDS = [
  'body.programme',
  'body.fiscalYear',
  'body.theme',
  'body.principalPersonId',
  'body.researcherName',
  'body.organizationId',
  'body.cluster',
  'body.amountYen',
  'body.source',
] as const;

/**
 * The form's own findings: required fields left empty ('required' is translated by the validation
 * messages) and a researcher named neither by a person record nor by a name.
 */
export function fundedProjectDraftErrors(
  draft: FundedProjectDraft,
  researcherRequired: string,
): FieldErrorMap {
  const errors: FieldErrorMap = {};
  if (draft.principalPersonId === null && draft.researcherName.trim() === '')
    errors['body.researcherName'] = researcherRequired;
  if (draft.programme === null) errors['body.programme'] = 'required';
  if (draft.fiscalYear === null) errors['body.fiscalYear'] = 'required';
  if (draft.amountYen === null) errors['body.amountYen'] = 'required';
  if (draft.source.trim() === '') errors['body.source'] = 'required';
  return errors;
}

export function fundedProjectInput(draft: FundedProjectDraft) {
  return {
    programme: draft.programme ?? '',
    fiscalYear: draft.fiscalYear,
    theme: { ja: draft.themeJa, en: draft.themeEn },
    principalPersonId: draft.principalPersonId,
    researcherName: draft.researcherName,
    organizationId: draft.organizationId,
    cluster: draft.cluster,
    amountYen: draft.amountYen,
    source: draft.source,
  };
}

interface FundedProjectFieldsProps {
  draft: FundedProjectDraft;
  onChange: (draft: FundedProjectDraft) => void;
  fieldError: (field: string) => string | undefined;
  clusterChoices: { value: string; label: string }[];
}

/** Programme, fiscal year, theme (ja/en), the principal researcher (a person, a name or both), organization, cluster, amount, source. */
export function FundedProjectFields({
  draft,
  onChange,
  fieldError,
  clusterChoices,
}: FundedProjectFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof FundedProjectDraft>(k: K, v: FundedProjectDraft[K]) =>
    onChange({ ...draft, [k]: v });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('fundingDuplication.form.programme')}
          required
          data={FUNDING_PROGRAMMES.map((p) => ({ value: p, label: t(`fundingDuplication.programme.${p}`) }))}
          value={draft.programme}
          onChange={(v) => set('programme', v)}
          error={fieldError('body.programme')}
          data-autofocus
        />
        <FiscalYearSelect
          label={t('fundingDuplication.fiscalYear')}
          required
          value={draft.fiscalYear}
          onChange={(v) => set('fiscalYear', v)}
          error={fieldError('body.fiscalYear')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('fundingDuplication.form.themeJa')}
          autosize
          minRows={2}
          maxLength={500}
          value={draft.themeJa}
          onChange={(e) => set('themeJa', e.currentTarget.value)}
          error={fieldError('body.theme.ja') ?? fieldError('body.theme')}
        />
        <Textarea
          label={t('fundingDuplication.form.themeEn')}
          autosize
          minRows={2}
          maxLength={500}
          value={draft.themeEn}
          onChange={(e) => set('themeEn', e.currentTarget.value)}
          error={fieldError('body.theme.en')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PersonSelect
          label={t('fundingDuplication.form.person')}
          description={t('fundingDuplication.form.researcherHint')}
          value={draft.principalPersonId}
          onChange={(id) => set('principalPersonId', id)}
          error={fieldError('body.principalPersonId')}
        />
        <TextInput
          label={t('fundingDuplication.form.researcherName')}
          maxLength={200}
          value={draft.researcherName}
          onChange={(e) => set('researcherName', e.currentTarget.value)}
          error={fieldError('body.researcherName')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrganizationSelect
          label={t('fundingDuplication.form.organization')}
          value={draft.organizationId}
          onChange={(id) => set('organizationId', id)}
          error={fieldError('body.organizationId')}
        />
        <Select
          label={t('fundingDuplication.form.cluster')}
          placeholder={t('common.notSet')}
          clearable
          searchable
          data={clusterChoices}
          value={draft.cluster}
          onChange={(v) => set('cluster', v)}
          error={fieldError('body.cluster')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('fundingDuplication.form.amountYen')}
          required
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          value={draft.amountYen ?? ''}
          onChange={(v) => set('amountYen', typeof v === 'number' && Number.isFinite(v) ? v : null)}
          error={fieldError('body.amountYen')}
        />
        <TextInput
          label={t('fundingDuplication.form.source')}
          description={t('fundingDuplication.form.sourceHint')}
          required
          maxLength={500}
          value={draft.source}
          onChange={(e) => set('source', e.currentTarget.value)}
          error={fieldError('body.source')}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** An officer records what a programme funds in a fiscal year; the duplication check compares it with the rest. */
export function FundedProjectModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const clusters = useFundingClusterChoices();
  const create = useCreateFundedProject();
  const [draft, setDraft] = useState<FundedProjectDraft>(emptyFundedProjectDraft);
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const serverErrors = apiFieldErrors(create.error);
  const fieldError = useFieldErrors({ ...serverErrors, ...localErrors });
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = () => {
    create.reset();
    const own = fundedProjectDraftErrors(draft, t('fundingDuplication.form.researcherRequired'));
    const checked = validateBody(CreateFundedProjectBody, fundedProjectInput(draft), locale);
    if (!checked.success || Object.keys(own).length > 0)
      return setLocalErrors({ ...(checked.success ? {} : checked.errors), ...own });
    setLocalErrors({});
    create.mutate(checked.data, { onSuccess: close });
  };
  const namesAField = Object.keys(serverErrors).some((n) =>
    FUNDED_PROJECT_FIELDS.some((f) => n === f || n.startsWith(`${f}.`)),
  );
  return (
    <Modal opened onClose={close} title={t('fundingDuplication.form.title')} size="xl">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FundedProjectFields
            draft={draft}
            onChange={setDraft}
            fieldError={fieldError}
            clusterChoices={(clusters.data?.items ?? []).map((c) => ({
              value: c.key,
              label: localize(c.name),
            }))}
          />
          {create.error && !namesAField ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('fundingDuplication.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
