import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CreateNeedBody,
  MAX_LISTING_TEXT,
  MAX_LISTING_TITLE,
  type Need,
  UpdateNeedBody,
} from '../../../../contracts/seeds-needs';
import { KEY_FIELD_KEYS } from '../../../../domain/key-fields';
import { OrganizationSelect } from '../../../components/EntitySelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useCodeOptions } from '../../../lib/labels';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useCreateNeed, useOrganizationsById, useUpdateNeed } from '../api/seeds-needs-api';
import { useListingScope } from './listing-scope';
import { PrefectureSelect } from './PrefectureSelect';

interface NeedFormModalProps {
  /** The need to edit; a new one when absent. */
  need?: Need;
  onClose: () => void;
}

/** A partner company's own organizations, to pick from (one is chosen already). */
function OwnOrganizationSelect({
  ids,
  value,
  onChange,
  error,
}: {
  ids: number[];
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const organizations = useOrganizationsById(ids);
  const data = ids.map((id, i) => ({
    value: String(id),
    label: organizations[i]?.data ? localize(organizations[i].data.name) : `#${id}`,
  }));
  return (
    <Select
      label={t('seedsNeeds.fields.company')}
      description={t('seedsNeeds.fields.companyOwnOnly')}
      required
      allowDeselect={false}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v === null ? null : Number(v))}
      error={error}
      data-autofocus
    />
  );
}

/** Creates a need (then opens it) or edits one (with its version). */
export function NeedFormModal({ need, onClose }: NeedFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const navigate = useNavigate();
  const codeOptions = useCodeOptions();
  const scope = useListingScope();
  const create = useCreateNeed();
  const update = useUpdateNeed(need?.id ?? 0);
  const mutation = need ? update : create;
  const ownOrganizations = scope.needOrganizations === 'all' ? null : scope.needOrganizations;

  const [organizationId, setOrganizationId] = useState<number | null>(
    ownOrganizations?.length === 1 ? ownOrganizations[0]! : null,
  );
  const [titleJa, setTitleJa] = useState(need?.title.ja ?? '');
  const [titleEn, setTitleEn] = useState(need?.title.en ?? '');
  const [descriptionJa, setDescriptionJa] = useState(need?.description.ja ?? '');
  const [descriptionEn, setDescriptionEn] = useState(need?.description.en ?? '');
  const [keyField, setKeyField] = useState<string | null>(need?.keyField ?? null);
  const [prefectureCode, setPrefectureCode] = useState<string | null>(need?.prefectureCode ?? null);
  const [wantedBy, setWantedBy] = useState(need?.wantedBy ?? '');
  const [confidential, setConfidential] = useState(need?.confidential ?? false);
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const fieldError = useFieldErrors({ ...apiFieldErrors(mutation.error), ...localErrors });

  const close = () => {
    mutation.reset();
    onClose();
  };
  const common = {
    title: { ja: titleJa, en: titleEn },
    description: { ja: descriptionJa, en: descriptionEn },
    keyField: keyField ?? '',
    prefectureCode,
    wantedBy: wantedBy === '' ? null : wantedBy,
    confidential,
  };
  const submit = () => {
    if (need) {
      // Confidentiality is sent only when changed here (disclosure has its own action).
      const { confidential: wanted, ...rest } = common;
      const body = wanted === need.confidential ? rest : common;
      const checked = validateBody(UpdateNeedBody, { ...body, version: need.version }, locale);
      if (!checked.success) {
        setLocalErrors(checked.errors);
        return;
      }
      setLocalErrors({});
      update.mutate(checked.data, { onSuccess: close });
    } else {
      const checked = validateBody(
        CreateNeedBody,
        { ...common, organizationId: organizationId ?? 0 },
        locale,
      );
      if (!checked.success) {
        setLocalErrors(checked.errors);
        return;
      }
      setLocalErrors({});
      create.mutate(checked.data, {
        onSuccess: (created) => {
          close();
          void navigate(`/needs/${created.id}`);
        },
      });
    }
  };
  const hasFieldErrors = Object.keys(apiFieldErrors(mutation.error)).length > 0;

  return (
    <Modal
      opened
      onClose={close}
      title={need ? t('seedsNeeds.needs.editTitle') : t('seedsNeeds.needs.newTitle')}
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
          {need ? (
            need.company ? (
              <Text size="sm">
                <Text span fw={600}>
                  {t('seedsNeeds.fields.company')}
                  {t('common.colon')}
                </Text>
                {localize(need.company.name)}
              </Text>
            ) : null
          ) : ownOrganizations ? (
            <OwnOrganizationSelect
              ids={ownOrganizations}
              value={organizationId}
              onChange={setOrganizationId}
              error={fieldError('body.organizationId')}
            />
          ) : (
            <OrganizationSelect
              label={t('seedsNeeds.fields.company')}
              required
              value={organizationId}
              onChange={(id) => setOrganizationId(id)}
              error={fieldError('body.organizationId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('seedsNeeds.fields.titleJa')}
              maxLength={MAX_LISTING_TITLE}
              value={titleJa}
              onChange={(e) => setTitleJa(e.currentTarget.value)}
              error={fieldError('body.title.ja') ?? fieldError('body.title')}
            />
            <TextInput
              label={t('seedsNeeds.fields.titleEn')}
              maxLength={MAX_LISTING_TITLE}
              value={titleEn}
              onChange={(e) => setTitleEn(e.currentTarget.value)}
              error={fieldError('body.title.en')}
            />
            <Textarea
              label={t('seedsNeeds.fields.descriptionJa')}
              autosize
              minRows={4}
              maxLength={MAX_LISTING_TEXT}
              value={descriptionJa}
              onChange={(e) => setDescriptionJa(e.currentTarget.value)}
              error={fieldError('body.description.ja') ?? fieldError('body.description')}
            />
            <Textarea
              label={t('seedsNeeds.fields.descriptionEn')}
              autosize
              minRows={4}
              maxLength={MAX_LISTING_TEXT}
              value={descriptionEn}
              onChange={(e) => setDescriptionEn(e.currentTarget.value)}
              error={fieldError('body.description.en')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('seedsNeeds.fields.textHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('seedsNeeds.fields.keyField')}
              required
              data={codeOptions('keyField', KEY_FIELD_KEYS)}
              value={keyField}
              onChange={setKeyField}
              error={fieldError('body.keyField')}
            />
            <PrefectureSelect
              label={t('seedsNeeds.fields.prefecture')}
              value={prefectureCode}
              onChange={setPrefectureCode}
              error={fieldError('body.prefectureCode')}
            />
            <TextInput
              type="date"
              label={t('seedsNeeds.fields.wantedBy')}
              value={wantedBy}
              onChange={(e) => setWantedBy(e.currentTarget.value)}
              error={fieldError('body.wantedBy')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('seedsNeeds.fields.prefectureHint')}
          </Text>
          <Switch
            label={t('seedsNeeds.fields.confidential')}
            description={t('seedsNeeds.fields.confidentialHint')}
            checked={confidential}
            onChange={(e) => setConfidential(e.currentTarget.checked)}
            // Disclosing is its own action on the need's page: it records the company's consent.
            disabled={need?.confidential === true}
            error={fieldError('body.confidential')}
          />
          {mutation.error && !hasFieldErrors ? <ErrorAlert error={mutation.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {need ? t('common.save') : t('seedsNeeds.needs.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
