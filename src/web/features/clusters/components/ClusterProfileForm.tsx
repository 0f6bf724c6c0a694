import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterDetail } from '../../../../contracts/clusters';
import type { OrganizationRef } from '../../../../contracts/organizations';
import type { ReferenceResponse } from '../../../../contracts/reference';
import { OrganizationSelect } from '../../../components/EntitySelect';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import type { FieldErrorMap } from '../../../lib/form-errors';
import { useLocalize } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';
import { useFieldErrors } from '../../../lib/use-validation-message';
import type { OrganizationCreator } from './creators';
import { hasChanges } from './profile-body';

export interface ProfileValues {
  key: string;
  name: { ja: string; en: string };
  theme: { ja: string; en: string };
  summary: { ja: string; en: string };
  keyField: string | null;
  prefectureCodes: string[];
  startFy: number | null;
  endFy: number | null;
  status: string | null;
  isPublished: boolean;
  coreOrganization: OrganizationRef | null;
  source: string;
  confidence: string;
}

export function profileValuesOf(cluster: ClusterDetail | null): ProfileValues {
  return {
    key: cluster?.key ?? '',
    name: { ja: cluster?.name.ja ?? '', en: cluster?.name.en ?? '' },
    theme: { ja: cluster?.theme.ja ?? '', en: cluster?.theme.en ?? '' },
    summary: { ja: cluster?.summary.ja ?? '', en: cluster?.summary.en ?? '' },
    keyField: cluster?.keyField ?? null,
    prefectureCodes: cluster?.prefectures.map((p) => p.code) ?? [],
    startFy: cluster?.startFy ?? null,
    endFy: cluster?.endFy ?? null,
    status: cluster?.status ?? 'full',
    isPublished: cluster?.isPublished ?? false,
    coreOrganization: cluster?.coreOrganization ?? null,
    source: cluster?.source ?? '',
    confidence: cluster?.confidence ?? '',
  };
}

