/**
 * Largest-remainder apportionment: turns real-valued shares ("quotas", in whole units) into whole
 * units that add up EXACTLY to a total. Each share gets its quota rounded down, then the units
 * still missing go one each to the largest remainders (ties by the caller's order). Used for the
 * displayed weights (tenths summing to 100.0) and the subsidy allocation (¥1M units summing to the
 * programme total).
 *
 * Floating-point quotas carry noise (1.1 × 150 = 165.00000000000003): a quota within 1e-9 of a
 * whole number is taken as that number, and remainders within 1e-9 of each other are equal, so
 * noise never decides who gets a unit — the tie-break does.
 */
import { sameScore } from '../selection/numbers';

export interface ApportionOptions {
  /** Lowest whole units per share (e.g. a floor); default 0. Quotas are assumed ≥ their minimum. */
  min?: readonly number[];
  /** Highest whole units per share (e.g. a ceiling); default unbounded. */
  max?: readonly number[];
  /**
   * Among equal remainders, negative when share a should receive a unit before share b (and lose
   * one after it, when units must be taken back). Default: lower index first.
   */
  tieBreak?: (a: number, b: number) => number;
}

/** A quota within 1e-9 (relative) of a whole number is that whole number. */
export function snapToWhole(quota: number): number {
  const whole = Math.round(quota);
  return Math.abs(quota - whole) <= 1e-9 * Math.max(1, Math.abs(quota)) ? whole : quota;
}

/**
 * Whole units per share summing exactly to `total`, each its quota rounded down or up (within
 * min/max). Throws RangeError when the bounds make the total unreachable — callers check
 * feasibility first and name the field; reaching this is a bug.
 */
export function apportion(
  quotas: readonly number[],
  total: number,
  options: ApportionOptions = {},
): number[] {
  if (!Number.isSafeInteger(total))
    throw new RangeError(`Total must be a whole number of units; got ${total}`);
  const tieBreak = options.tieBreak ?? ((a: number, b: number) => a - b);
  const lo = (i: number): number => options.min?.[i] ?? 0;
  const hi = (i: number): number => options.max?.[i] ?? Infinity;
  const units: number[] = [];
  const remainders: number[] = [];
  quotas.forEach((q, i) => {
    const snapped = snapToWhole(q);
    const down = Math.min(Math.max(Math.floor(snapped), lo(i)), hi(i));
    units.push(down);
    remainders.push(snapped - down);
  });
  let missing = total - units.reduce((a, b) => a + b, 0);
  const byRemainder = (sign: 1 | -1) => (a: number, b: number) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (!sameScore(ra, rb)) return sign * (rb - ra);
    return sign * tieBreak(a, b);
  };
  const indices = quotas.map((_, i) => i);
  // Give: largest remainder first. Take (only when noise overshot): smallest remainder first, ties reversed.
  while (missing !== 0) {
    const giving = missing > 0;
    const order = indices
      .filter((i) => (giving ? units[i]! < hi(i) : units[i]! > lo(i)))
      .sort(byRemainder(giving ? 1 : -1));
    if (order.length === 0) throw new RangeError(`Cannot apportion ${total} units within the bounds`);
    for (const i of order) {
      if (missing === 0) break;
      units[i] = units[i]! + (giving ? 1 : -1);
      remainders[i] = remainders[i]! - (giving ? 1 : -1);
      missing += giving ? -1 : 1;
    }
  }
  return units;
}
