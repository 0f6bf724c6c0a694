import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { COMMITTEE_LEVELS, CreateCommitteeBody } from '../../../../contracts/industrial-cluster';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useCreateCommittee, useProjects } from '../api/industrial-cluster-api';
import { BUREAU_KEYS } from './bureau';
import {
  checkBody,
  type FieldErrorOf,
  FormActions,
  FormProblem,
  requiredErrors,
  useFormErrors,
} from './form-kit';

type CommitteeLevel = (typeof COMMITTEE_LEVELS)[number];

export interface CommitteeDraft {
  level: CommitteeLevel;
  bureau: string | null;
  nameJa: string;
  nameEn: string;
  project: string | null;
}

export const COMMITTEE_FIELDS = ['body.level', 'body.bureau', 'body.name', 'body.project'] as const;

export function committeeDraftErrors(draft: CommitteeDraft): FieldErrorMap {
  return requiredErrors({ 'body.bureau': draft.level === 'regional' && draft.bureau === null });
}

export function committeeInput(draft: CommitteeDraft) {
  return {
    level: draft.level,
    // The national committee has no bureau, whatever was picked before switching.
    bureau: draft.level === 'regional' ? draft.bureau : null,
    name: { ja: draft.nameJa, en: draft.nameEn },
    project: draft.project,
  };
}

interface CommitteeFieldsProps {
  draft: CommitteeDraft;
  onChange: (draft: CommitteeDraft) => void;
  fieldError: FieldErrorOf;
  projectChoices: { value: string; label: string }[];
}

/** National, or regional with its METI bureau; the name in ja/en; the project it belongs to, if one. */
export function CommitteeFields({ draft, onChange, fieldError, projectChoices }: CommitteeFieldsProps) {
  const { t } = useTranslation();
  const levelLabelId = useId();
  const set = <K extends keyof CommitteeDraft>(k: K, v: CommitteeDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id={levelLabelId}>
          {t('industrialCluster.form.level')}
        </Text>
        <SegmentedControl
          aria-labelledby={levelLabelId}
          value={draft.level}
          onChange={(v) => set('level', v)}
          data={COMMITTEE_LEVELS.map((l) => ({
            value: l,
            label: t(`industrialCluster.committeeLevel.${l}`),
          }))}
        />
      </Stack>
      {draft.level === 'regional' ? (
        <Select
          label={t('industrialCluster.form.bureau')}
          required
          data={BUREAU_KEYS.map((k) => ({
            value: k,
            label: t('industrialCluster.bureauName', { name: t(`industrialCluster.bureau.${k}`) }),
          }))}
          value={draft.bureau}
          onChange={(v) => set('bureau', v)}
          error={fieldError('body.bureau')}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('industrialCluster.form.nameJa')}
          maxLength={200}
          value={draft.nameJa}
          onChange={(e) => set('nameJa', e.currentTarget.value)}
          error={fieldError('body.name.ja') ?? fieldError('body.name')}
        />
        <TextInput
          label={t('industrialCluster.form.nameEn')}
          maxLength={200}
          value={draft.nameEn}
          onChange={(e) => set('nameEn', e.currentTarget.value)}
          error={fieldError('body.name.en')}
        />
      </SimpleGrid>
      <Select
        label={t('industrialCluster.form.committeeProject')}
        placeholder={t('industrialCluster.form.noProject')}
        clearable
        searchable
        data={projectChoices}
        value={draft.project}
        onChange={(v) => set('project', v)}
        error={fieldError('body.project')}
      />
    </Stack>
  );
}

interface CommitteeModalProps {
  onClose: () => void;
  /** A project the committee belongs to, preselected (from the project's page). */
  projectKey?: string;
}

/** A manager adds a committee, then opens it. */
export function CommitteeModal({ onClose, projectKey }: CommitteeModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const navigate = useNavigate();
  const projects = useProjects(null);
  const create = useCreateCommittee();
  const [draft, setDraft] = useState<CommitteeDraft>({
    level: 'regional',
    bureau: null,
    nameJa: '',
    nameEn: '',
    project: projectKey ?? null,
  });
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const fieldError = useFormErrors(create.error, localErrors);
  const projectChoices = (projects.data?.items ?? []).map((p) => ({ value: p.key, label: localize(p.name) }));
  if (projectKey && !projectChoices.some((c) => c.value === projectKey))
    projectChoices.push({ value: projectKey, label: projectKey });
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = () => {
    create.reset();
    const checked = checkBody(
      CreateCommitteeBody,
      committeeInput(draft),
      locale,
      committeeDraftErrors(draft),
    );
    if (!checked.success) return setLocalErrors(checked.errors);
    setLocalErrors({});
    create.mutate(checked.data, {
      onSuccess: (committee) => {
        close();
        void navigate(`/industrial-cluster/committees/${committee.id}`);
      },
    });
  };
  return (
    <Modal opened onClose={close} title={t('industrialCluster.form.newCommittee')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <CommitteeFields
            draft={draft}
            onChange={setDraft}
            fieldError={fieldError}
            projectChoices={projectChoices}
          />
          <FormProblem error={create.error} fields={COMMITTEE_FIELDS} />
          <FormActions
            onCancel={close}
            loading={create.isPending}
            submitLabel={t('industrialCluster.form.createCommittee')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