interface Props {
  mode: 'create' | 'edit';
  initial: ProfileValues;
  reference: ReferenceResponse;
  errors: FieldErrorMap;
  busy: boolean;
  onSubmit: (values: ProfileValues) => void;
  onCancel: () => void;
  /** Shown above the buttons (e.g. a version-conflict message). */
  notice?: ReactNode;
  OrganizationCreator?: OrganizationCreator;
  /** Told whether the form differs from `initial`. */
  onDirtyChange?: (dirty: boolean) => void;
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="fieldset" style={{ minWidth: 0 }}>
      <Title order={2} size="h4" component="legend" px={4}>
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/** The cluster profile fields, shared by the create and edit pages. */
export function ClusterProfileForm({
  mode,
  initial,
  reference,
  errors,
  busy,
  onSubmit,
  onCancel,
  notice,
  OrganizationCreator,
  onDirtyChange,
}: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const codeLabel = useCodeLabel();
  const error = useFieldErrors(errors);
  const [values, setValues] = useState<ProfileValues>(initial);
  const set = <K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  useEffect(() => {
    onDirtyChange?.(hasChanges(values, initial));
  }, [values, initial, onDirtyChange]);

  const prefectureData = useMemo(
    () =>
      reference.regions.map((region) => ({
        group: localize(region.label),
        items: reference.prefectures
          .filter((p) => p.region === region.key)
          .map((p) => ({ value: p.code, label: localize(p.name) })),
      })),
    [reference, localize],
  );
  const keyFieldData = reference.keyFields.map((k) => ({ value: k.key, label: localize(k.name) }));
  const statusData = reference.clusterStatuses.map((s) => ({
    value: s,
    label: codeLabel('clusterStatus', s),
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  const nameGroupError = errors['body.name'] ? error('body.name') : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormSection title={t('clusterEdit.sections.names')}>
          {mode === 'create' ? (
            <TextInput
              label={t('clusterEdit.fields.key')}
              description={t('clusterEdit.fields.keyHelp')}
              required
              value={values.key}
              onChange={(e) => set('key', e.currentTarget.value)}
              error={error('body.key')}
              autoComplete="off"
              maw={320}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              label={t('clusterEdit.fields.nameJa')}
              lang="ja"
              value={values.name.ja}
              onChange={(e) => set('name', { ...values.name, ja: e.currentTarget.value })}
              error={error('body.name.ja') ?? nameGroupError}
            />
            <TextInput
              label={t('clusterEdit.fields.nameEn')}
              lang="en"
              value={values.name.en}
              onChange={(e) => set('name', { ...values.name, en: e.currentTarget.value })}
              error={error('body.name.en')}
            />
            <TextInput
              label={t('clusterEdit.fields.themeJa')}
              lang="ja"
              value={values.theme.ja}
              onChange={(e) => set('theme', { ...values.theme, ja: e.currentTarget.value })}
              error={error('body.theme.ja')}
            />
            <TextInput
              label={t('clusterEdit.fields.themeEn')}
              lang="en"
              value={values.theme.en}
              onChange={(e) => set('theme', { ...values.theme, en: e.currentTarget.value })}
              error={error('body.theme.en')}
            />
            <Textarea
              label={t('clusterEdit.fields.summaryJa')}
              lang="ja"
              autosize
              minRows={3}
              value={values.summary.ja}
              onChange={(e) => set('summary', { ...values.summary, ja: e.currentTarget.value })}
              error={error('body.summary.ja')}
            />
            <Textarea
              label={t('clusterEdit.fields.summaryEn')}
              lang="en"
              autosize
              minRows={3}
              value={values.summary.en}
              onChange={(e) => set('summary', { ...values.summary, en: e.currentTarget.value })}
              error={error('body.summary.en')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('clusterEdit.nameHelp')}
          </Text>
        </FormSection>

        <FormSection title={t('clusterEdit.sections.classification')}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Select
              label={t('clusters.fields.keyField')}
              required
              data={keyFieldData}
              value={values.keyField}
              onChange={(v) => set('keyField', v)}
              error={error('body.keyField')}
              allowDeselect={false}
            />
            <MultiSelect
              label={t('clusters.fields.prefectures')}
              required
              searchable
              data={prefectureData}
              value={values.prefectureCodes}
              onChange={(v) => set('prefectureCodes', v)}
              error={error('body.prefectureCodes')}
              placeholder={values.prefectureCodes.length === 0 ? t('common.choose') : undefined}
            />
            <FiscalYearSelect
              label={t('clusters.fields.startFy')}
              required
              value={values.startFy}
              onChange={(fy) => set('startFy', fy)}
              error={error('body.startFy')}
            />
            <FiscalYearSelect
              label={t('clusters.fields.endFy')}
              required={mode === 'edit'}
              clearable={mode === 'create'}
              description={mode === 'create' ? t('clusterEdit.fields.endFyHelp') : undefined}
              value={values.endFy}
              onChange={(fy) => set('endFy', fy)}
              error={error('body.endFy')}
            />
            <Select
              label={t('clusters.fields.status')}
              required
              data={statusData}
              value={values.status}
              onChange={(v) => set('status', v)}
              error={error('body.status')}
              allowDeselect={false}
            />
            <Switch
              mt={{ base: 0, md: 'xl' }}
              label={t('clusterEdit.fields.isPublished')}
              description={t('clusterEdit.fields.isPublishedHelp')}
              checked={values.isPublished}
              onChange={(e) => set('isPublished', e.currentTarget.checked)}
              error={error('body.isPublished')}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('clusters.fields.coreOrganization')}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <div style={{ flex: '1 1 20rem' }}>
              <OrganizationSelect
                label={t('clusters.fields.coreOrganization')}
                description={t('clusterEdit.fields.coreOrganizationHelp')}
                value={values.coreOrganization?.id ?? null}
                selected={values.coreOrganization}
                onChange={(id, org) =>
                  set(
                    'coreOrganization',
                    id === null
                      ? null
                      : org
                        ? { id: org.id, kind: org.kind, name: org.name }
                        : values.coreOrganization,
                  )
                }
                error={error('body.coreOrganizationId')}
                clearable
              />
            </div>
            {OrganizationCreator ? (
              <OrganizationCreator onCreated={(org) => set('coreOrganization', org)} />
            ) : null}
          </Group>
        </FormSection>

        <FormSection title={t('clusterEdit.sections.sources')}>
          <TextInput
            label={t('source.label')}
            description={t('clusterEdit.fields.sourceHelp')}
            required
            value={values.source}
            onChange={(e) => set('source', e.currentTarget.value)}
            error={error('body.source')}
          />
          <TextInput
            label={t('source.confidence')}
            description={t('clusterEdit.fields.confidenceHelp')}
            value={values.confidence}
            onChange={(e) => set('confidence', e.currentTarget.value)}
            error={error('body.confidence')}
          />
        </FormSection>

        {notice}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {mode === 'create' ? t('clusterEdit.createSubmit') : t('clusterEdit.saveSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
