import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, fieldMessage, type FieldErrorMap } from '../../../lib/form-errors';
import { useFormatters } from '../../../lib/format';
import { useValidationMessage } from '../../../lib/use-validation-message';
import { usePutDeadline, type Deadline } from '../api/reports-api';

interface Props {
  /** The fiscal year to set, fixed when changing an existing deadline or one chosen on the status view. */
  fiscalYear: number | null;
  existing: readonly Deadline[];
  onClose: () => void;
}

/** Sets or moves the date by which every cluster's report for a fiscal year is due. */
export function DeadlineModal({ fiscalYear, existing, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const message = useErrorMessage();
  const validation = useValidationMessage();
  const put = usePutDeadline();
  const [fy, setFy] = useState<number | null>(fiscalYear);
  const current = existing.find((d) => d.fiscalYear === fy) ?? null;
  const [dueOn, setDueOn] = useState(current?.dueOn ?? (fiscalYear ? `${fiscalYear + 1}-06-30` : ''));
  const [note, setNote] = useState(current?.note ?? '');
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const conflict = isApiError(put.error) && put.error.code === 'VERSION_CONFLICT';

  const pickYear = (next: number | null) => {
    setFy(next);
    const found = existing.find((d) => d.fiscalYear === next);
    // Reports describe a finished year: by default they fall due three months after it ends (end of June).
    setDueOn(found?.dueOn ?? (next ? `${next + 1}-06-30` : ''));
    setNote(found?.note ?? '');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrorMap = {};
    if (fy === null) problems['params.fy'] = t('reporting.item.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) problems['body.dueOn'] = t('reporting.item.required');
    setErrors(problems);
    if (fy === null || Object.keys(problems).length > 0) return;
    put.mutate(
      { fy, body: { dueOn, note: note.trim() || null, ...(current ? { version: current.version } : {}) } },
      { onSuccess: onClose, onError: (error) => setErrors(apiFieldErrors(error)) },
    );
  };

  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        current
          ? t('reporting.deadlines.changeTitle', { fy: f.fy(current.fiscalYear) })
          : t('reporting.deadlines.setTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FiscalYearSelect
            label={t('reporting.deadlines.fiscalYear')}
            required
            value={fy}
            onChange={pickYear}
            error={validation(fieldMessage(errors, 'params.fy'))}
          />
          <TextInput
            type="date"
            label={t('reporting.deadlines.dueOn')}
            description={t('reporting.deadlines.dueOnHelp')}
            required
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={validation(fieldMessage(errors, 'body.dueOn'))}
            data-autofocus
          />
          <Textarea
            label={t('reporting.deadlines.note')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={validation(fieldMessage(errors, 'body.note'))}
          />
          {conflict ? (
            <Alert color="orange" variant="light" role="alert">
              {t('reporting.deadlines.conflict')}
            </Alert>
          ) : put.error && !hasFieldErrors ? (
            <Alert color="red" variant="light" role="alert">
              {message(put.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={put.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={put.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
