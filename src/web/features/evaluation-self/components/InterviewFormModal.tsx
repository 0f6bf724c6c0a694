import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTENDEE_SIDES,
  CreateInterviewBody,
  UpdateInterviewBody,
  type AttendeeSide,
  type Interview,
} from '../../../../contracts/evaluation-interviews';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useCreateInterview, useUpdateInterview } from '../api/interviews-api';
import { ActionError } from './ActionError';
import { ConflictAlert } from './ConflictAlert';
import { fromJstInputValue, toJstInputValue } from './held-at';

interface AttendeeRow {
  name: string;
  affiliation: string;
  side: AttendeeSide;
}

interface InterviewFormModalProps {
  round: RoundDetail;
  /** The interview to edit, or null to schedule a new one. */
  interview: Interview | null;
  /** The cluster a new interview is for, when chosen from the list of clusters still waiting. */
  clusterKey?: string | undefined;
  onClose: () => void;
  /** After a version conflict: refetch the interviews (the form closes). */
  onReload: () => void;
}

/** An officer schedules an interview (cluster, when in Japan time, where, who) or edits one. */
export function InterviewFormModal({
  round,
  interview,
  clusterKey,
  onClose,
  onReload,
}: InterviewFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const create = useCreateInterview(round.key);
  const update = useUpdateInterview(round.key);
  const mutation = interview ? update : create;
  const [cluster, setCluster] = useState<string | null>(interview?.cluster.key ?? clusterKey ?? null);
  const [heldAt, setHeldAt] = useState(interview ? toJstInputValue(interview.heldAt) : '');
  const [place, setPlace] = useState(interview?.place ?? '');
  const [attendees, setAttendees] = useState<AttendeeRow[]>(interview?.attendees ?? []);
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const errorOf = useFieldErrors({ ...apiFieldErrors(mutation.error), ...localErrors });
  const conflict = isApiError(mutation.error) && mutation.error.code === 'VERSION_CONFLICT';
  const hasFieldErrors = isApiError(mutation.error) && mutation.error.fieldErrors.length > 0;

  const changeAttendee = (index: number, patch: Partial<AttendeeRow>) =>
    setAttendees((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const save = () => {
    const fields = { heldAt: fromJstInputValue(heldAt), place, attendees };
    if (interview) {
      const checked = validateBody(UpdateInterviewBody, { version: interview.version, ...fields }, locale);
      setLocalErrors(checked.success ? {} : checked.errors);
      if (checked.success) update.mutate({ id: interview.id, body: checked.data }, { onSuccess: onClose });
    } else {
      const checked = validateBody(CreateInterviewBody, { clusterKey: cluster ?? '', ...fields }, locale);
      setLocalErrors(checked.success ? {} : checked.errors);
      if (checked.success) create.mutate(checked.data, { onSuccess: onClose });
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        interview
          ? t('evaluationSelf.interviews.form.editTitle')
          : t('evaluationSelf.interviews.form.newTitle')
      }
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          {interview ? (
            <Text fw={600}>{localize(interview.cluster.name)}</Text>
          ) : (
            <Select
              label={t('evaluationSelf.interviews.form.cluster')}
              data={round.clusters.map((c) => ({ value: c.key, label: localize(c.name) }))}
              value={cluster}
              onChange={setCluster}
              searchable
              required
              error={errorOf('body.clusterKey')}
            />
          )}
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label={t('evaluationSelf.interviews.form.heldAt')}
              description={t('evaluationSelf.interviews.form.heldAtHint')}
              value={heldAt}
              onChange={(e) => setHeldAt(e.currentTarget.value)}
              required
              error={errorOf('body.heldAt')}
            />
            <TextInput
              label={t('evaluationSelf.interviews.form.place')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              required
              error={errorOf('body.place')}
            />
          </Group>

          <Title order={3} size="h5" mt="xs">
            {t('evaluationSelf.interviews.attendees')}
          </Title>
          {attendees.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('evaluationSelf.interviews.form.noAttendees')}
            </Text>
          ) : null}
          {attendees.map((row, i) => (
            <Group key={i} align="flex-start" wrap="nowrap" gap="xs">
              <Select
                label={t('evaluationSelf.interviews.form.side')}
                data={ATTENDEE_SIDES.map((side) => ({
                  value: side,
                  label: t(`evaluationSelf.interviews.sides.${side}`),
                }))}
                value={row.side}
                onChange={(v) => v && changeAttendee(i, { side: v })}
                allowDeselect={false}
                w={190}
                error={errorOf(`body.attendees.${i}.side`)}
              />
              <TextInput
                label={t('evaluationSelf.interviews.form.name')}
                value={row.name}
                onChange={(e) => changeAttendee(i, { name: e.currentTarget.value })}
                style={{ flex: 1 }}
                required
                error={errorOf(`body.attendees.${i}.name`)}
              />
              <TextInput
                label={t('evaluationSelf.interviews.form.affiliation')}
                value={row.affiliation}
                onChange={(e) => changeAttendee(i, { affiliation: e.currentTarget.value })}
                style={{ flex: 1 }}
                error={errorOf(`body.attendees.${i}.affiliation`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('evaluationSelf.interviews.form.removeAttendee', {
                  name: row.name || String(i + 1),
                })}
                onClick={() => setAttendees((rows) => rows.filter((_, n) => n !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {errorOf('body.attendees') && !attendees.some((_, i) => errorOf(`body.attendees.${i}`)) ? (
            <Text size="sm" c="red.8">
              {errorOf('body.attendees')}
            </Text>
          ) : null}
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() =>
                setAttendees((rows) => [...rows, { name: '', affiliation: '', side: 'cluster' }])
              }
            >
              {t('evaluationSelf.interviews.form.addAttendee')}
            </Button>
          </Group>

          {conflict ? (
            <ConflictAlert
              message={t('evaluationSelf.conflict.interview')}
              onReload={() => {
                onReload();
                onClose();
              }}
            />
          ) : mutation.isError && !hasFieldErrors ? (
            <ActionError error={mutation.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {interview ? t('common.save') : t('evaluationSelf.interviews.form.schedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
