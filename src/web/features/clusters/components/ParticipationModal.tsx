import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useFieldErrors } from '../../../lib/use-validation-message';

export interface ParticipationValues {
  entityId: number | null;
  role: string | null;
  fromFy: number | null;
  toFy: number | null;
  note: string;
}

interface Props {
  opened: boolean;
  title: string;
  onClose: () => void;
  initial: ParticipationValues;
  roleLabel: string;
  roles: { value: string; label: string }[];
  /** The organization or person picker (add mode only); receives the current id and a setter. */
  renderEntityPicker?: (
    value: number | null,
    onChange: (id: number | null) => void,
    error?: string,
  ) => ReactNode;
  /** Server field name of the picked entity: `organizationId` or `personId`. */
  entityField: 'organizationId' | 'personId';
  onSubmit: (values: ParticipationValues) => void;
  busy: boolean;
  errors: FieldErrorMap;
  error: unknown;
  submitLabel: string;
}

/** Add or edit one organization's or person's part in a cluster: role and fiscal years. */
export function ParticipationModal(props: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ParticipationValues>(props.initial);
  const error = useFieldErrors(props.errors);
  const message = useErrorMessage();
  const set = <K extends keyof ParticipationValues>(field: K, value: ParticipationValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(values);
  };
  const conflict = isApiError(props.error) && props.error.code === 'VERSION_CONFLICT';
  const showGeneral = props.error && Object.keys(props.errors).length === 0;

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {showGeneral ? (
            <Alert color="red" variant="light" role="alert">
              {conflict ? t('clusterEdit.participationConflict') : message(props.error)}
            </Alert>
          ) : null}
          {props.renderEntityPicker
            ? props.renderEntityPicker(
                values.entityId,
                (id) => set('entityId', id),
                error(`body.${props.entityField}`),
              )
            : null}
          <Select
            label={props.roleLabel}
            required
            data={props.roles}
            value={values.role}
            onChange={(v) => set('role', v)}
            error={error('body.role')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <FiscalYearSelect
              label={t('clusterEdit.participation.fromFy')}
              required
              value={values.fromFy}
              onChange={(fy) => set('fromFy', fy)}
              error={error('body.fromFy')}
            />
            <FiscalYearSelect
              label={t('clusterEdit.participation.toFy')}
              description={t('clusterEdit.participation.toFyHelp')}
              clearable
              value={values.toFy}
              onChange={(fy) => set('toFy', fy)}
              error={error('body.toFy')}
              placeholder={t('clusterEdit.participation.ongoing')}
            />
          </SimpleGrid>
          <Textarea
            label={t('clusterEdit.participation.note')}
            autosize
            minRows={2}
            value={values.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={error('body.note')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose} disabled={props.busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.busy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface ConfirmWithdrawProps {
  opened: boolean;
  name: string;
  onClose: () => void;
  onConfirm: () => void;
  busy: boolean;
  error: unknown;
}

/** "Withdraw X from this cluster?" — nothing is deleted; the record stays in the history. */
export function ConfirmWithdrawModal({
  opened,
  name,
  onClose,
  onConfirm,
  busy,
  error,
}: ConfirmWithdrawProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const conflict = isApiError(error) && error.code === 'VERSION_CONFLICT';
  return (
    <Modal opened={opened} onClose={onClose} title={t('clusterEdit.withdrawTitle')}>
      <Stack gap="md">
        <p style={{ margin: 0 }}>{t('clusterEdit.withdrawConfirm', { name })}</p>
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {conflict ? t('clusterEdit.participationConflict') : message(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy}>
            {t('clusterEdit.withdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
