import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AddMemberBody,
  AddStaffBody,
  UpdateMemberBody,
  UpdateStaffBody,
  type ClusterDetail,
  type ClusterMemberResponse,
  type ClusterStaffResponse,
} from '../../../../contracts/clusters';
import type { LocalizedText } from '../../../../contracts/common';
import type { OrganizationRef } from '../../../../contracts/organizations';
import type { ReferenceResponse } from '../../../../contracts/reference';
import { OrganizationSelect, PersonSelect } from '../../../components/EntitySelect';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useCodeOptions } from '../../../lib/labels';
import { validateBody } from '../../../lib/validation';
import { useMemberMutations, useStaffMutations } from '../api/clusters-api';
import type { CreatedPerson, OrganizationCreator, PersonCreator } from './creators';
import { MemberTable, StaffTable } from './NetworkTables';
import { ConfirmWithdrawModal, ParticipationModal, type ParticipationValues } from './ParticipationModal';

type EditorState<T, P> = { mode: 'add'; preset: P | null } | { mode: 'edit'; row: T } | null;

function RowActions({
  onEdit,
  onWithdraw,
  withdrawn,
  name,
}: {
  onEdit: () => void;
  onWithdraw: () => void;
  withdrawn: boolean;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="light"
        onClick={onEdit}
        aria-label={t('clusterEdit.editOf', { name })}
      >
        {t('common.edit')}
      </Button>
      {!withdrawn ? (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={onWithdraw}
          aria-label={t('clusterEdit.withdrawOf', { name })}
        >
          {t('clusterEdit.withdraw')}
        </Button>
      ) : null}
    </Group>
  );
}

function participationOf(row: {
  role: string;
  fromFy: number;
  toFy: number | null;
  note: string | null;
}): ParticipationValues {
  return { entityId: null, role: row.role, fromFy: row.fromFy, toFy: row.toFy, note: row.note ?? '' };
}

interface MembersEditorProps {
  cluster: ClusterDetail;
  reference: ReferenceResponse;
  OrganizationCreator?: OrganizationCreator;
}

