import { Text } from '@mantine/core';
import { useFormatters } from '../lib/format';

interface FiscalYearProps {
  fy: number;
  /** Also show the year in the other calendar (平成16年度 beside FY2004). */
  withAlternate?: boolean;
}

/** A Japanese fiscal year: 平成16年度 (FY2004) in Japanese, FY2004 (平成16年度) in English. */
export function FiscalYear({ fy, withAlternate = true }: FiscalYearProps) {
  const f = useFormatters();
  return (
    <span className="kcp-nowrap">
      {f.fy(fy)}
      {withAlternate ? (
        <Text span c="dimmed" inherit>
          {' '}
          ({f.fyAlternate(fy)})
        </Text>
      ) : null}
    </span>
  );
}

interface FiscalYearRangeProps {
  from: number;
  to: number | null;
  withAlternate?: boolean;
}

/** FY2002–FY2006, or an open range when `to` is null. */
export function FiscalYearRange({ from, to, withAlternate = false }: FiscalYearRangeProps) {
  const f = useFormatters();
  const alternate = f.locale === 'ja' ? 'en' : 'ja';
  const alt =
    to === null
      ? f.fyAlternate(from)
      : from === to
        ? f.fyAlternate(from)
        : `${f.fyAlternate(from)}${alternate === 'ja' ? '〜' : '–'}${f.fyAlternate(to)}`;
  return (
    <span className="kcp-nowrap">
      {f.fyRange(from, to)}
      {withAlternate ? (
        <Text span c="dimmed" inherit>
          {' '}
          ({alt})
        </Text>
      ) : null}
    </span>
  );
}
