/**
 * The officer's allocation rule as edited on the page, and its request body. Amounts are integer
 * yen; adjustments are edited in percent (10 = +10 %) and sent as fractions (0.1).
 */
import {
  DEFAULT_ALLOCATION_UNIT_YEN,
  type AllocationPreviewBody,
  type AllocationRule,
} from '../../../../contracts/evaluation-allocation';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';

/** What a band with no minimum sends: low enough to catch every score (the API's own convention). */
const CATCH_ALL_MIN_SCORE = -1e9;
/** Minimums at or below this are shown as "every lower score". */
const CATCH_ALL_THRESHOLD = -1e6;

/** Rounding units an officer chooses from (¥1,000 … ¥100M); the seed counts subsidies in ¥1M. */
export const UNIT_CHOICES = [1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000] as const;

export interface BandDraft {
  /** A React key only: rows are added and removed. */
  id: number;
  band: string;
  /** null: no minimum, the band catches every score below the bands above it. */
  minScore: number | null;
  /** Percent; null while the field is empty. */
  adjustmentPercent: number | null;
}

export interface RuleDraft {
  bands: BandDraft[];
  isTotalFixed: boolean;
  /** null while fixed but not yet known: the page fills in the current total from the first preview. */
  fixedTotalYen: number | null;
  floorYen: number | null;
  ceilingYen: number | null;
  unitYen: number;
  baseFiscalYear: number;
}

let lastBandId = 0;
export function newBandId(): number {
  lastBandId += 1;
  return lastBandId;
}

/** The example on the round's own bands: +10 % for the best, 0 for the next, −10 % below. */
function defaultAdjustment(index: number, count: number): number {
  if (count === 1) return 0;
  if (index === 0) return 10;
  if (index === 1 && count > 2) return 0;
  return -10;
}

/** Whether a band's minimum is the "every lower score" stand-in rather than a real score. */
export const isCatchAll = (minScore: number) => minScore <= CATCH_ALL_THRESHOLD;

const toDraftMin = (minScore: number) => (isCatchAll(minScore) ? null : minScore);

/** A first rule from the round's bands (S ≥ 3.5: +10 %, A ≥ 2.5: 0, B and C: −10 %), the programme total fixed. */
export function defaultRuleDraft(round: Pick<RoundDetail, 'bands' | 'fiscalYear'>): RuleDraft {
  return {
    bands: round.bands.map((b, i) => ({
      id: newBandId(),
      band: b.band,
      // The lowest band catches every score, whatever minimum the round's bands give it.
      minScore: i === round.bands.length - 1 ? null : toDraftMin(b.minScore),
      adjustmentPercent: defaultAdjustment(i, round.bands.length),
    })),
    isTotalFixed: true,
    fixedTotalYen: null,
    floorYen: null,
    ceilingYen: null,
    unitYen: DEFAULT_ALLOCATION_UNIT_YEN,
    baseFiscalYear: round.fiscalYear,
  };
}

/** The committed rule back as a draft, so a replacement starts from what was committed. */
export function draftFromRule(rule: AllocationRule): RuleDraft {
  return {
    bands: rule.bands.map((b) => ({
      id: newBandId(),
      band: b.band,
      minScore: toDraftMin(b.minScore),
      adjustmentPercent: Math.round(b.adjustment * 100_000) / 1000,
    })),
    isTotalFixed: rule.fixedTotalYen !== null,
    fixedTotalYen: rule.fixedTotalYen,
    floorYen: rule.floorYen,
    ceilingYen: rule.ceilingYen,
    unitYen: rule.unitYen,
    baseFiscalYear: rule.baseFiscalYear,
  };
}

/** The request body, or the fields still empty (as the API names them) when it cannot be sent yet. */
export function toRuleBody(
  draft: RuleDraft,
): { body: AllocationPreviewBody; missing: string[] } | { body: null; missing: string[] } {
  const missing = draft.bands.flatMap((b, i) =>
    b.adjustmentPercent === null ? [`body.bands.${i}.adjustment`] : [],
  );
  if (missing.length > 0) return { body: null, missing };
  const body: AllocationPreviewBody = {
    bands: draft.bands.map((b) => ({
      ...(b.band.trim() ? { band: b.band.trim() } : {}),
      minScore: b.minScore ?? CATCH_ALL_MIN_SCORE,
      adjustment: (b.adjustmentPercent ?? 0) / 100,
    })),
    unitYen: draft.unitYen,
    baseFiscalYear: draft.baseFiscalYear,
  };
  if (draft.isTotalFixed && draft.fixedTotalYen !== null) body.fixedTotalYen = draft.fixedTotalYen;
  if (draft.floorYen !== null) body.floorYen = draft.floorYen;
  if (draft.ceilingYen !== null) body.ceilingYen = draft.ceilingYen;
  return { body, missing: [] };
}

/** An amount to the nearest whole unit (a fixed total must be whole units). */
export function roundToUnit(yen: number, unitYen: number): number {
  return Math.round(yen / unitYen) * unitYen;
}

/** Yen ↔ the ¥M the money fields are edited in. */
export const yenToMillions = (yen: number | null): number | '' => (yen === null ? '' : yen / 1_000_000);
export function millionsToYen(value: number | string): number | null {
  const n = typeof value === 'number' ? value : Number.parseFloat(value);
  return Number.isFinite(n) ? Math.round(n * 1_000_000) : null;
}