/** Add organizations to the cluster, change their role or years, or record their withdrawal. */
export function MembersEditor({ cluster, reference, OrganizationCreator }: MembersEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const codeOptions = useCodeOptions();
  const mutations = useMemberMutations(cluster.key);
  const [editor, setEditor] = useState<EditorState<ClusterMemberResponse, OrganizationRef>>(null);
  const [withdrawing, setWithdrawing] = useState<ClusterMemberResponse | null>(null);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [saved, setSaved] = useState<string | null>(null);
  const roles = codeOptions('memberRole', reference.memberRoles);

  const close = () => {
    setEditor(null);
    setErrors({});
    mutations.add.reset();
    mutations.update.reset();
  };

  const submit = (values: ParticipationValues) => {
    const common = {
      role: values.role,
      fromFy: values.fromFy,
      toFy: values.toFy,
      note: values.note.trim() || null,
    };
    if (editor?.mode === 'add') {
      const parsed = validateBody(AddMemberBody, { organizationId: values.entityId, ...common }, locale);
      if (!parsed.success) return setErrors(parsed.errors);
      mutations.add.mutate(parsed.data, {
        onSuccess: (member) => {
          setSaved(t('clusterEdit.memberAdded', { name: localize(member.organization.name) }));
          close();
        },
        onError: (e) => setErrors(apiFieldErrors(e)),
      });
    } else if (editor?.mode === 'edit') {
      const parsed = validateBody(UpdateMemberBody, { version: editor.row.version, ...common }, locale);
      if (!parsed.success) return setErrors(parsed.errors);
      mutations.update.mutate(
        { id: editor.row.id, body: parsed.data },
        {
          onSuccess: (member) => {
            setSaved(t('clusterEdit.memberUpdated', { name: localize(member.organization.name) }));
            close();
          },
          onError: (e) => setErrors(apiFieldErrors(e)),
        },
      );
    }
  };

  const busy = mutations.add.isPending || mutations.update.isPending;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button onClick={() => setEditor({ mode: 'add', preset: null })}>{t('clusterEdit.addMember')}</Button>
        {OrganizationCreator ? (
          <OrganizationCreator onCreated={(org) => setEditor({ mode: 'add', preset: org })} />
        ) : null}
      </Group>
      {saved ? (
        <Text size="sm" c="teal.9" role="status">
          {saved}
        </Text>
      ) : null}
      <MemberTable
        members={cluster.members}
        caption={t('clusters.members.caption')}
        renderActions={(member) => (
          <RowActions
            name={localize(member.organization.name)}
            withdrawn={member.withdrawnAt !== null}
            onEdit={() => setEditor({ mode: 'edit', row: member })}
            onWithdraw={() => {
              mutations.withdraw.reset();
              setWithdrawing(member);
            }}
          />
        )}
      />
      {editor ? (
        <ParticipationModal
          opened
          key={editor.mode === 'edit' ? `edit-${editor.row.id}` : `add-${editor.preset?.id ?? 'new'}`}
          title={
            editor.mode === 'add'
              ? t('clusterEdit.addMember')
              : t('clusterEdit.editMember', { name: localize(editor.row.organization.name) })
          }
          onClose={close}
          initial={
            editor.mode === 'edit'
              ? participationOf(editor.row)
              : {
                  entityId: editor.preset?.id ?? null,
                  role: null,
                  fromFy: cluster.startFy,
                  toFy: null,
                  note: '',
                }
          }
          roleLabel={t('clusters.members.role')}
          roles={roles}
          entityField="organizationId"
          renderEntityPicker={
            editor.mode === 'add'
              ? (value, onChange, error) => (
                  <OrganizationSelect
                    label={t('clusters.members.organization')}
                    required
                    value={value}
                    selected={editor.preset}
                    onChange={(id) => onChange(id)}
                    error={error}
                  />
                )
              : undefined
          }
          onSubmit={submit}
          busy={busy}
          errors={errors}
          error={mutations.add.error ?? mutations.update.error}
          submitLabel={editor.mode === 'add' ? t('common.add') : t('common.save')}
        />
      ) : null}
      {withdrawing ? (
        <ConfirmWithdrawModal
          opened
          name={localize(withdrawing.organization.name)}
          onClose={() => setWithdrawing(null)}
          busy={mutations.withdraw.isPending}
          error={mutations.withdraw.error}
          onConfirm={() =>
            mutations.withdraw.mutate(
              { id: withdrawing.id, version: withdrawing.version },
              {
                onSuccess: (member) => {
                  setSaved(t('clusterEdit.memberWithdrawn', { name: localize(member.organization.name) }));
                  setWithdrawing(null);
                },
              },
            )
          }
        />
      ) : null}
    </Stack>
  );
}

interface StaffEditorProps {
  cluster: ClusterDetail;
  reference: ReferenceResponse;
  PersonCreator?: PersonCreator;
}

interface PersonPreset {
  id: number;
  name: LocalizedText;
}

