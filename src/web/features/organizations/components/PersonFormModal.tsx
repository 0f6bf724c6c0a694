import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationRef } from '../../../../contracts/organizations';
import { CreatePersonBody, UpdatePersonBody, type PersonResponse } from '../../../../contracts/people';
import { OrganizationSelect } from '../../../components/EntitySelect';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useCreatePerson, useUpdatePerson } from '../api/directory-api';

interface Values {
  nameJa: string;
  nameEn: string;
  organization: OrganizationRef | null;
  titleJa: string;
  titleEn: string;
  email: string;
  source: string;
}

function valuesOf(person: PersonResponse | null): Values {
  return {
    nameJa: person?.name.ja ?? '',
    nameEn: person?.name.en ?? '',
    organization: person?.organization ?? null,
    titleJa: person?.title.ja ?? '',
    titleEn: person?.title.en ?? '',
    email: person?.email ?? '',
    source: person?.source ?? '',
  };
}

function bodyOf(values: Values, includeEmail: boolean) {
  const body: Record<string, unknown> = {
    name: { ja: values.nameJa.trim(), en: values.nameEn.trim() },
    organizationId: values.organization?.id ?? null,
    title: { ja: values.titleJa.trim(), en: values.titleEn.trim() },
    source: values.source.trim(),
  };
  if (includeEmail) body['email'] = values.email.trim() === '' ? null : values.email.trim();
  return body;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  person: PersonResponse | null;
  onSaved?: (person: PersonResponse) => void;
}

/** Register a person (researcher, coordinator, director…) or correct their details. */
export function PersonFormModal({ opened, onClose, person, onSaved }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const message = useErrorMessage();
  const [values, setValues] = useState<Values>(() => valuesOf(person));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const error = useFieldErrors(errors);
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  // The API hides e-mail addresses from roles that may not contact people; never overwrite one we cannot see.
  const emailVisible = person === null || person.email !== null;

  const mutation = person ? update : create;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const onError = (e: unknown) => setErrors(apiFieldErrors(e));
    const onSuccess = (saved: PersonResponse) => {
      onSaved?.(saved);
      onClose();
    };
    if (person) {
      const body = bodyOf(values, emailVisible || values.email.trim() !== '');
      const initial = bodyOf(valuesOf(person), true);
      const changed: Record<string, unknown> = { version: person.version };
      for (const [field, value] of Object.entries(body)) {
        if (JSON.stringify(value) !== JSON.stringify(initial[field])) changed[field] = value;
      }
      const parsed = validateBody(UpdatePersonBody, changed, locale);
      if (!parsed.success) return setErrors(parsed.errors);
      setErrors({});
      update.mutate({ id: person.id, body: parsed.data }, { onSuccess, onError });
    } else {
      const parsed = validateBody(CreatePersonBody, bodyOf(values, true), locale);
      if (!parsed.success) return setErrors(parsed.errors);
      setErrors({});
      create.mutate(parsed.data, { onSuccess, onError });
    }
  };

  const conflict = isApiError(mutation.error) && mutation.error.code === 'VERSION_CONFLICT';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={person ? t('people.editTitle', { name: localize(person.name) }) : t('people.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.error && Object.keys(errors).length === 0 ? (
            <Alert color={conflict ? 'amber' : 'red'} variant="light" role="alert">
              {conflict ? t('organizations.conflict') : message(mutation.error)}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('people.fields.nameJa')}
              lang="ja"
              value={values.nameJa}
              onChange={(e) => set('nameJa', e.currentTarget.value)}
              error={error('body.name.ja') ?? (errors['body.name'] ? error('body.name') : undefined)}
            />
            <TextInput
              label={t('people.fields.nameEn')}
              lang="en"
              value={values.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
              error={error('body.name.en')}
            />
          </SimpleGrid>
          <OrganizationSelect
            label={t('people.fields.organization')}
            value={values.organization?.id ?? null}
            selected={values.organization}
            onChange={(id, org) =>
              set(
                'organization',
                id === null
                  ? null
                  : org
                    ? { id: org.id, kind: org.kind, name: org.name }
                    : values.organization,
              )
            }
            error={error('body.organizationId')}
            clearable
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('people.fields.titleJa')}
              lang="ja"
              value={values.titleJa}
              onChange={(e) => set('titleJa', e.currentTarget.value)}
              error={error('body.title.ja')}
            />
            <TextInput
              label={t('people.fields.titleEn')}
              lang="en"
              value={values.titleEn}
              onChange={(e) => set('titleEn', e.currentTarget.value)}
              error={error('body.title.en')}
            />
          </SimpleGrid>
          {emailVisible ? (
            <TextInput
              label={t('people.fields.email')}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={error('body.email')}
            />
          ) : null}
          <TextInput
            label={t('source.label')}
            description={t('organizations.fields.sourceHelp')}
            required
            value={values.source}
            onChange={(e) => set('source', e.currentTarget.value)}
            error={error('body.source')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {person ? t('common.save') : t('people.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
