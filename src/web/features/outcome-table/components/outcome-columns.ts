import type { OutcomeTableResponse } from '../../../../contracts/outcomes';

export type OutcomeIndicator = OutcomeTableResponse['indicators'][number];

export interface IndicatorGroup {
  group: string;
  label: OutcomeIndicator['groupLabel'];
  indicators: OutcomeIndicator[];
}

/** Consecutive indicators of the same group form one header group, in the API's (the deck's) order. */
export function groupIndicators(indicators: readonly OutcomeIndicator[]): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  for (const indicator of indicators) {
    const last = groups[groups.length - 1];
    if (last && last.group === indicator.group) last.indicators.push(indicator);
    else groups.push({ group: indicator.group, label: indicator.groupLabel, indicators: [indicator] });
  }
  return groups;
}

/** Yen indicators are shown in thousands of yen, like the deck. */
export function displayValue(indicator: OutcomeIndicator, value: number): number {
  return indicator.unit === 'yen' ? Math.round(value / 1000) : value;
}
