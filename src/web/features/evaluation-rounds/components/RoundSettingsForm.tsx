import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail, RoundPhase, UpdateRoundBody } from '../../../../contracts/evaluation-rounds';
import { ROUND_PHASES } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { useUpdateRound } from '../api/rounds-api';
import { CriteriaTreeEditor } from './CriteriaTreeEditor';
import { PhaseDatesEditor } from './PhaseDatesEditor';
import { RoundYearFields } from './RoundYearFields';
import { defaultPhases } from './round-defaults';
import { ScaleBandsEditor } from './ScaleBandsEditor';

/** Every phase in order, the round's dates where it has them and the default calendar elsewhere. */
function allPhases(round: RoundDetail): RoundPhase[] {
  const defaults = defaultPhases(round.fiscalYear);
  return ROUND_PHASES.map((p, i) => round.phases.find((x) => x.phase === p) ?? defaults[i]!);
}

/**
 * Edits a round at the version read. Title, years, dates and the announcement can change until
 * publication; the criteria tree, scale and bands only while the round is a draft (the server
 * freezes them once self-evaluation opens, since reports, weights and grades refer to them).
 */
export function RoundSettingsForm({ round, onSaved }: { round: RoundDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateRound(round.key);
  const draft = round.status === 'draft';
  const [titleJa, setTitleJa] = useState(round.title.ja);
  const [titleEn, setTitleEn] = useState(round.title.en);
  const [fiscalYear, setFiscalYear] = useState(round.fiscalYear);
  const [allocationFy, setAllocationFy] = useState(round.allocationFiscalYear);
  const [phases, setPhases] = useState(() => allPhases(round));
  const [announceOn, setAnnounceOn] = useState(round.announceOn ?? '');
  const [criteria, setCriteria] = useState(round.criteria);
  const [scale, setScale] = useState(round.scale);
  const [bands, setBands] = useState(round.bands);
  const errorOf = (field: string) => (isApiError(update.error) ? update.error.fieldError(field) : undefined);

  const save = () => {
    const body: UpdateRoundBody = {
      version: round.version,
      title: { ja: titleJa, en: titleEn },
      fiscalYear,
      allocationFiscalYear: allocationFy,
      phases,
      announceOn: announceOn === '' ? null : announceOn,
      ...(draft ? { criteria, scale, bands } : {}),
    };
    update.mutate(body, { onSuccess: onSaved });
  };

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <RoundYearFields
          values={{ titleJa, titleEn, fiscalYear, allocationFy }}
          onTitleJa={setTitleJa}
          onTitleEn={setTitleEn}
          onFiscalYear={setFiscalYear}
          onAllocationFy={setAllocationFy}
          errorOf={errorOf}
        />
      </SimpleGrid>
      <Title order={4}>{t('evaluationRounds.form.phases')}</Title>
      <PhaseDatesEditor phases={phases} onChange={setPhases} errorOf={errorOf} />
      <TextInput
        type="date"
        label={t('evaluationRounds.form.announceOn')}
        value={announceOn}
        onChange={(e) => setAnnounceOn(e.currentTarget.value)}
        error={errorOf('body.announceOn')}
        w={260}
      />
      {draft ? (
        <>
          <Title order={4}>{t('evaluationRounds.overview.criteria')}</Title>
          <CriteriaTreeEditor criteria={criteria} onChange={setCriteria} errorOf={errorOf} />
          <ScaleBandsEditor
            scale={scale}
            bands={bands}
            onScale={setScale}
            onBands={setBands}
            errorOf={errorOf}
          />
        </>
      ) : (
        <Alert color="gray">{t('evaluationRounds.settings.frozen')}</Alert>
      )}
      {update.isError && (!isApiError(update.error) || update.error.fieldErrors.length === 0) ? (
        <ErrorAlert error={update.error} />
      ) : null}
      {isApiError(update.error) && update.error.fieldErrors.length > 0 ? (
        <Text c="red" size="sm" role="alert">
          {t('evaluationRounds.form.fixFields', { count: update.error.fieldErrors.length })}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={save} loading={update.isPending}>
          {t('evaluationRounds.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
