import { Checkbox, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CreateProjectBody,
  PROJECT_STATUSES,
  type ProjectDetail,
  UpdateProjectBody,
} from '../../../../contracts/industrial-cluster';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useCreateProject, useUpdateProject } from '../api/industrial-cluster-api';
import { BUREAU_KEYS } from './bureau';
import {
  checkBody,
  type FieldErrorOf,
  FormActions,
  FormProblem,
  requiredErrors,
  useFormErrors,
} from './form-kit';

type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** What the project form holds while it is being filled in. */
export interface ProjectDraft {
  key: string;
  nameJa: string;
  nameEn: string;
  bureau: string | null;
  descriptionJa: string;
  descriptionEn: string;
  startFy: number | null;
  endFy: number | null;
  status: ProjectStatus;
  isPublished: boolean;
  source: string;
}

export function projectDraft(project?: ProjectDetail): ProjectDraft {
  return {
    key: project?.key ?? '',
    nameJa: project?.name.ja ?? '',
    nameEn: project?.name.en ?? '',
    bureau: project?.bureau ?? null,
    descriptionJa: project?.description.ja ?? '',
    descriptionEn: project?.description.en ?? '',
    startFy: project?.startFy ?? null,
    endFy: project?.endFy ?? null,
    status: project?.status ?? 'active',
    isPublished: project?.isPublished ?? true,
    source: project?.source ?? '',
  };
}

export const PROJECT_FIELDS = [
  'body.key',
  'body.name',
  'body.bureau',
  'body.description',
  'body.startFy',
  'body.endFy',
  'body.status',
  'body.isPublished',
  'body.source',
] as const;

/** The form's own checks: required fields, and the last fiscal year not before the first. */
export function projectDraftErrors(
  draft: ProjectDraft,
  isNew: boolean,
  endBeforeStart: string,
): FieldErrorMap {
  const errors = requiredErrors({
    ...(isNew ? { 'body.key': draft.key.trim() === '' } : {}),
    'body.bureau': draft.bureau === null,
    'body.startFy': draft.startFy === null,
    'body.source': draft.source.trim() === '',
  });
  if (draft.startFy !== null && draft.endFy !== null && draft.endFy < draft.startFy)
    errors['body.endFy'] = endBeforeStart;
  return errors;
}

/** The fields a new project is created from. */
export function createProjectInput(draft: ProjectDraft) {
  return {
    key: draft.key.trim(),
    name: { ja: draft.nameJa, en: draft.nameEn },
    bureau: draft.bureau ?? '',
    description: { ja: draft.descriptionJa, en: draft.descriptionEn },
    startFy: draft.startFy,
    endFy: draft.endFy,
    status: draft.status,
    isPublished: draft.isPublished,
    source: draft.source,
  };
}

/** Only what changed, at the version read. */
export function updateProjectInput(draft: ProjectDraft, project: ProjectDetail): UpdateProjectBody {
  const body: UpdateProjectBody = { version: project.version };
  if (draft.nameJa !== project.name.ja || draft.nameEn !== project.name.en)
    body.name = { ja: draft.nameJa, en: draft.nameEn };
  if (draft.bureau !== project.bureau) body.bureau = (draft.bureau ?? '') as UpdateProjectBody['bureau'];
  if (draft.descriptionJa !== project.description.ja || draft.descriptionEn !== project.description.en)
    body.description = { ja: draft.descriptionJa, en: draft.descriptionEn };
  if (draft.startFy !== null && draft.startFy !== project.startFy) body.startFy = draft.startFy;
  if (draft.endFy !== project.endFy) body.endFy = draft.endFy;
  if (draft.status !== project.status) body.status = draft.status;
  if (draft.isPublished !== project.isPublished) body.isPublished = draft.isPublished;
  if (draft.source !== project.source) body.source = draft.source;
  return body;
}

interface ProjectFieldsProps {
  draft: ProjectDraft;
  onChange: (draft: ProjectDraft) => void;
  fieldError: FieldErrorOf;
  /** The key is chosen once, when the project is created. */
  isNew: boolean;
}

