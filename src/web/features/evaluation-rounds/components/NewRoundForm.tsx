import {
  Button,
  Group,
  MultiSelect,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BandsInput,
  GradeScaleInput,
  RoundDetail,
  RoundKind,
  RoundPhase,
} from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { useFormatters, useLocalize } from '../../../lib/format';
import { clustersQueryOptions } from '../../clusters/api/clusters-api';
import { useCreateRound, useRoundTemplates } from '../api/rounds-api';
import { PhaseDatesEditor } from './PhaseDatesEditor';
import { RoundYearFields } from './RoundYearFields';
import { defaultBands, defaultPhases, defaultScale } from './round-defaults';
import { ScaleBandsEditor } from './ScaleBandsEditor';

/**
 * The officer's "new round" form: what kind of evaluation, for which fiscal year and clusters,
 * which criteria tree to copy, the scale, bands and the phases' dates. The round starts as a
 * draft whose tree and scale stay editable until it opens.
 */
export function NewRoundForm({ onCreated }: { onCreated: (round: RoundDetail) => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const create = useCreateRound();
  const templates = useRoundTemplates();
  const clusters = useQuery(clustersQueryOptions({ limit: 200, offset: 0 }));
  const [key, setKey] = useState('');
  const [titleJa, setTitleJa] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [kind, setKind] = useState<RoundKind>('intermediate');
  const [fiscalYear, setFiscalYear] = useState(2004);
  const [allocationFy, setAllocationFy] = useState(2005);
  const [template, setTemplate] = useState<string | null>('intermediate-2004');
  const [targetBy, setTargetBy] = useState<'start' | 'pick'>('start');
  const [startFy, setStartFy] = useState(2002);
  const [picked, setPicked] = useState<string[]>([]);
  const [phases, setPhases] = useState<RoundPhase[]>(() => defaultPhases(2004));
  const [announceOn, setAnnounceOn] = useState('2005-03-23');
  const [scale, setScale] = useState<GradeScaleInput>(defaultScale);
  const [bands, setBands] = useState<BandsInput>(defaultBands);

  const errorOf = (field: string) => (isApiError(create.error) ? create.error.fieldError(field) : undefined);
  const changeYear = (fy: number) => {
    setFiscalYear(fy);
    setAllocationFy(fy + 1);
    const next = defaultPhases(fy);
    setPhases(next);
    setAnnounceOn(next[next.length - 1]!.from);
  };
  const startYears = [...new Set((clusters.data?.items ?? []).map((c) => c.startFy))]
    .sort()
    .map((y) => ({ value: String(y), label: f.fy(y) }));

  const submit = () =>
    create.mutate(
      {
        key,
        title: { ja: titleJa, en: titleEn },
        kind,
        fiscalYear,
        allocationFiscalYear: allocationFy,
        ...(template ? { criteriaTemplateKey: template } : {}),
        ...(targetBy === 'start' ? { targetStartFiscalYear: startFy } : { clusterKeys: picked }),
        phases,
        announceOn: announceOn === '' ? null : announceOn,
        scale,
        bands,
      },
      { onSuccess: onCreated },
    );

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('evaluationRounds.form.key')}
          description={t('evaluationRounds.form.keyHelp')}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          error={errorOf('body.key')}
          required
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('evaluationRounds.form.kind')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v)}
            data={[
              { value: 'intermediate', label: t('roundKind.intermediate') },
              { value: 'ex_post', label: t('roundKind.ex_post') },
            ]}
          />
        </div>
        <RoundYearFields
          values={{ titleJa, titleEn, fiscalYear, allocationFy }}
          onTitleJa={setTitleJa}
          onTitleEn={setTitleEn}
          onFiscalYear={changeYear}
          onAllocationFy={setAllocationFy}
          errorOf={errorOf}
          placeholders={{
            ja: '平成16年度 知的クラスター創成事業 中間評価',
            en: 'FY2004 intermediate evaluation of the Knowledge Cluster Initiative',
          }}
        />
      </SimpleGrid>

      <Title order={4}>{t('evaluationRounds.form.targets')}</Title>
      <Radio.Group value={targetBy} onChange={(v) => setTargetBy(v)}>
        <Group>
          <Radio value="start" label={t('evaluationRounds.form.byStart')} />
          <Radio value="pick" label={t('evaluationRounds.form.byPick')} />
        </Group>
      </Radio.Group>
      {targetBy === 'start' ? (
        <Select
          label={t('evaluationRounds.form.startFiscalYear')}
          data={startYears.length > 0 ? startYears : [{ value: String(startFy), label: f.fy(startFy) }]}
          value={String(startFy)}
          onChange={(v) => v && setStartFy(Number(v))}
          error={errorOf('body.targetStartFiscalYear') ?? errorOf('body.clusterKeys')}
          allowDeselect={false}
        />
      ) : (
        <MultiSelect
          label={t('evaluationRounds.form.clusters')}
          data={(clusters.data?.items ?? []).map((c) => ({ value: c.key, label: localize(c.name) }))}
          value={picked}
          onChange={setPicked}
          searchable
          error={errorOf('body.clusterKeys')}
        />
      )}

      <Select
        label={t('evaluationRounds.form.template')}
        description={t('evaluationRounds.form.templateHelp')}
        data={(templates.data ?? []).map((tp) => ({ value: tp.key, label: localize(tp.title) }))}
        value={template}
        onChange={setTemplate}
        error={errorOf('body.criteriaTemplateKey')}
      />

      <Title order={4}>{t('evaluationRounds.form.phases')}</Title>
      <PhaseDatesEditor phases={phases} onChange={setPhases} errorOf={errorOf} />
      <TextInput
        type="date"
        label={t('evaluationRounds.form.announceOn')}
        description={t('evaluationRounds.form.announceHelp')}
        value={announceOn}
        onChange={(e) => setAnnounceOn(e.currentTarget.value)}
        error={errorOf('body.announceOn')}
        w={260}
      />

      <ScaleBandsEditor scale={scale} bands={bands} onScale={setScale} onBands={setBands} errorOf={errorOf} />

      {create.isError && !isApiError(create.error) ? <ErrorAlert error={create.error} /> : null}
      {isApiError(create.error) && create.error.fieldErrors.length === 0 ? (
        <ErrorAlert error={create.error} />
      ) : null}
      {isApiError(create.error) && create.error.fieldErrors.length > 0 ? (
        <Text c="red" size="sm" role="alert">
          {t('evaluationRounds.form.fixFields', { count: create.error.fieldErrors.length })}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending}>
          {t('evaluationRounds.form.create')}
        </Button>
      </Group>
    </Stack>
  );
}
