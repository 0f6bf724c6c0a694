import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNDERS, RecordStepBody, type Match, type PipelineStep } from '../../../../contracts/matches';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { validateBody } from '../../../lib/validation';
import { useRecordStep, useStepOutcomeItems } from '../api/matches-api';

type Funder = (typeof FUNDERS)[number];

/** The kinds of outcome item each step may link (a product's sales are recorded against the product). */
const ITEM_KINDS: Partial<Record<PipelineStep, readonly string[]>> = {
  patent: ['patent'],
  product: ['product'],
  sales: ['product'],
};

function todayInJapan(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Records one of `match.nextSteps`, asking for what that step needs. */
export function RecordStepModal({ match, onClose }: { match: Match; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const record = useRecordStep(match.id);
  const today = todayInJapan();
  // Preselect only when there is no choice: after a meeting both another meeting and the agreement
  // are open, and a preselected one is easily recorded by mistake.
  const [step, setStep] = useState<PipelineStep | null>(
    match.nextSteps.length === 1 ? match.nextSteps[0]! : null,
  );
  const [occurredOn, setOccurredOn] = useState(today);
  const [notes, setNotes] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [partners, setPartners] = useState<string[]>([]);
  const [theme, setTheme] = useState('');
  const [budget, setBudget] = useState<number | string>('');
  const [funder, setFunder] = useState<Funder>('mext');
  const [funderName, setFunderName] = useState('');
  const [salesYen, setSalesYen] = useState<number | string>('');
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [localErrors, setLocalErrors] = useState<FieldErrorMap>({});
  const kinds = step ? ITEM_KINDS[step] : undefined;
  const items = useStepOutcomeItems(match.seed.cluster.key, kinds !== undefined);
  const fieldError = useFieldErrors({ ...apiFieldErrors(record.error), ...localErrors });
  const kindLabel = (kind: string) =>
    String(t(`matchingPipeline.itemKind.${kind}` as never, { defaultValue: kind }));
  const itemOptions = (items.data?.items ?? [])
    .filter((i) => kinds?.includes(i.kind))
    .map((i) => ({ value: String(i.id), label: `${kindLabel(i.kind)}: ${i.title} (${i.fiscalYear})` }));

  const close = () => {
    record.reset();
    onClose();
  };
  const submit = () => {
    const body = {
      step: step ?? '',
      occurredOn,
      notes,
      version: match.version,
      ...(step === 'meeting' ? { attendees } : {}),
      ...(step === 'joint_research'
        ? {
            jointResearch: {
              partners,
              theme,
              budgetYen: typeof budget === 'number' ? budget : Number.NaN,
              funder,
              ...(funder === 'other' && funderName.trim() ? { funderName } : {}),
            },
          }
        : {}),
      ...(step === 'sales' ? { salesYen: typeof salesYen === 'number' ? salesYen : Number.NaN } : {}),
      ...(kinds ? { outcomeItemIds: itemIds.map(Number) } : {}),
    };
    const checked = validateBody(RecordStepBody, body, locale);
    if (!checked.success) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors({});
    record.mutate(checked.data, { onSuccess: close });
  };
  const hasFieldErrors = Object.keys(apiFieldErrors(record.error)).length > 0;

  return (
    <Modal opened onClose={close} title={t('matchingPipeline.record.title')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('matchingPipeline.record.step')}
              required
              allowDeselect={false}
              data={match.nextSteps.map((s) => ({ value: s, label: t(`matchingPipeline.stage.${s}`) }))}
              value={step}
              onChange={(v) => {
                setStep(v);
                setItemIds([]);
              }}
              error={fieldError('body.step')}
              data-autofocus
            />
            <TextInput
              type="date"
              label={t('matchingPipeline.record.occurredOn')}
              description={t('matchingPipeline.record.occurredOnHint')}
              required
              max={today}
              value={occurredOn}
              onChange={(e) => setOccurredOn(e.currentTarget.value)}
              error={fieldError('body.occurredOn')}
            />
          </SimpleGrid>
          {step === 'meeting' ? (
            <TagsInput
              label={t('matchingPipeline.record.attendees')}
              description={t('matchingPipeline.record.attendeesHint')}
              value={attendees}
              onChange={setAttendees}
              maxTags={50}
              error={fieldError('body.attendees')}
            />
          ) : null}
          {step === 'joint_research' ? (
            <>
              <TextInput
                label={t('matchingPipeline.record.theme')}
                required
                maxLength={300}
                value={theme}
                onChange={(e) => setTheme(e.currentTarget.value)}
                error={fieldError('body.jointResearch.theme')}
              />
              <TagsInput
                label={t('matchingPipeline.record.partners')}
                description={t('matchingPipeline.record.partnersHint')}
                required
                value={partners}
                onChange={setPartners}
                maxTags={30}
                error={fieldError('body.jointResearch.partners')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('matchingPipeline.record.budget')}
                  required
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  value={budget}
                  onChange={setBudget}
                  error={fieldError('body.jointResearch.budgetYen')}
                />
                <Select
                  label={t('matchingPipeline.record.funder')}
                  required
                  allowDeselect={false}
                  data={FUNDERS.map((v) => ({ value: v, label: t(`matchingPipeline.funder.${v}`) }))}
                  value={funder}
                  onChange={(v) => v && setFunder(v)}
                  error={fieldError('body.jointResearch.funder')}
                />
              </SimpleGrid>
              {funder === 'other' ? (
                <TextInput
                  label={t('matchingPipeline.record.funderName')}
                  required
                  description={t('matchingPipeline.record.funderNameHint')}
                  maxLength={200}
                  value={funderName}
                  onChange={(e) => setFunderName(e.currentTarget.value)}
                  error={fieldError('body.jointResearch.funderName')}
                />
              ) : null}
            </>
          ) : null}
          {step === 'sales' ? (
            <NumberInput
              label={t('matchingPipeline.record.salesYen')}
              required
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              value={salesYen}
              onChange={setSalesYen}
              error={fieldError('body.salesYen')}
            />
          ) : null}
          {kinds ? (
            <MultiSelect
              label={t('matchingPipeline.record.outcomeItems')}
              description={t('matchingPipeline.record.outcomeItemsHint')}
              searchable
              clearable
              data={itemOptions}
              value={itemIds}
              onChange={setItemIds}
              error={fieldError('body.outcomeItemIds')}
            />
          ) : null}
          {match.need.confidential ? (
            <Alert color="yellow" variant="light">
              {t('matchingPipeline.record.confidentialNote')}
            </Alert>
          ) : null}
          <Textarea
            label={t('matchingPipeline.record.notes')}
            autosize
            minRows={3}
            maxLength={10_000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={fieldError('body.notes')}
          />
          {record.error && !hasFieldErrors ? <ErrorAlert error={record.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('matchingPipeline.record.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
