import { NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';

export interface RoundYearValues {
  titleJa: string;
  titleEn: string;
  fiscalYear: number;
  allocationFy: number;
}

interface Props {
  values: RoundYearValues;
  onTitleJa: (value: string) => void;
  onTitleEn: (value: string) => void;
  onFiscalYear: (value: number) => void;
  onAllocationFy: (value: number) => void;
  errorOf: (field: string) => string | undefined;
  /** Example titles for a new round; none when editing one. */
  placeholders?: { ja: string; en: string };
}

/**
 * A round's titles, its fiscal year and the fiscal year whose subsidy its results decide: the same
 * four fields when a round is created and when its settings are edited (laid out by the caller's grid).
 */
export function RoundYearFields({
  values,
  onTitleJa,
  onTitleEn,
  onFiscalYear,
  onAllocationFy,
  errorOf,
  placeholders,
}: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <>
      <TextInput
        label={t('evaluationRounds.form.titleJa')}
        value={values.titleJa}
        onChange={(e) => onTitleJa(e.currentTarget.value)}
        error={errorOf('body.title.ja') ?? errorOf('body.title')}
        placeholder={placeholders?.ja}
      />
      <TextInput
        label={t('evaluationRounds.form.titleEn')}
        value={values.titleEn}
        onChange={(e) => onTitleEn(e.currentTarget.value)}
        error={errorOf('body.title.en')}
        placeholder={placeholders?.en}
      />
      <NumberInput
        label={t('evaluationRounds.form.fiscalYear')}
        description={f.fy(values.fiscalYear)}
        value={values.fiscalYear}
        min={2001}
        max={2100}
        onChange={(v) => typeof v === 'number' && onFiscalYear(v)}
        error={errorOf('body.fiscalYear')}
      />
      <NumberInput
        label={t('evaluationRounds.form.allocationFiscalYear')}
        description={t('evaluationRounds.form.allocationHelp', { fy: f.fy(values.allocationFy) })}
        value={values.allocationFy}
        min={2001}
        max={2100}
        onChange={(v) => typeof v === 'number' && onAllocationFy(v)}
        error={errorOf('body.allocationFiscalYear')}
      />
    </>
  );
}
