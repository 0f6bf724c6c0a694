import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../../contracts/selection-calls';
import type { CallCriteria, RequiredDocument } from '../../../../contracts/selection-common';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { useLocalize } from '../../../lib/format';
import { useCalls, useCreateCall, useCriteriaTemplate } from '../api/calls-api';
import { CriteriaEditor } from './CriteriaEditor';

/** A local datetime-local value `days` from now at 17:00. */
function localAt(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
}

const toIso = (local: string) => new Date(local).toISOString();

const DEFAULT_DOCUMENTS: RequiredDocument[] = [
  { key: 'plan', label: { ja: '知的クラスター構想（事業計画書）', en: 'Cluster plan' }, required: true },
  {
    key: 'support',
    label: { ja: '地方公共団体の支援表明書', en: 'Letter of support from the local government' },
    required: false,
  },
];

/** The officer's "new call" form, its criteria prefilled from the 2001 selection template. */
export function NewCallForm({ onCreated }: { onCreated: (call: CallDetail) => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const template = useCriteriaTemplate();
  const calls = useCalls();
  const create = useCreateCall();
  const [key, setKey] = useState('');
  const [titleJa, setTitleJa] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [fiscalYear, setFiscalYear] = useState<number>(2002);
  const [slots, setSlots] = useState<number>(12);
  const [perCluster, setPerCluster] = useState<number>(500_000_000);
  const [total, setTotal] = useState<number | ''>(6_000_000_000);
  const [submission, setSubmission] = useState(localAt(30));
  const [grace, setGrace] = useState<number>(0);
  const [review, setReview] = useState(localAt(60));
  const [decision, setDecision] = useState(localAt(90));
  const [scale, setScale] = useState({ min: 1, max: 5, step: 1 });
  const [aggregation, setAggregation] = useState<'mean' | 'median'>('mean');
  const [overall, setOverall] = useState<number | ''>('');
  const [criteria, setCriteria] = useState<CallCriteria>([]);
  const [tieBreak, setTieBreak] = useState<string[]>([]);
  const [maxRange, setMaxRange] = useState<number>(2);
  const [maxSd, setMaxSd] = useState<number>(1);
  const [documents, setDocuments] = useState<RequiredDocument[]>(DEFAULT_DOCUMENTS);
  const [perProposal, setPerProposal] = useState<number>(3);
  const [cap, setCap] = useState<number>(10);
  const [stage, setStage] = useState<'1' | '2'>('1');
  const [previous, setPrevious] = useState<string | null>(null);

  useEffect(() => {
    if (template.data && criteria.length === 0)
      setCriteria(
        template.data.groups
          .filter((g) => g.items.length > 0)
          .map((g) => ({
            key: g.key,
            label: g.label,
            items: g.items.map((i) => ({ key: i.key, label: i.label, weight: 1, threshold: null })),
          })),
      );
  }, [template.data, criteria.length]);

  const fieldError = (field: string) =>
    isApiError(create.error) ? create.error.fieldError(`body.${field}`) : undefined;
  const items = criteria.flatMap((g) => g.items);

  const submit = () =>
    create.mutate(
      {
        key,
        title: { ja: titleJa, en: titleEn },
        fiscalYear,
        slots,
        budgetPerClusterYen: perCluster,
        totalBudgetYen: total === '' ? null : total,
        submissionDeadline: toIso(submission),
        graceMinutes: grace,
        reviewDeadline: toIso(review),
        decisionDeadline: toIso(decision),
        criteria,
        scale,
        overallThreshold: overall === '' ? null : overall,
        aggregation,
        tieBreak: tieBreak.map((criterion) => ({ kind: 'criterion' as const, criterion })),
        disagreement: { maxRange, maxSd },
        requiredDocuments: documents,
        reviewersPerProposal: perProposal,
        reviewerCap: cap,
        stage: stage === '2' ? 2 : 1,
        previousCallKey: stage === '2' ? previous : null,
      },
      { onSuccess: onCreated },
    );

  const num = (set: (n: number) => void) => (v: string | number) => set(typeof v === 'number' ? v : 0);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('selectionCalls.form.key')}
          description={t('selectionCalls.form.keyHint')}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          error={fieldError('key')}
          required
        />
        <TextInput
          label={t('selectionCalls.form.titleJa')}
          value={titleJa}
          onChange={(e) => setTitleJa(e.currentTarget.value)}
          error={fieldError('title')}
        />
        <TextInput
          label={t('selectionCalls.form.titleEn')}
          value={titleEn}
          onChange={(e) => setTitleEn(e.currentTarget.value)}
        />
        <NumberInput
          label={t('selectionCalls.form.fiscalYear')}
          value={fiscalYear}
          min={1950}
          max={2100}
          onChange={num(setFiscalYear)}
        />
        <NumberInput
          label={t('selectionCalls.form.slots')}
          value={slots}
          min={1}
          onChange={num(setSlots)}
          error={fieldError('slots')}
        />
        <Select
          label={t('selectionCalls.form.stage')}
          value={stage}
          onChange={(v) => setStage(v === '2' ? '2' : '1')}
          data={[
            { value: '1', label: t('selectionCalls.form.stage1') },
            { value: '2', label: t('selectionCalls.form.stage2') },
          ]}
        />
        {stage === '2' ? (
          <Select
            label={t('selectionCalls.form.previousCall')}
            value={previous}
            onChange={setPrevious}
            error={fieldError('previousCallKey')}
            data={(calls.data?.items ?? [])
              .filter((c) => c.stage === 1)
              .map((c) => ({ value: c.key, label: localize(c.title) }))}
          />
        ) : null}
        <NumberInput
          label={t('selectionCalls.form.perCluster')}
          value={perCluster}
          min={0}
          thousandSeparator=","
          suffix=" 円"
          onChange={num(setPerCluster)}
        />
        <NumberInput
          label={t('selectionCalls.form.total')}
          value={total}
          min={0}
          thousandSeparator=","
          suffix=" 円"
          onChange={(v) => setTotal(typeof v === 'number' ? v : '')}
        />
      </SimpleGrid>

      <Title order={3} size="h4">
        {t('selectionCalls.form.deadlines')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput
          type="datetime-local"
          label={t('selectionCalls.form.submission')}
          value={submission}
          onChange={(e) => setSubmission(e.currentTarget.value)}
        />
        <NumberInput
          label={t('selectionCalls.form.grace')}
          value={grace}
          min={0}
          max={10_080}
          onChange={num(setGrace)}
        />
        <TextInput
          type="datetime-local"
          label={t('selectionCalls.form.review')}
          value={review}
          onChange={(e) => setReview(e.currentTarget.value)}
          error={fieldError('reviewDeadline')}
        />
        <TextInput
          type="datetime-local"
          label={t('selectionCalls.form.decision')}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value)}
          error={fieldError('decisionDeadline')}
        />
      </SimpleGrid>

      <Title order={3} size="h4">
        {t('selectionCalls.form.scoring')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 6 }}>
        <NumberInput
          label={t('selectionCalls.form.scaleMin')}
          value={scale.min}
          onChange={(v) => setScale({ ...scale, min: Number(v) || 0 })}
          error={fieldError('scale')}
        />
        <NumberInput
          label={t('selectionCalls.form.scaleMax')}
          value={scale.max}
          onChange={(v) => setScale({ ...scale, max: Number(v) || 0 })}
        />
        <NumberInput
          label={t('selectionCalls.form.scaleStep')}
          value={scale.step}
          min={0.1}
          step={0.5}
          onChange={(v) => setScale({ ...scale, step: Number(v) || 1 })}
        />
        <Select
          label={t('selectionCalls.form.aggregation')}
          value={aggregation}
          onChange={(v) => setAggregation(v === 'median' ? 'median' : 'mean')}
          data={[
            { value: 'mean', label: t('selectionCalls.aggregation.mean') },
            { value: 'median', label: t('selectionCalls.aggregation.median') },
          ]}
        />
        <NumberInput
          label={t('selectionCalls.form.overallThreshold')}
          value={overall}
          step={0.5}
          onChange={(v) => setOverall(typeof v === 'number' ? v : '')}
          error={fieldError('overallThreshold')}
        />
        <NumberInput
          label={t('selectionCalls.form.reviewersPerProposal')}
          value={perProposal}
          min={1}
          onChange={num(setPerProposal)}
        />
        <NumberInput
          label={t('selectionCalls.form.reviewerCap')}
          value={cap}
          min={1}
          onChange={num(setCap)}
        />
        <NumberInput
          label={t('selectionCalls.form.maxRange')}
          value={maxRange}
          min={0}
          step={0.5}
          onChange={num(setMaxRange)}
        />
        <NumberInput
          label={t('selectionCalls.form.maxSd')}
          value={maxSd}
          min={0}
          step={0.1}
          onChange={num(setMaxSd)}
        />
      </SimpleGrid>
      {fieldError('criteria') ? (
        <Text c="red" size="sm">
          {fieldError('criteria')}
        </Text>
      ) : null}
      <CriteriaEditor value={criteria} onChange={setCriteria} scale={scale} />
      <MultiSelect
        label={t('selectionCalls.form.tieBreak')}
        description={t('selectionCalls.form.tieBreakHint')}
        value={tieBreak}
        onChange={setTieBreak}
        data={items.map((i) => ({ value: i.key, label: localize(i.label) }))}
        error={fieldError('tieBreak')}
      />

      <Title order={3} size="h4">
        {t('selectionCalls.form.documents')}
      </Title>
      <Stack gap="xs">
        {documents.map((d, i) => {
          const set = (patch: Partial<RequiredDocument>) =>
            setDocuments(documents.map((x, y) => (y === i ? { ...x, ...patch } : x)));
          return (
            <Group key={i} align="end" wrap="nowrap">
              <TextInput
                label={t('selectionCalls.form.documentKey')}
                value={d.key}
                onChange={(e) => set({ key: e.currentTarget.value })}
                w={140}
              />
              <TextInput
                label={t('selectionCalls.form.titleJa')}
                value={d.label.ja}
                onChange={(e) => set({ label: { ...d.label, ja: e.currentTarget.value } })}
                style={{ flex: 1 }}
              />
              <TextInput
                label={t('selectionCalls.form.titleEn')}
                value={d.label.en}
                onChange={(e) => set({ label: { ...d.label, en: e.currentTarget.value } })}
                style={{ flex: 1 }}
              />
              <Checkbox
                label={t('selectionCalls.form.required')}
                checked={d.required}
                onChange={(e) => set({ required: e.currentTarget.checked })}
                mb={8}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('selectionCalls.form.removeDocument')}
                onClick={() => setDocuments(documents.filter((_, y) => y !== i))}
                mb={4}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              setDocuments([...documents, { key: '', label: { ja: '', en: '' }, required: false }])
            }
          >
            {t('selectionCalls.form.addDocument')}
          </Button>
        </Group>
      </Stack>

      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending} disabled={criteria.length === 0}>
          {t('selectionCalls.form.create')}
        </Button>
      </Group>
    </Stack>
  );
}
