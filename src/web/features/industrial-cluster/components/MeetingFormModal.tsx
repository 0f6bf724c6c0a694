import {
  ActionIcon,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMeetingBody, type Meeting, UpdateMeetingBody } from '../../../../contracts/industrial-cluster';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useCreateMeeting, useUpdateMeeting } from '../api/industrial-cluster-api';
import {
  checkBody,
  type FieldErrorOf,
  FormActions,
  FormProblem,
  requiredErrors,
  useFormErrors,
} from './form-kit';

export interface AttendeeDraft {
  personId: number | null;
  name: string;
  organization: string;
}

export interface MeetingDraft {
  heldOn: string;
  place: string;
  agenda: string;
  attendees: AttendeeDraft[];
  minutesJa: string;
  minutesEn: string;
}

export function meetingDraft(meeting?: Meeting): MeetingDraft {
  return {
    heldOn: meeting?.heldOn ?? '',
    place: meeting?.place ?? '',
    agenda: meeting?.agenda ?? '',
    attendees: (meeting?.attendees ?? []).map((a) => ({ ...a })),
    minutesJa: meeting?.minutes?.ja ?? '',
    minutesEn: meeting?.minutes?.en ?? '',
  };
}

export const MEETING_FIELDS = [
  'body.heldOn',
  'body.place',
  'body.agenda',
  'body.attendees',
  'body.minutes',
] as const;

/** Rows left wholly empty are dropped rather than refused. */
function attendeesOf(draft: MeetingDraft): AttendeeDraft[] {
  return draft.attendees.filter(
    (a) => a.personId !== null || a.name.trim() !== '' || a.organization.trim() !== '',
  );
}

export function meetingDraftErrors(draft: MeetingDraft): FieldErrorMap {
  return requiredErrors({ 'body.heldOn': draft.heldOn === '', 'body.place': draft.place.trim() === '' });
}

export function createMeetingInput(draft: MeetingDraft) {
  return {
    heldOn: draft.heldOn,
    place: draft.place,
    agenda: draft.agenda,
    attendees: attendeesOf(draft),
    minutes: { ja: draft.minutesJa, en: draft.minutesEn },
  };
}

/** Only what changed, at the version read. */
export function updateMeetingInput(draft: MeetingDraft, meeting: Meeting): UpdateMeetingBody {
  const body: UpdateMeetingBody = { version: meeting.version };
  if (draft.heldOn !== meeting.heldOn) body.heldOn = draft.heldOn;
  if (draft.place !== meeting.place) body.place = draft.place;
  if (draft.agenda !== meeting.agenda) body.agenda = draft.agenda;
  const attendees = attendeesOf(draft);
  if (JSON.stringify(attendees) !== JSON.stringify(meeting.attendees ?? [])) body.attendees = attendees;
  if (draft.minutesJa !== (meeting.minutes?.ja ?? '') || draft.minutesEn !== (meeting.minutes?.en ?? ''))
    body.minutes = { ja: draft.minutesJa, en: draft.minutesEn };
  return body;
}

interface MeetingFieldsProps {
  draft: MeetingDraft;
  onChange: (draft: MeetingDraft) => void;
  fieldError: FieldErrorOf;
}