/** The project's inputs, each showing its own error. */
export function ProjectFields({ draft, onChange, fieldError, isNew }: ProjectFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof ProjectDraft>(k: K, v: ProjectDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <Stack gap="sm">
      {isNew ? (
        <TextInput
          label={t('industrialCluster.form.key')}
          description={t('industrialCluster.form.keyHint')}
          required
          maxLength={60}
          value={draft.key}
          onChange={(e) => set('key', e.currentTarget.value)}
          error={fieldError('body.key')}
          data-autofocus
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
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('industrialCluster.form.descriptionJa')}
          autosize
          minRows={3}
          maxLength={5000}
          value={draft.descriptionJa}
          onChange={(e) => set('descriptionJa', e.currentTarget.value)}
          error={fieldError('body.description.ja')}
        />
        <Textarea
          label={t('industrialCluster.form.descriptionEn')}
          autosize
          minRows={3}
          maxLength={5000}
          value={draft.descriptionEn}
          onChange={(e) => set('descriptionEn', e.currentTarget.value)}
          error={fieldError('body.description.en')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FiscalYearSelect
          label={t('industrialCluster.form.startFy')}
          required
          value={draft.startFy}
          onChange={(v) => set('startFy', v)}
          error={fieldError('body.startFy')}
        />
        <FiscalYearSelect
          label={t('industrialCluster.form.endFy')}
          placeholder={t('industrialCluster.form.endFyOpen')}
          clearable
          value={draft.endFy}
          onChange={(v) => set('endFy', v)}
          error={fieldError('body.endFy')}
        />
        <Select
          label={t('industrialCluster.form.status')}
          allowDeselect={false}
          data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`industrialCluster.status.${s}`) }))}
          value={draft.status}
          onChange={(v) => v && set('status', v)}
          error={fieldError('body.status')}
        />
      </SimpleGrid>
      <TextInput
        label={t('industrialCluster.form.source')}
        description={t('industrialCluster.form.sourceHint')}
        required
        maxLength={500}
        value={draft.source}
        onChange={(e) => set('source', e.currentTarget.value)}
        error={fieldError('body.source')}
      />
      <Checkbox
        label={t('industrialCluster.form.isPublished')}
        checked={draft.isPublished}
        onChange={(e) => set('isPublished', e.currentTarget.checked)}
        error={fieldError('body.isPublished')}
      />
    </Stack>
  );
}

interface ProjectFormModalProps {
  /** The project to edit; a new one when absent. */
  project?: ProjectDetail;
  onClose: () => void;
}

/** Creates a project (then opens it) or edits one at the version read; only what changed is sent. */
export function ProjectFormModal({ project, onClose }: ProjectFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const create = useCreateProject();
  const update = useUpdateProject(project?.key ?? '');
  const mutation = project ? update : create;
  const [draft, setDraft] = useState(() => projectDraft(project));
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const fieldError = useFormErrors(mutation.error, localErrors);
  const close = () => {
    mutation.reset();
    onClose();
  };
  const submit = () => {
    const own = projectDraftErrors(draft, !project, t('industrialCluster.form.endBeforeStart'));
    mutation.reset();
    if (project) {
      const checked = checkBody(UpdateProjectBody, updateProjectInput(draft, project), locale, own);
      if (!checked.success) return setLocalErrors(checked.errors);
      setLocalErrors({});
      update.mutate(checked.data, { onSuccess: close });
    } else {
      const checked = checkBody(CreateProjectBody, createProjectInput(draft), locale, own);
      if (!checked.success) return setLocalErrors(checked.errors);
      setLocalErrors({});
      create.mutate(checked.data, {
        onSuccess: (created) => {
          close();
          void navigate(`/industrial-cluster/projects/${encodeURIComponent(created.key)}`);
        },
      });
    }
  };
  return (
    <Modal
      opened
      onClose={close}
      title={project ? t('industrialCluster.form.editProject') : t('industrialCluster.form.newProject')}
      size="xl"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <ProjectFields draft={draft} onChange={setDraft} fieldError={fieldError} isNew={!project} />
          <FormProblem error={mutation.error} fields={PROJECT_FIELDS} />
          <FormActions
            onCancel={close}
            loading={mutation.isPending}
            submitLabel={project ? t('common.save') : t('industrialCluster.form.createProject')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
