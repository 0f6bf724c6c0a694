/**
 * Thresholds: a floor per criterion (on the criterion's aggregated score) and overall (on the
 * proposal score). A proposal under any of them cannot be selected whatever its rank — a region
 * that ranks well on average but has, say, no credible core organization is not a cluster — so
 * eligibility is decided before ranking, and every reason is listed for the officer and, after
 * publication, for the proposer.
 */
import { reaches } from './numbers';
import type { ProposalScore } from './scoring';

export interface Thresholds {
  /** Floor on the proposal score; null or absent = none. */
  overall?: number | null;
  /** Floor per criterion key on that criterion's aggregated (or consensus) score. */
  criteria?: Readonly<Record<string, number>>;
}

export interface IneligibilityReason {
  /** `overall`, or the criterion key. */
  scope: 'overall' | 'criterion';
  criterion: string | null;
  /** The figure that failed; null when there is none (no reviewer scored it). */
  score: number | null;
  threshold: number;
  message: string;
}

export interface Eligibility {
  eligible: boolean;
  reasons: IneligibilityReason[];
}

/**
 * Checks a proposal's figures against the call's thresholds. Meeting a threshold exactly passes
 * (a floor of 3 means "3 or more"), within the score tolerance so a mean of 2.9999999999999996
 * is 3. A missing figure under a threshold fails: an unscored criterion has not shown it clears
 * the floor. Overall comes first, then criteria in the thresholds' order.
 */
export function checkThresholds(
  figures: Pick<ProposalScore, 'score' | 'criteria'>,
  thresholds: Thresholds,
): Eligibility {
  const reasons: IneligibilityReason[] = [];
  const overall = thresholds.overall;
  if (overall !== null && overall !== undefined) {
    const s = figures.score;
    if (s === null || !reaches(s, overall))
      reasons.push({
        scope: 'overall',
        criterion: null,
        score: s,
        threshold: overall,
        message:
          s === null
            ? `No overall score; the threshold is ${overall}`
            : `Overall score ${round(s)} is under the threshold ${overall}`,
      });
  }
  for (const [key, threshold] of Object.entries(thresholds.criteria ?? {})) {
    const s = figures.criteria[key] ?? null;
    if (s === null || !reaches(s, threshold))
      reasons.push({
        scope: 'criterion',
        criterion: key,
        score: s,
        threshold,
        message:
          s === null
            ? `No score for ${key}; its threshold is ${threshold}`
            : `${key} scored ${round(s)}, under its threshold ${threshold}`,
      });
  }
  return { eligible: reasons.length === 0, reasons };
}

/** Figures in messages carry at most 3 decimals (3.333), the precision the ranked list shows. */
function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
