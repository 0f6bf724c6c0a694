import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CreateEventBody,
  EVENT_KINDS,
  type EventDetail,
  type EventKind,
  UpdateEventBody,
} from '../../../../contracts/industrial-cluster';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import {
  useClusterChoices,
  useCreateEvent,
  useProjects,
  useUpdateEvent,
} from '../api/industrial-cluster-api';
import {
  checkBody,
  type FieldErrorOf,
  FormActions,
  FormProblem,
  numberOrNull,
  requiredErrors,
  useFormErrors,
} from './form-kit';

export interface SessionDraft {
  time: string;
  title: string;
  speaker: string;
}

export interface EventDraft {
  kind: EventKind | null;
  titleJa: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  place: string;
  capacity: number | null;
  /** As a datetime-local input holds it (the reader's time zone), or ''. */
  registrationDeadline: string;
  programme: SessionDraft[];
  projects: string[];
  clusters: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local input shows it, in the reader's time zone. */
export function toLocalDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an instant with its offset (UTC), null when empty; unreadable text stays for the contract to refuse. */
export function fromLocalDateTime(value: string): string | null {
  if (value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export function eventDraft(event?: EventDetail): EventDraft {
  return {
    kind: event?.kind ?? null,
    titleJa: event?.title.ja ?? '',
    titleEn: event?.title.en ?? '',
    startsOn: event?.startsOn ?? '',
    endsOn: event && event.endsOn !== event.startsOn ? event.endsOn : '',
    place: event?.place ?? '',
    capacity: event?.capacity ?? null,
    registrationDeadline: toLocalDateTime(event?.registrationDeadline ?? null),
    programme: (event?.programme ?? []).map((s) => ({ ...s })),
    projects: (event?.projects ?? []).map((p) => p.key),
    clusters: (event?.clusters ?? []).map((c) => c.key),
  };
}

export const EVENT_FIELDS = [
  'body.kind',
  'body.title',
  'body.startsOn',
  'body.endsOn',
  'body.place',
  'body.capacity',
  'body.registrationDeadline',
  'body.programme',
  'body.projects',
  'body.clusters',
] as const;

/** Sessions left wholly empty are dropped rather than refused. */
function sessionsOf(draft: EventDraft): SessionDraft[] {
  return draft.programme.filter(
    (s) => s.time.trim() !== '' || s.title.trim() !== '' || s.speaker.trim() !== '',
  );
}

/** The form's own checks: required fields, and an end not before the start. */
export function eventDraftErrors(draft: EventDraft, endBeforeStart: string): FieldErrorMap {
  const errors = requiredErrors({
    'body.kind': draft.kind === null,
    'body.startsOn': draft.startsOn === '',
    'body.place': draft.place.trim() === '',
  });
  if (draft.startsOn !== '' && draft.endsOn !== '' && draft.endsOn < draft.startsOn)
    errors['body.endsOn'] = endBeforeStart;
  return errors;
}

export function createEventInput(draft: EventDraft) {
  return {
    kind: draft.kind ?? '',
    title: { ja: draft.titleJa, en: draft.titleEn },
    startsOn: draft.startsOn,
    endsOn: draft.endsOn === '' ? null : draft.endsOn,
    place: draft.place,
    programme: sessionsOf(draft),
    capacity: draft.capacity,
    registrationDeadline: fromLocalDateTime(draft.registrationDeadline),
    projects: draft.projects,
    clusters: draft.clusters,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Only what changed, at the version read. */
export function updateEventInput(draft: EventDraft, event: EventDetail): UpdateEventBody {
  const before = eventDraft(event);
  const body: UpdateEventBody = { version: event.version };
  if (draft.kind !== null && draft.kind !== event.kind) body.kind = draft.kind;
  if (draft.titleJa !== before.titleJa || draft.titleEn !== before.titleEn)
    body.title = { ja: draft.titleJa, en: draft.titleEn };
  if (draft.startsOn !== before.startsOn) body.startsOn = draft.startsOn;
  if (draft.endsOn !== before.endsOn) body.endsOn = draft.endsOn === '' ? null : draft.endsOn;
  if (draft.place !== before.place) body.place = draft.place;
  if (draft.capacity !== before.capacity) body.capacity = draft.capacity;
  if (draft.registrationDeadline !== before.registrationDeadline)
    body.registrationDeadline = fromLocalDateTime(draft.registrationDeadline);
  const sessions = sessionsOf(draft);
  if (JSON.stringify(sessions) !== JSON.stringify(before.programme)) body.programme = sessions;
  if (!sameSet(draft.projects, before.projects)) body.projects = draft.projects;
  if (!sameSet(draft.clusters, before.clusters)) body.clusters = draft.clusters;
  return body;
}

interface Choice {
  value: string;
  label: string;
}

interface EventFieldsProps {
  draft: EventDraft;
  onChange: (draft: EventDraft) => void;
  fieldError: FieldErrorOf;
  projectChoices: Choice[];
  clusterChoices: Choice[];
}

/** Kind, title (ja/en), dates, place, capacity, deadline, the programme's sessions, linked projects and clusters. */
export function EventFields({
  draft,
  onChange,
  fieldError,
  projectChoices,
  clusterChoices,
}: EventFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof EventDraft>(k: K, v: EventDraft[K]) => onChange({ ...draft, [k]: v });
  const setSession = (i: number, patch: Partial<SessionDraft>) =>
    set(
      'programme',
      draft.programme.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    );
  const sessionsHaveErrors = draft.programme.some((_, i) => fieldError(`body.programme.${i}`));
  return (
    <Stack gap="sm">
      <Select
        label={t('industrialCluster.form.kind')}
        required
        data={EVENT_KINDS.map((k) => ({ value: k, label: t(`industrialCluster.eventKind.${k}`) }))}
        value={draft.kind}
        onChange={(v) => set('kind', v)}
        error={fieldError('body.kind')}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('industrialCluster.form.titleJa')}
          maxLength={300}
          value={draft.titleJa}
          onChange={(e) => set('titleJa', e.currentTarget.value)}
          error={fieldError('body.title.ja') ?? fieldError('body.title')}
        />
        <TextInput
          label={t('industrialCluster.form.titleEn')}
          maxLength={300}
          value={draft.titleEn}
          onChange={(e) => set('titleEn', e.currentTarget.value)}
          error={fieldError('body.title.en')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t('industrialCluster.form.startsOn')}
          required
          value={draft.startsOn}
          onChange={(e) => set('startsOn', e.currentTarget.value)}
          error={fieldError('body.startsOn')}
        />
        <TextInput
          type="date"
          label={t('industrialCluster.form.endsOn')}
          description={t('industrialCluster.form.endsOnHint')}
          value={draft.endsOn}
          onChange={(e) => set('endsOn', e.currentTarget.value)}
          error={fieldError('body.endsOn')}
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
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('industrialCluster.form.capacity')}
          description={t('industrialCluster.form.capacityHint')}
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          value={draft.capacity ?? ''}
          onChange={(v) => set('capacity', numberOrNull(v))}
          error={fieldError('body.capacity')}
        />
        <TextInput
          type="datetime-local"
          label={t('industrialCluster.form.registrationDeadline')}
          description={t('industrialCluster.form.deadlineHint')}
          value={draft.registrationDeadline}
          onChange={(e) => set('registrationDeadline', e.currentTarget.value)}
          error={fieldError('body.registrationDeadline')}
        />
      </SimpleGrid>
      <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" size="sm" fw={500}>
          {t('industrialCluster.programme')}
        </Text>
        {draft.programme.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('industrialCluster.form.noSessions')}
          </Text>
        ) : null}
        {draft.programme.map((s, i) => (
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              label={t('industrialCluster.form.sessionTime', { n: i + 1 })}
              placeholder="13:00–14:30"
              maxLength={40}
              value={s.time}
              onChange={(e) => setSession(i, { time: e.currentTarget.value })}
              error={fieldError(`body.programme.${i}.time`)}
              w={130}
            />
            <TextInput
              label={t('industrialCluster.form.sessionTitle', { n: i + 1 })}
              required
              maxLength={300}
              value={s.title}
              onChange={(e) => setSession(i, { title: e.currentTarget.value })}
              error={fieldError(`body.programme.${i}.title`)}
              style={{ flex: 2 }}
            />
            <TextInput
              label={t('industrialCluster.form.sessionSpeaker', { n: i + 1 })}
              maxLength={300}
              value={s.speaker}
              onChange={(e) => setSession(i, { speaker: e.currentTarget.value })}
              error={fieldError(`body.programme.${i}.speaker`)}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={t('industrialCluster.form.removeSession', { n: i + 1 })}
              onClick={() =>
                set(
                  'programme',
                  draft.programme.filter((_, j) => j !== i),
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
          onClick={() => set('programme', [...draft.programme, { time: '', title: '', speaker: '' }])}
        >
          {t('industrialCluster.form.addSession')}
        </Button>
        {fieldError('body.programme') && !sessionsHaveErrors ? (
          <Text size="xs" c="red">
            {fieldError('body.programme')}
          </Text>
        ) : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('industrialCluster.form.eventProjects')}
          searchable
          clearable
          data={projectChoices}
          value={draft.projects}
          onChange={(v) => set('projects', v)}
          error={fieldError('body.projects')}
        />
        <MultiSelect
          label={t('industrialCluster.form.eventClusters')}
          searchable
          clearable
          data={clusterChoices}
          value={draft.clusters}
          onChange={(v) => set('clusters', v)}
          error={fieldError('body.clusters')}
        />
      </SimpleGrid>
    </Stack>
  );
}

interface EventFormModalProps {
  /** The event to edit; a new one when absent. */
  event?: EventDetail;
  onClose: () => void;
}

/** A manager adds an event (then opens it) or edits one at the version read; only what changed is sent. */
export function EventFormModal({ event, onClose }: EventFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const navigate = useNavigate();
  const projects = useProjects(null);
  const clusters = useClusterChoices();
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? 0);
  const mutation = event ? update : create;
  const [draft, setDraft] = useState(() => eventDraft(event));
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const fieldError = useFormErrors(mutation.error, localErrors);

  const projectChoices = new Map<string, string>();
  for (const p of event?.projects ?? []) projectChoices.set(p.key, localize(p.name));
  for (const p of projects.data?.items ?? []) projectChoices.set(p.key, localize(p.name));
  const clusterChoices = new Map<string, string>();
  for (const c of event?.clusters ?? []) clusterChoices.set(c.key, localize(c.name));
  for (const c of clusters.data?.items ?? []) clusterChoices.set(c.key, localize(c.name));

  const close = () => {
    mutation.reset();
    onClose();
  };
  const submit = () => {
    mutation.reset();
    const own = eventDraftErrors(draft, t('industrialCluster.form.endBeforeStartDate'));
    if (event) {
      const checked = checkBody(UpdateEventBody, updateEventInput(draft, event), locale, own);
      if (!checked.success) return setLocalErrors(checked.errors);
      setLocalErrors({});
      update.mutate(checked.data, { onSuccess: close });
    } else {
      const checked = checkBody(CreateEventBody, createEventInput(draft), locale, own);
      if (!checked.success) return setLocalErrors(checked.errors);
      setLocalErrors({});
      create.mutate(checked.data, {
        onSuccess: (created) => {
          close();
          void navigate(`/events/${created.id}`);
        },
      });
    }
  };
  return (
    <Modal
      opened
      onClose={close}
      title={event ? t('industrialCluster.form.editEvent') : t('industrialCluster.form.newEvent')}
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
          <EventFields
            draft={draft}
            onChange={setDraft}
            fieldError={fieldError}
            projectChoices={[...projectChoices].map(([value, label]) => ({ value, label }))}
            clusterChoices={[...clusterChoices].map(([value, label]) => ({ value, label }))}
          />
          <FormProblem error={mutation.error} fields={EVENT_FIELDS} />
          <FormActions
            onCancel={close}
            loading={mutation.isPending}
            submitLabel={event ? t('common.save') : t('industrialCluster.form.createEvent')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
