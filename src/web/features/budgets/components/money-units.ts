/** The yen units a reader can choose for the ledger, and how charts scale amounts into them. */
import type { YenUnit } from '../../../../domain/money';

export const DISPLAY_UNITS = ['yen', 'thousand', 'million'] as const;
export type DisplayUnit = (typeof DISPLAY_UNITS)[number];

export function isDisplayUnit(value: unknown): value is DisplayUnit {
  return typeof value === 'string' && (DISPLAY_UNITS as readonly string[]).includes(value);
}

const DIVISORS: Record<DisplayUnit, number> = { yen: 1, thousand: 1_000, million: 1_000_000 };

/** An amount in the chosen unit for a chart axis (the table shows the exact figure). */
export function scaleYen(yen: number, unit: DisplayUnit): number {
  return Math.round((yen / DIVISORS[unit]) * 10) / 10;
}

export const toYenUnit = (unit: DisplayUnit): YenUnit => unit;