/** Add people to the cluster's staff, change their role or years, or record that they left. */
export function StaffEditor({ cluster, reference, PersonCreator }: StaffEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const codeOptions = useCodeOptions();
  const mutations = useStaffMutations(cluster.key);
  const [editor, setEditor] = useState<EditorState<ClusterStaffResponse, PersonPreset>>(null);
  const [withdrawing, setWithdrawing] = useState<ClusterStaffResponse | null>(null);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [saved, setSaved] = useState<string | null>(null);
  const roles = codeOptions('staffRole', reference.staffRoles);

  const close = () => {
    setEditor(null);
    setErrors({});
    mutations.add.reset();
    mutations.update.reset();
  };

  const submit = (values: ParticipationValues) => {
    const common = {
      role: values.role,
      fromFy: values.fromFy,
      toFy: values.toFy,
      note: values.note.trim() || null,
    };
    if (editor?.mode === 'add') {
      const parsed = validateBody(AddStaffBody, { personId: values.entityId, ...common }, locale);
      if (!parsed.success) return setErrors(parsed.errors);
      mutations.add.mutate(parsed.data, {
        onSuccess: (row) => {
          setSaved(t('clusterEdit.staffAdded', { name: localize(row.person.name) }));
          close();
        },
        onError: (e) => setErrors(apiFieldErrors(e)),
      });
    } else if (editor?.mode === 'edit') {
      const parsed = validateBody(UpdateStaffBody, { version: editor.row.version, ...common }, locale);
      if (!parsed.success) return setErrors(parsed.errors);
      mutations.update.mutate(
        { id: editor.row.id, body: parsed.data },
        {
          onSuccess: (row) => {
            setSaved(t('clusterEdit.staffUpdated', { name: localize(row.person.name) }));
            close();
          },
          onError: (e) => setErrors(apiFieldErrors(e)),
        },
      );
    }
  };

  const busy = mutations.add.isPending || mutations.update.isPending;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button onClick={() => setEditor({ mode: 'add', preset: null })}>{t('clusterEdit.addStaff')}</Button>
        {PersonCreator ? (
          <PersonCreator
            onCreated={(person: CreatedPerson) =>
              setEditor({ mode: 'add', preset: { id: person.id, name: person.name } })
            }
          />
        ) : null}
      </Group>
      {saved ? (
        <Text size="sm" c="teal.9" role="status">
          {saved}
        </Text>
      ) : null}
      <StaffTable
        staff={cluster.staff}
        caption={t('clusters.staff.caption')}
        renderActions={(row) => (
          <RowActions
            name={localize(row.person.name)}
            withdrawn={row.withdrawnAt !== null}
            onEdit={() => setEditor({ mode: 'edit', row })}
            onWithdraw={() => {
              mutations.withdraw.reset();
              setWithdrawing(row);
            }}
          />
        )}
      />
      {editor ? (
        <ParticipationModal
          opened
          key={editor.mode === 'edit' ? `edit-${editor.row.id}` : `add-${editor.preset?.id ?? 'new'}`}
          title={
            editor.mode === 'add'
              ? t('clusterEdit.addStaff')
              : t('clusterEdit.editStaff', { name: localize(editor.row.person.name) })
          }
          onClose={close}
          initial={
            editor.mode === 'edit'
              ? participationOf(editor.row)
              : {
                  entityId: editor.preset?.id ?? null,
                  role: null,
                  fromFy: cluster.startFy,
                  toFy: null,
                  note: '',
                }
          }
          roleLabel={t('clusters.staff.role')}
          roles={roles}
          entityField="personId"
          renderEntityPicker={
            editor.mode === 'add'
              ? (value, onChange, error) => (
                  <PersonSelect
                    label={t('clusters.staff.person')}
                    required
                    value={value}
                    selected={editor.preset}
                    onChange={(id) => onChange(id)}
                    error={error}
                  />
                )
              : undefined
          }
          onSubmit={submit}
          busy={busy}
          errors={errors}
          error={mutations.add.error ?? mutations.update.error}
          submitLabel={editor.mode === 'add' ? t('common.add') : t('common.save')}
        />
      ) : null}
      {withdrawing ? (
        <ConfirmWithdrawModal
          opened
          name={localize(withdrawing.person.name)}
          onClose={() => setWithdrawing(null)}
          busy={mutations.withdraw.isPending}
          error={mutations.withdraw.error}
          onConfirm={() =>
            mutations.withdraw.mutate(
              { id: withdrawing.id, version: withdrawing.version },
              {
                onSuccess: (row) => {
                  setSaved(t('clusterEdit.staffWithdrawn', { name: localize(row.person.name) }));
                  setWithdrawing(null);
                },
              },
            )
          }
        />
      ) : null}
    </Stack>
  );
}
