import { Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AddMemberBody,
  MEMBER_ROLES,
  type MemberRole,
  type ProjectDetail,
  type ProjectMember,
} from '../../../../contracts/industrial-cluster';
import { OrganizationSelect } from '../../../components/EntitySelect';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useAddMember, useRemoveMember } from '../api/industrial-cluster-api';
import {
  checkBody,
  type FieldErrorOf,
  FormActions,
  FormProblem,
  requiredErrors,
  useFormErrors,
} from './form-kit';

export interface MemberDraft {
  organizationId: number | null;
  role: MemberRole | null;
  joinedFy: number | null;
}

export const MEMBER_FIELDS = ['body.organizationId', 'body.role', 'body.joinedFy'] as const;

interface MemberFieldsProps {
  draft: MemberDraft;
  onChange: (draft: MemberDraft) => void;
  fieldError: FieldErrorOf;
}

/** The member's organization (searched by name), its role and the fiscal year it joined. */
export function MemberFields({ draft, onChange, fieldError }: MemberFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <OrganizationSelect
        label={t('industrialCluster.form.organization')}
        required
        value={draft.organizationId}
        onChange={(id) => onChange({ ...draft, organizationId: id })}
        error={fieldError('body.organizationId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('industrialCluster.form.role')}
          required
          data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`industrialCluster.memberRole.${r}`) }))}
          value={draft.role}
          onChange={(v) => onChange({ ...draft, role: v })}
          error={fieldError('body.role')}
        />
        <FiscalYearSelect
          label={t('industrialCluster.form.joinedFy')}
          clearable
          placeholder={t('common.notSet')}
          value={draft.joinedFy}
          onChange={(v) => onChange({ ...draft, joinedFy: v })}
          error={fieldError('body.joinedFy')}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** A manager adds a member organization to the project with its role. */
export function AddMemberModal({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddMember(project.key);
  const [draft, setDraft] = useState<MemberDraft>({ organizationId: null, role: null, joinedFy: null });
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const fieldError = useFormErrors(add.error, localErrors);
  const close = () => {
    add.reset();
    onClose();
  };
  const submit = () => {
    add.reset();
    const checked = checkBody(
      AddMemberBody,
      { organizationId: draft.organizationId ?? 0, role: draft.role ?? '', joinedFy: draft.joinedFy },
      locale,
      requiredErrors({
        'body.organizationId': draft.organizationId === null,
        'body.role': draft.role === null,
      }),
    );
    if (!checked.success) return setLocalErrors(checked.errors);
    setLocalErrors({});
    add.mutate(checked.data, { onSuccess: close });
  };
  return (
    <Modal opened onClose={close} title={t('industrialCluster.form.addMember')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <MemberFields draft={draft} onChange={setDraft} fieldError={fieldError} />
          <FormProblem error={add.error} fields={MEMBER_FIELDS} />
          <FormActions
            onCancel={close}
            loading={add.isPending}
            submitLabel={t('industrialCluster.form.addMember')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Asks before a member organization is removed (the audit log keeps the record). */
export function RemoveMemberModal({
  project,
  member,
  onClose,
}: {
  project: ProjectDetail;
  member: ProjectMember;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const remove = useRemoveMember(project.key);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened onClose={close} title={t('industrialCluster.form.removeMemberTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate(member.id, { onSuccess: close });
        }}
      >
        <Stack gap="sm">
          <Text>
            {t('industrialCluster.form.removeMemberConfirm', {
              organization: localize(member.organization.name),
              project: localize(project.name),
            })}
          </Text>
          <FormProblem error={remove.error} fields={[]} />
          <FormActions
            onCancel={close}
            loading={remove.isPending}
            submitLabel={t('industrialCluster.form.removeMember')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
