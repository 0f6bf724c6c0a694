/**
 * The arithmetic every selection rule shares: a tolerant comparison of scores, mean, median and the
 * two standard deviations. Pure and small so each rule above it reads as the programme's words.
 */

/**
 * Two scores closer than this are the same score. Weighted means of 1–5 (or 1–10) integer scores
 * computed in different summation orders differ in the 15th–16th significant digit
 * (3.3333333333333335 vs 3.333333333333333); a tolerance far above that and far below any real
 * difference (a 1/1000 of a point over 1,000 reviewers is still 1e-6) makes those ties, not ranks.
 */
export const SCORE_TOLERANCE = 1e-9;

/** True when a and b are the same score within {@link SCORE_TOLERANCE} (absolute, or relative for large values). */
export function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a compared with b, tolerant: negative when a < b, 0 when they are the same score, positive when a > b. */
export function compareScores(a: number, b: number): number {
  return sameScore(a, b) ? 0 : a < b ? -1 : 1;
}

/** True when value ≥ limit, counting a value a rounding error below the limit as reaching it. */
export function reaches(value: number, limit: number): boolean {
  return value > limit || sameScore(value, limit);
}

/**
 * Sum with Neumaier's compensation, so the order in which reviews arrive does not change the
 * aggregate beyond the last bit (plain `+=` drifts with the order).
 */
export function sum(values: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const v of values) {
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + compensation;
}

/** Arithmetic mean; null for no values (no reviews is not a score of 0). */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** Median; the mean of the two middle values for an even count; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Population standard deviation (divide by n): the spread of exactly these reviewers; null for none. */
export function populationSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(sum(values.map((v) => (v - m) ** 2)) / values.length);
}

/**
 * Sample standard deviation (divide by n − 1): the estimate for reviewers in general; null for
 * fewer than two values, where it is undefined (one reviewer cannot disagree with themself).
 */
export function sampleSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  return Math.sqrt(sum(values.map((v) => (v - m) ** 2)) / (values.length - 1));
}
