import { Select, type SelectProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { PREFECTURES, REGIONS } from '../../../../domain/prefectures';
import { localize, useLocale } from '../../../lib/format';

interface PrefectureSelectProps {
  label: string;
  description?: ReactNode;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: ReactNode;
  placeholder?: string;
  w?: SelectProps['w'];
}

/** The 47 prefectures grouped by METI region, by JIS code. */
export function PrefectureSelect({
  label,
  description,
  value,
  onChange,
  error,
  placeholder,
  w,
}: PrefectureSelectProps) {
  const locale = useLocale();
  const data = REGIONS.map((r) => ({
    group: localize({ ja: r.ja, en: r.en }, locale),
    items: PREFECTURES.filter((p) => p.region === r.key).map((p) => ({
      value: p.code,
      label: localize({ ja: p.ja, en: p.en }, locale),
    })),
  }));
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      placeholder={placeholder}
      searchable
      clearable
      w={w}
    />
  );
}

/** A prefecture's name in the reader's language, from its JIS code. */
export function usePrefectureName(): (code: string | null) => string {
  const locale = useLocale();
  return (code) => {
    const p = PREFECTURES.find((x) => x.code === code);
    return p ? localize({ ja: p.ja, en: p.en }, locale) : '';
  };
}
