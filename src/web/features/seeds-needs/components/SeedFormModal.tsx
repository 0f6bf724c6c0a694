import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CreateSeedBody,
  LICENSING_STATUSES,
  MAX_KEYWORDS,
  MAX_LISTING_TEXT,
  MAX_LISTING_TITLE,
  type LicensingStatus,
  type Seed,
  type SeedStage,
  UpdateSeedBody,
} from '../../../../contracts/seeds-needs';
import { KEY_FIELD_KEYS } from '../../../../domain/key-fields';
import { SEED_STAGES } from '../../../../domain/matching/matcher';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useCodeOptions } from '../../../lib/labels';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import {
  useClusterOutcomeItems,
  useCoordinators,
  useCreateSeed,
  useListingClusters,
  useUpdateSeed,
} from '../api/seeds-needs-api';
import { useListingScope } from './listing-scope';

/** Kinds of outcome item a seed links to: what the technology rests on. */
const SEED_ITEM_KINDS = new Set(['patent', 'paper']);

interface SeedFormModalProps {
  /** The seed to edit; a new one when absent. */
  seed?: Seed;
  onClose: () => void;
}

/** Creates a seed (then opens it) or edits one (with its version). */
export function SeedFormModal({ seed, onClose }: SeedFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const navigate = useNavigate();
  const codeOptions = useCodeOptions();
  const scope = useListingScope();
  const clusters = useListingClusters();
  const coordinators = useCoordinators();
  const create = useCreateSeed();
  const update = useUpdateSeed(seed?.id ?? 0);
  const mutation = seed ? update : create;

  const [clusterKey, setClusterKey] = useState<string | null>(seed?.cluster.key ?? null);
  const [titleJa, setTitleJa] = useState(seed?.title.ja ?? '');
  const [titleEn, setTitleEn] = useState(seed?.title.en ?? '');
  const [summaryJa, setSummaryJa] = useState(seed?.summary.ja ?? '');
  const [summaryEn, setSummaryEn] = useState(seed?.summary.en ?? '');
  const [keyField, setKeyField] = useState<string | null>(seed?.keyField ?? null);
  const [keywords, setKeywords] = useState<string[]>(seed?.keywords ?? []);
  const [stage, setStage] = useState<SeedStage | null>(seed?.stage ?? null);
  const [licensing, setLicensing] = useState<LicensingStatus>(seed?.licensingStatus ?? 'available');
  const [coordinator, setCoordinator] = useState<string | null>(
    seed?.coordinator ? String(seed.coordinator.accountId) : null,
  );
  const [itemIds, setItemIds] = useState<string[]>((seed?.outcomeItems ?? []).map((i) => String(i.id)));
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const items = useClusterOutcomeItems(clusterKey);
  const fieldError = useFieldErrors({ ...apiFieldErrors(mutation.error), ...localErrors });

  const clusterOptions = (clusters.data?.items ?? [])
    .filter((c) => scope.seedClusters === 'all' || scope.seedClusters.includes(c.id))
    .map((c) => ({ value: c.key, label: localize(c.name) }));
  const coordinatorOptions = [
    ...(coordinators.data?.items ?? []),
    ...(seed?.coordinator &&
    !coordinators.data?.items.some((c) => c.accountId === seed.coordinator!.accountId)
      ? [seed.coordinator]
      : []),
  ].map((c) => ({ value: String(c.accountId), label: c.displayName }));
  const kindLabel = (kind: string) =>
    String(t(`seedsNeeds.itemKind.${kind}` as never, { defaultValue: kind }));
  const itemOptions = new Map<string, string>();
  for (const i of seed?.outcomeItems ?? [])
    itemOptions.set(String(i.id), `${kindLabel(i.kind)}: ${i.title} (${i.fiscalYear})`);
  for (const i of items.data?.items ?? [])
    if (SEED_ITEM_KINDS.has(i.kind))
      itemOptions.set(String(i.id), `${kindLabel(i.kind)}: ${i.title} (${i.fiscalYear})`);

  const close = () => {
    mutation.reset();
    onClose();
  };
  const common = {
    title: { ja: titleJa, en: titleEn },
    summary: { ja: summaryJa, en: summaryEn },
    keyField: keyField ?? '',
    keywords,
    stage: stage ?? '',
    licensingStatus: licensing,
    outcomeItemIds: itemIds.map(Number),
    coordinatorAccountId: coordinator === null ? null : Number(coordinator),
  };
  const submit = () => {
    if (seed) {
      const checked = validateBody(UpdateSeedBody, { ...common, version: seed.version }, locale);
      if (!checked.success) return setLocalErrors(checked.errors);
      setLocalErrors({});
      update.mutate(checked.data, { onSuccess: close });
    } else {
      const checked = validateBody(CreateSeedBody, { ...common, clusterKey: clusterKey ?? '' }, locale);
      if (!checked.success) return setLocalErrors(checked.errors);
      setLocalErrors({});
      create.mutate(checked.data, {
        onSuccess: (created) => {
          close();
          void navigate(`/seeds/${created.id}`);
        },
      });
    }
  };
  const hasFieldErrors = Object.keys({ ...apiFieldErrors(mutation.error) }).length > 0;

  return (
    <Modal
      opened
      onClose={close}
      title={seed ? t('seedsNeeds.seeds.editTitle') : t('seedsNeeds.seeds.newTitle')}
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
          {seed ? (
            <Text size="sm">
              <Text span fw={600}>
                {t('seedsNeeds.fields.cluster')}
                {t('common.colon')}
              </Text>
              {localize(seed.cluster.name)}
            </Text>
          ) : (
            <Select
              label={t('seedsNeeds.fields.cluster')}
              description={scope.seedClusters === 'all' ? undefined : t('seedsNeeds.fields.clusterOwnOnly')}
              required
              searchable
              data={clusterOptions}
              value={clusterKey}
              onChange={(v) => {
                setClusterKey(v);
                setItemIds([]);
              }}
              error={fieldError('body.clusterKey')}
              data-autofocus
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
              label={t('seedsNeeds.fields.summaryJa')}
              autosize
              minRows={4}
              maxLength={MAX_LISTING_TEXT}
              value={summaryJa}
              onChange={(e) => setSummaryJa(e.currentTarget.value)}
              error={fieldError('body.summary.ja') ?? fieldError('body.summary')}
            />
            <Textarea
              label={t('seedsNeeds.fields.summaryEn')}
              autosize
              minRows={4}
              maxLength={MAX_LISTING_TEXT}
              value={summaryEn}
              onChange={(e) => setSummaryEn(e.currentTarget.value)}
              error={fieldError('body.summary.en')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('seedsNeeds.fields.textHint')}
          </Text>
          <TagsInput
            label={t('seedsNeeds.fields.keywords')}
            description={t('seedsNeeds.fields.keywordsHint', { max: MAX_KEYWORDS })}
            value={keywords}
            onChange={setKeywords}
            maxTags={MAX_KEYWORDS}
            splitChars={[',', '、']}
            clearable
            error={fieldError('body.keywords')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('seedsNeeds.fields.keyField')}
              required
              data={codeOptions('keyField', KEY_FIELD_KEYS)}
              value={keyField}
              onChange={setKeyField}
              error={fieldError('body.keyField')}
            />
            <Select
              label={t('seedsNeeds.fields.stage')}
              required
              data={SEED_STAGES.map((s) => ({ value: s, label: t(`seedsNeeds.stage.${s}`) }))}
              value={stage}
              onChange={(v) => setStage(v)}
              error={fieldError('body.stage')}
            />
            <Select
              label={t('seedsNeeds.fields.licensingStatus')}
              required
              allowDeselect={false}
              data={LICENSING_STATUSES.map((s) => ({ value: s, label: t(`seedsNeeds.licensing.${s}`) }))}
              value={licensing}
              onChange={(v) => v && setLicensing(v)}
              error={fieldError('body.licensingStatus')}
            />
          </SimpleGrid>
          <Select
            label={t('seedsNeeds.fields.coordinator')}
            placeholder={t('seedsNeeds.fields.noCoordinator')}
            clearable
            searchable
            data={coordinatorOptions}
            value={coordinator}
            onChange={setCoordinator}
            error={fieldError('body.coordinatorAccountId')}
          />
          <MultiSelect
            label={t('seedsNeeds.fields.outcomeItems')}
            description={
              !clusterKey
                ? t('seedsNeeds.fields.chooseClusterFirst')
                : items.isSuccess && itemOptions.size === 0
                  ? t('seedsNeeds.fields.noOutcomeItems')
                  : t('seedsNeeds.fields.outcomeItemsHint')
            }
            disabled={!clusterKey}
            searchable
            clearable
            data={[...itemOptions].map(([value, label]) => ({ value, label }))}
            value={itemIds}
            onChange={setItemIds}
            error={fieldError('body.outcomeItemIds')}
          />
          {mutation.error && !hasFieldErrors ? <ErrorAlert error={mutation.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {seed ? t('common.save') : t('seedsNeeds.seeds.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