/** Date, place, agenda, the attendees (name and organization per row) and the minutes in ja/en. */
export function MeetingFields({ draft, onChange, fieldError }: MeetingFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof MeetingDraft>(k: K, v: MeetingDraft[K]) => onChange({ ...draft, [k]: v });
  const setAttendee = (i: number, patch: Partial<AttendeeDraft>) =>
    set(
      'attendees',
      draft.attendees.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('industrialCluster.col.date')}
          required
          value={draft.heldOn}
          onChange={(e) => set('heldOn', e.currentTarget.value)}
          error={fieldError('body.heldOn')}
          data-autofocus
        />
        <TextInput
          label={t('industrialCluster.col.place')}
          required
          maxLength={300}
          value={draft.place}
          onChange={(e) => set('place', e.currentTarget.value)}
          error={fieldError('body.place')}
        />
      </SimpleGrid>
      <Textarea
        label={t('industrialCluster.col.agenda')}
        autosize
        minRows={2}
        maxLength={5000}
        value={draft.agenda}
        onChange={(e) => set('agenda', e.currentTarget.value)}
        error={fieldError('body.agenda')}
      />
      <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" size="sm" fw={500}>
          {t('industrialCluster.attendees')}
        </Text>
        {draft.attendees.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('industrialCluster.form.noAttendees')}
          </Text>
        ) : null}
        {draft.attendees.map((a, i) => (
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              label={t('industrialCluster.form.attendeeName', { n: i + 1 })}
              maxLength={200}
              value={a.name}
              onChange={(e) => setAttendee(i, { name: e.currentTarget.value })}
              error={fieldError(`body.attendees.${i}.name`)}
              style={{ flex: 1 }}
            />
            <TextInput
              label={t('industrialCluster.form.attendeeOrganization', { n: i + 1 })}
              maxLength={300}
              value={a.organization}
              onChange={(e) => setAttendee(i, { organization: e.currentTarget.value })}
              error={fieldError(`body.attendees.${i}.organization`)}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={t('industrialCluster.form.removeAttendee', { n: i + 1 })}
              onClick={() =>
                set(
                  'attendees',
                  draft.attendees.filter((_, j) => j !== i),
                )
              }
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            set('attendees', [...draft.attendees, { personId: null, name: '', organization: '' }])
          }
        >
          {t('industrialCluster.form.addAttendee')}
        </Button>
        {fieldError('body.attendees') &&
        !draft.attendees.some((_, i) => fieldError(`body.attendees.${i}`)) ? (
          <Text size="xs" c="red">
            {fieldError('body.attendees')}
          </Text>
        ) : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('industrialCluster.minutesJa')}
          autosize
          minRows={3}
          maxLength={20_000}
          value={draft.minutesJa}
          onChange={(e) => set('minutesJa', e.currentTarget.value)}
          error={fieldError('body.minutes.ja')}
        />
        <Textarea
          label={t('industrialCluster.minutesEn')}
          autosize
          minRows={3}
          maxLength={20_000}
          value={draft.minutesEn}
          onChange={(e) => set('minutesEn', e.currentTarget.value)}
          error={fieldError('body.minutes.en')}
        />
      </SimpleGrid>
    </Stack>
  );
}

interface MeetingFormModalProps {
  committeeId: number;
  /** The meeting to edit; a new one when absent. */
  meeting?: Meeting;
  onClose: () => void;
}

/** A manager records a meeting of the committee, or edits one at the version read. */
export function MeetingFormModal({ committeeId, meeting, onClose }: MeetingFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateMeeting(committeeId);
  const update = useUpdateMeeting(committeeId);
  const mutation = meeting ? update : create;
  const [draft, setDraft] = useState(() => meetingDraft(meeting));
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const fieldError = useFormErrors(mutation.error, localErrors);
  const close = () => {
    mutation.reset();
    onClose();
  };
  const submit = () => {
    mutation.reset();
    const own = meetingDraftErrors(draft);
    if (meeting) {
      const checked = checkBody(UpdateMeetingBody, updateMeetingInput(draft, meeting), locale, own);
      if (!checked.success) return setLocalErrors(checked.errors);
      setLocalErrors({});
      update.mutate({ id: meeting.id, body: checked.data }, { onSuccess: close });
    } else {
      const checked = checkBody(CreateMeetingBody, createMeetingInput(draft), locale, own);
      if (!checked.success) return setLocalErrors(checked.errors);
      setLocalErrors({});
      create.mutate(checked.data, { onSuccess: close });
    }
  };
  return (
    <Modal
      opened
      onClose={close}
      title={meeting ? t('industrialCluster.form.editMeeting') : t('industrialCluster.form.newMeeting')}
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
          <MeetingFields draft={draft} onChange={setDraft} fieldError={fieldError} />
          <FormProblem error={mutation.error} fields={MEETING_FIELDS} />
          <FormActions
            onCancel={close}
            loading={mutation.isPending}
            submitLabel={meeting ? t('common.save') : t('industrialCluster.form.createMeeting')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
