import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateOrganizationBody,
  UpdateOrganizationBody,
  type OrganizationResponse,
} from '../../../../contracts/organizations';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useCodeOptions } from '../../../lib/labels';
import { useReference } from '../../../lib/reference';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useCreateOrganization, useUpdateOrganization } from '../api/directory-api';

interface Values {
  kind: string | null;
  nameJa: string;
  nameEn: string;
  prefectureCode: string | null;
  url: string;
  source: string;
}

function valuesOf(org: OrganizationResponse | null): Values {
  return {
    kind: org?.kind ?? null,
    nameJa: org?.name.ja ?? '',
    nameEn: org?.name.en ?? '',
    prefectureCode: org?.prefecture?.code ?? null,
    url: org?.url ?? '',
    source: org?.source ?? '',
  };
}

function bodyOf(values: Values) {
  return {
    kind: values.kind,
    name: { ja: values.nameJa.trim(), en: values.nameEn.trim() },
    prefectureCode: values.prefectureCode,
    url: values.url.trim() === '' ? null : values.url.trim(),
    source: values.source.trim(),
  };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The organization to edit; null to register a new one. */
  organization: OrganizationResponse | null;
  onSaved?: (organization: OrganizationResponse) => void;
}

/** Register an organization or correct its details. */
export function OrganizationFormModal({ opened, onClose, organization, onSaved }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const codeOptions = useCodeOptions();
  const reference = useReference();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const message = useErrorMessage();
  const [values, setValues] = useState<Values>(() => valuesOf(organization));
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const error = useFieldErrors(errors);
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [field]: value }));

  const prefectureData = useMemo(
    () =>
      (reference.data?.regions ?? []).map((region) => ({
        group: localize(region.label),
        items: (reference.data?.prefectures ?? [])
          .filter((p) => p.region === region.key)
          .map((p) => ({ value: p.code, label: localize(p.name) })),
      })),
    [reference.data, localize],
  );

  const mutation = organization ? update : create;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(values);
    const onError = (e: unknown) => setErrors(apiFieldErrors(e));
    const onSuccess = (saved: OrganizationResponse) => {
      onSaved?.(saved);
      onClose();
    };
    if (organization) {
      const initial = bodyOf(valuesOf(organization));
      const changed: Record<string, unknown> = { version: organization.version };
      for (const field of Object.keys(body) as (keyof typeof body)[]) {
        if (JSON.stringify(body[field]) !== JSON.stringify(initial[field])) changed[field] = body[field];
      }
      const parsed = validateBody(UpdateOrganizationBody, changed, locale);
      if (!parsed.success) return setErrors(parsed.errors);
      setErrors({});
      update.mutate({ id: organization.id, body: parsed.data }, { onSuccess, onError });
    } else {
      const parsed = validateBody(CreateOrganizationBody, body, locale);
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
      title={
        organization
          ? t('organizations.editTitle', { name: localize(organization.name) })
          : t('organizations.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.error && Object.keys(errors).length === 0 ? (
            <Alert color={conflict ? 'amber' : 'red'} variant="light" role="alert">
              {conflict ? t('organizations.conflict') : message(mutation.error)}
            </Alert>
          ) : null}
          <Select
            label={t('organizations.fields.kind')}
            required
            data={codeOptions('organizationKind', reference.data?.organizationKinds ?? [])}
            value={values.kind}
            onChange={(v) => set('kind', v)}
            error={error('body.kind')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('organizations.fields.nameJa')}
              lang="ja"
              value={values.nameJa}
              onChange={(e) => set('nameJa', e.currentTarget.value)}
              error={error('body.name.ja') ?? (errors['body.name'] ? error('body.name') : undefined)}
            />
            <TextInput
              label={t('organizations.fields.nameEn')}
              lang="en"
              value={values.nameEn}
              onChange={(e) => set('nameEn', e.currentTarget.value)}
              error={error('body.name.en')}
            />
          </SimpleGrid>
          <Select
            label={t('organizations.fields.prefecture')}
            data={prefectureData}
            value={values.prefectureCode}
            onChange={(v) => set('prefectureCode', v)}
            error={error('body.prefectureCode')}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('organizations.fields.url')}
            type="url"
            placeholder="https://"
            value={values.url}
            onChange={(e) => set('url', e.currentTarget.value)}
            error={error('body.url')}
          />
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
              {organization ? t('common.save') : t('organizations.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
