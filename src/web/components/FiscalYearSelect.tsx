import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearOf } from '../../domain/fiscal-year';
import { useFormatters } from '../lib/format';

interface FiscalYearSelectProps {
  label: string;
  value: number | null;
  onChange: (fy: number | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  placeholder?: string;
  /** Years offered; by default from FY2000 to ten years after the current one. */
  years?: readonly number[];
  w?: number | string;
}

function defaultYears(value: number | null): number[] {
  const current = fiscalYearOf(new Date());
  const first = Math.min(2000, value ?? 2000);
  const last = Math.max(current + 10, value ?? current);
  const years: number[] = [];
  for (let fy = first; fy <= last; fy++) years.push(fy);
  return years;
}

/** A fiscal-year picker labelled in both calendars: 平成16年度 (FY2004). */
export function FiscalYearSelect(props: FiscalYearSelectProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const years = props.years ?? defaultYears(props.value);
  return (
    <Select
      label={props.label}
      description={props.description}
      error={props.error}
      required={props.required}
      clearable={props.clearable}
      placeholder={props.placeholder ?? t('common.choose')}
      searchable
      w={props.w}
      data={years.map((fy) => ({ value: String(fy), label: `${f.fy(fy)} (${f.fyAlternate(fy)})` }))}
      value={props.value === null ? null : String(props.value)}
      onChange={(v) => props.onChange(v === null ? null : Number(v))}
      allowDeselect={props.clearable ?? false}
    />
  );
}
