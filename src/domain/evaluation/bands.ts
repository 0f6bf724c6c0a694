/**
 * Grade bands: the published grade of a cluster's total score. A band list is best first, each with
 * the minimum total score it needs; a score gets the FIRST band whose minimum it reaches (a score a
 * rounding error below a minimum counts as reaching it, see `reaches`). The lowest band's minimum
 * may be −Infinity (or any figure at or below the scale's lowest points) to catch every score.
 *
 * Default rule (what {@link bandsFromScale} builds): the band is the grade NEAREST to the total on
 * the points scale — the threshold between two adjacent grades is the midpoint of their points, and
 * a total exactly on a midpoint goes to the better grade. With S=4, A=3, B=2, C=1: S ≥ 3.5,
 * A ≥ 2.5, B ≥ 1.5, otherwise C (the round contract's DEFAULT_BANDS). Officers may set other
 * thresholds (e.g. "S only from 3.75") per round; the same reading applies.
 */
import { reaches } from '../selection/numbers';
import type { GradeScale } from './grades';
import { describeValue, fieldPath, type RuleIssue, throwIfIssues } from './rule-error';

/** One band: its label and the minimum total score that reaches it. */
export interface ScoreBand {
  band: string;
  minScore: number;
}

/** Every problem with a band list (empty when valid): labels unique, minimums strictly decreasing. */
export function bandIssues(bands: readonly ScoreBand[], field = 'bands'): RuleIssue[] {
  const raw: unknown = bands;
  if (!Array.isArray(raw) || raw.length === 0) return [{ field, message: 'At least one band is needed' }];
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  bands.forEach((b, i) => {
    const band: unknown = b?.band;
    const min: unknown = b?.minScore;
    if (typeof band !== 'string' || band.trim() === '')
      issues.push({ field: fieldPath(field, i, 'band'), message: 'A band needs a non-empty label' });
    else if (seen.has(band))
      issues.push({ field: fieldPath(field, i, 'band'), message: `Band ${band} is listed twice` });
    else seen.add(band);
    // −Infinity is the catch-all lowest band; NaN and +Infinity reach nothing sensible.
    if (typeof min !== 'number' || Number.isNaN(min) || min === Infinity) {
      issues.push({
        field: fieldPath(field, i, 'minScore'),
        message: `A band's minimum must be a number (or −Infinity); got ${describeValue(min)}`,
      });
      return;
    }
    const previous = bands[i - 1]?.minScore;
    if (i > 0 && typeof previous === 'number' && !Number.isNaN(previous) && !(min < previous))
      issues.push({
        field: fieldPath(field, i, 'minScore'),
        message: `Bands go best first with strictly lower minimums: ${min} is not below ${previous}`,
      });
  });
  return issues;
}

/** Throws `invalid_bands` naming each bad field. */
export function assertBands(bands: readonly ScoreBand[], field = 'bands'): void {
  throwIfIssues('invalid_bands', bandIssues(bands, field));
}

/**
 * Nearest-grade bands for a scale: each grade's minimum is the midpoint between its points and the
 * next lower grade's; the worst grade catches everything (−Infinity).
 */
export function bandsFromScale(scale: GradeScale): ScoreBand[] {
  return scale.steps.map((step, i) => {
    const lower = scale.steps[i + 1];
    return { band: step.grade, minScore: lower === undefined ? -Infinity : (step.points + lower.points) / 2 };
  });
}

/**
 * The first band (best first) whose minimum the score reaches; null when it reaches none (the
 * officer's lowest band starts above the score) — an unbanded cluster is shown as such, never
 * silently given the lowest band. Bands are assumed checked by {@link assertBands}.
 */
export function findBand<T extends ScoreBand>(score: number, bands: readonly T[]): T | null {
  if (!Number.isFinite(score)) return null;
  for (const b of bands) if (b.minScore === -Infinity || reaches(score, b.minScore)) return b;
  return null;
}

/** The band label of a total score, or null (no score, or below every band). */
export function bandOf(score: number | null, bands: readonly ScoreBand[]): string | null {
  return score === null ? null : (findBand(score, bands)?.band ?? null);
}
