/** How the results show figures: scores to at most 3 decimals (the precision thresholds are checked at). */
export function formatScore(value: number | null | undefined, locale: 'ja' | 'en'): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 3 }).format(
    value,
  );
}

/** Mantine colours of the decision outcomes and the suggestion's statuses. */
export const OUTCOME_COLORS: Record<string, string> = {
  selected: 'teal',
  trial: 'cyan',
  shortlisted: 'indigo',
  rejected: 'gray',
};

export const LINE_COLORS: Record<string, string> = {
  selected: 'teal',
  tie_at_cutoff: 'orange',
  no_slot: 'gray',
  over_budget: 'gray',
  below_cutoff: 'gray',
  ineligible: 'red',
  unscored: 'gray',
};
