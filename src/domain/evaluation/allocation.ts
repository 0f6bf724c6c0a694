/**
 * Next fiscal year's subsidy from the round's results ("under a sense of rivalry"):
 *
 * 1. Band: each cluster's total score falls in the first adjustment band whose minimum it reaches
 *    (bands.ts); a cluster may instead come with a band label decided elsewhere (score null).
 * 2. Proposed = current × (1 + adjustment), e.g. +10 %, 0, −10 %.
 * 3. Fixed programme total (optional): the proposals are rescaled by ONE factor λ so the figures add
 *    up to the total — one cluster's raise is another's cut — with every cluster held within its
 *    floor and ceiling. This is water-filling: clamp, fix the clamped clusters, rescale the rest,
 *    repeat; it is computed exactly by walking the breakpoints of Σ clamp(λ·proposedᵢ, floorᵢ,
 *    ceilingᵢ), which rises with λ, to the λ where it meets the total. Without a fixed total λ = 1
 *    (each proposal is only clamped) and the total is Σ of those amounts to the nearest unit
 *    (half up), so rounding never drifts the programme total by more than half a unit.
 * 4. Rounding to a unit (default ¥1,000,000) by the largest remainder method on whole units, so the
 *    figures add up EXACTLY to the total: every cluster gets its amount rounded down to a unit, and
 *    the units still missing go one each to the largest remainders; equal remainders go to the
 *    higher score, then the lower cluster id (clusters without a score after those with one). A
 *    cluster's final figure is therefore within one unit of its exact share and never outside its
 *    floor and ceiling.
 *
 * Money stays integer yen: every amount in and out is a safe integer; floors, ceilings and a fixed
 * total must be whole units (else the exact sum could not be met on the unit grid). Infeasible
 * input (a total below the floors' sum or above what the ceilings allow) is refused with an error
 * naming the field, never silently bent.
 *
 * Monotonicity: bands must not give a lower band a larger adjustment, so among clusters NOT held at
 * a floor or ceiling a higher score never gets a lower % change in the exact share (λ(1 + a) − 1).
 * Rounding to a unit can still invert two clusters' final % by less than one unit's worth of each
 * (a ¥3M cluster rounded down loses 1/3 of a unit = 11 % of its subsidy); the tests show the case.
 */
import { isYen, type Yen } from '../money';
import { sameScore, sum, reaches } from '../selection/numbers';
import { apportion, snapToWhole } from './apportion';
import { bandIssues, findBand, type ScoreBand } from './bands';
import { describeValue, EvaluationRuleError, fieldPath, type RuleIssue, throwIfIssues } from './rule-error';

/** A band of the allocation rule: minimum total score and the relative adjustment (+0.10 = +10 %). */
export interface AllocationBand extends ScoreBand {
  adjustment: number;
}

/** The issue's example: +10 % from 3.5, unchanged from 2.5, −10 % below. */
export const DEFAULT_ALLOCATION_BANDS: readonly AllocationBand[] = [
  { band: 'raise', minScore: 3.5, adjustment: 0.1 },
  { band: 'keep', minScore: 2.5, adjustment: 0 },
  { band: 'cut', minScore: -Infinity, adjustment: -0.1 },
];

/** One million yen, the seed's unit for subsidies. */
export const DEFAULT_ALLOCATION_UNIT: Yen = 1_000_000;

export interface AllocationClusterInput {
  clusterId: number;
  /** This fiscal year's subsidy, integer yen ≥ 0. */
  current: Yen;
  /** The cluster's total score; null when the band is given instead. */
  score: number | null;
  /** The band label, when there is no score (must agree with the score when both are given). */
  band?: string | null;
  /** This cluster's floor/ceiling; absent = the global one. */
  floor?: Yen | null;
  ceiling?: Yen | null;
}

export interface AllocationInput {
  clusters: readonly AllocationClusterInput[];
  bands?: readonly AllocationBand[];
  /** Fixed programme total for next year (whole units); null/absent = no fixed total. */
  total?: Yen | null;
  /** Rounding unit, default ¥1,000,000. */
  unit?: Yen;
  /** Global floor and ceiling per cluster (whole units); absent floor = 0, absent ceiling = none. */
  floor?: Yen | null;
  ceiling?: Yen | null;
}

export interface AllocationLine {
  clusterId: number;
  score: number | null;
  band: string;
  adjustment: number;
  current: Yen;
  /** current × (1 + adjustment), to the nearest yen: before rescaling, clamping and rounding. */
  proposed: Yen;
  /** The allocation: a whole number of units. */
  final: Yen;
  /** final − current. */
  change: Yen;
  /** (final − current) / current × 100; null when current is 0. */
  changePercent: number | null;
  floor: Yen;
  ceiling: Yen | null;
  /** Whether the exact share was held at the floor or the ceiling. */
  clamped: 'floor' | 'ceiling' | null;
}

export interface Allocation {
  /** In the input's order. */
  lines: AllocationLine[];
  /** Σ final: the fixed total, or Σ of the clamped proposals to the nearest unit. */
  total: Yen;
  currentTotal: Yen;
  proposedTotal: Yen;
  unit: Yen;
  fixedTotal: boolean;
  /** The rescaling factor λ (1 without a fixed total). */
  scale: number;
}

interface Prepared {
  input: AllocationClusterInput;
  band: AllocationBand;
  proposedExact: number;
  floor: Yen;
  ceiling: Yen | null;
}

function yenIssue(value: unknown, field: string, unit: Yen | null, what: string): RuleIssue | null {
  if (!isYen(value) || value < 0)
    return {
      field,
      message: `${what} must be a whole number of yen, 0 or more; got ${describeValue(value)}`,
    };
  if (unit !== null && value % unit !== 0)
    return { field, message: `${what} (¥${value}) must be a whole number of units of ¥${unit}` };
  return null;
}

function validate(input: AllocationInput): {
  bands: readonly AllocationBand[];
  unit: Yen;
  prepared: Prepared[];
} {
  const bands = input.bands ?? DEFAULT_ALLOCATION_BANDS;
  const unit = input.unit ?? DEFAULT_ALLOCATION_UNIT;
  const issues: RuleIssue[] = [];
  if (!isYen(unit) || unit <= 0)
    throw new EvaluationRuleError('invalid_allocation', [
      {
        field: 'unit',
        message: `The unit must be a whole number of yen above 0; got ${describeValue(unit)}`,
      },
    ]);
  issues.push(...bandIssues(bands, 'bands'));
  bands.forEach((b, i) => {
    const a: unknown = b?.adjustment;
    const field = fieldPath('bands', i, 'adjustment');
    if (typeof a !== 'number' || !Number.isFinite(a) || a < -1)
      issues.push({
        field,
        message: `An adjustment is a finite fraction of −1 (−100 %) or more; got ${describeValue(a)}`,
      });
    else if (i > 0 && typeof bands[i - 1]?.adjustment === 'number' && a > bands[i - 1]!.adjustment)
      // A lower band earning a larger raise would reward a worse score.
      issues.push({
        field,
        message: `A lower band cannot get a larger adjustment (${a}) than the band above (${bands[i - 1]!.adjustment})`,
      });
  });
  for (const [key, what] of [
    ['total', 'The total'],
    ['floor', 'The floor'],
    ['ceiling', 'The ceiling'],
  ] as const) {
    const v = input[key];
    if (v === null || v === undefined) continue;
    const issue = yenIssue(v, key, unit, what);
    if (issue) issues.push(issue);
  }
  const globalFloor = input.floor ?? 0;
  const globalCeiling = input.ceiling ?? null;
  if (globalCeiling !== null && isYen(globalFloor) && isYen(globalCeiling) && globalCeiling < globalFloor)
    issues.push({
      field: 'ceiling',
      message: `The ceiling ¥${globalCeiling} is below the floor ¥${globalFloor}`,
    });
  if (!Array.isArray(input.clusters)) issues.push({ field: 'clusters', message: 'Clusters are a list' });
  throwIfIssues('invalid_allocation', issues);

  const ids = new Set<number>();
  const prepared: Prepared[] = [];
  input.clusters.forEach((c, i) => {
    const at = (name: string): string => fieldPath('clusters', i, name);
    if (!Number.isSafeInteger(c.clusterId) || ids.has(c.clusterId))
      issues.push({
        field: at('clusterId'),
        message: `Cluster ${describeValue(c.clusterId)} is missing or listed twice`,
      });
    ids.add(c.clusterId);
    const currentIssue = yenIssue(c.current, at('current'), null, 'The current subsidy');
    if (currentIssue) issues.push(currentIssue);
    const floor = c.floor ?? globalFloor;
    const ceiling = c.ceiling ?? globalCeiling;
    for (const [name, v] of [
      ['floor', c.floor],
      ['ceiling', c.ceiling],
    ] as const) {
      if (v === null || v === undefined) continue;
      const issue = yenIssue(v, at(name), unit, `The ${name}`);
      if (issue) issues.push(issue);
    }
    if (ceiling !== null && isYen(floor) && isYen(ceiling) && ceiling < floor)
      issues.push({
        field: c.ceiling !== null && c.ceiling !== undefined ? at('ceiling') : at('floor'),
        message: `Cluster ${c.clusterId}'s ceiling ¥${ceiling} is below its floor ¥${floor}`,
      });
    let band: AllocationBand | null = null;
    if (c.score !== null && c.score !== undefined) {
      if (typeof c.score !== 'number' || !Number.isFinite(c.score))
        issues.push({
          field: at('score'),
          message: `A score must be a finite number; got ${describeValue(c.score)}`,
        });
      else {
        band = findBand(c.score, bands);
        if (band === null)
          issues.push({
            field: at('score'),
            message: `Score ${c.score} reaches no band (the lowest starts at ${bands[bands.length - 1]!.minScore})`,
          });
        else if (c.band !== null && c.band !== undefined && c.band !== band.band)
          issues.push({
            field: at('band'),
            message: `Score ${c.score} is in band ${band.band}, not ${c.band}`,
          });
      }
    } else if (c.band === null || c.band === undefined)
      issues.push({ field: at('score'), message: `Cluster ${c.clusterId} needs a score or a band` });
    else {
      band = bands.find((b) => b.band === c.band) ?? null;
      if (band === null) issues.push({ field: at('band'), message: `There is no band ${c.band}` });
    }
    if (band && isYen(c.current))
      prepared.push({ input: c, band, proposedExact: c.current * (1 + band.adjustment), floor, ceiling });
  });
  throwIfIssues('invalid_allocation', issues);
  return { bands, unit, prepared };
}

/**
 * The λ ≥ 0 (smallest) at which Σ clamp(λ·pᵢ, fᵢ, cᵢ) = total, walking the breakpoints where a
 * cluster leaves its floor (fᵢ/pᵢ) or reaches its ceiling (cᵢ/pᵢ). Between breakpoints the sum is
 * linear: constant + slope·λ. The caller has checked Σf ≤ total ≤ the largest reachable sum.
 */
function solveScale(prepared: readonly Prepared[], total: number): number {
  let constant = sum(prepared.map((p) => p.floor));
  if (constant >= total) return 0;
  let slope = 0;
  const events: { at: number; index: number; start: boolean }[] = [];
  prepared.forEach((p, index) => {
    if (p.proposedExact <= 0) return;
    events.push({ at: p.floor / p.proposedExact, index, start: true });
    if (p.ceiling !== null) events.push({ at: p.ceiling / p.proposedExact, index, start: false });
  });
  events.sort((a, b) => a.at - b.at);
  for (const e of events) {
    if (slope > 0 && constant + slope * e.at >= total) return (total - constant) / slope;
    const p = prepared[e.index]!;
    if (e.start) {
      constant -= p.floor;
      slope += p.proposedExact;
    } else {
      slope -= p.proposedExact;
      constant += p.ceiling!;
    }
  }
  if (slope > 0) return (total - constant) / slope;
  throw new RangeError('Allocation total is unreachable'); // feasibility was checked: a bug if reached
}

function clamp(value: number, floor: number, ceiling: number | null): number {
  return Math.min(Math.max(value, floor), ceiling ?? Infinity);
}

/**
 * Next year's allocation preview (a what-if: change bands or the total and call again). Throws
 * `invalid_allocation` for malformed input and `infeasible_allocation` when the fixed total cannot
 * be met within the floors and ceilings; the field is named in each case.
 */
export function allocateSubsidies(input: AllocationInput): Allocation {
  const { unit, prepared } = validate(input);
  const fixedTotal = input.total !== null && input.total !== undefined;
  const floorsTotal = sum(prepared.map((p) => p.floor));

  let scale = 1;
  let totalUnits: number;
  if (fixedTotal) {
    const total = input.total!;
    if (total < floorsTotal)
      throw new EvaluationRuleError('infeasible_allocation', [
        { field: 'total', message: `The total ¥${total} is below the sum of the floors ¥${floorsTotal}` },
      ]);
    const ceilingsTotal = prepared.some((p) => p.ceiling === null)
      ? Infinity
      : sum(prepared.map((p) => p.ceiling!));
    if (total > ceilingsTotal)
      throw new EvaluationRuleError('infeasible_allocation', [
        { field: 'total', message: `The total ¥${total} is above the sum of the ceilings ¥${ceilingsTotal}` },
      ]);
    // Rescaling is proportional: a cluster proposed ¥0 (no current subsidy, or a −100 % band) stays at its floor.
    const reachable = sum(prepared.map((p) => (p.proposedExact > 0 ? (p.ceiling ?? Infinity) : p.floor)));
    if (total > reachable)
      throw new EvaluationRuleError('infeasible_allocation', [
        {
          field: 'total',
          message: `The total ¥${total} cannot be reached by rescaling: clusters proposed ¥0 stay at their floors, and the rest reach at most ¥${reachable}`,
        },
      ]);
    scale = solveScale(prepared, total);
    totalUnits = total / unit;
  } else {
    const exactUnits = sum(prepared.map((p) => clamp(p.proposedExact, p.floor, p.ceiling))) / unit;
    const down = Math.floor(snapToWhole(exactUnits));
    totalUnits = reaches(exactUnits - down, 0.5) ? down + 1 : down;
  }

  const shares = prepared.map((p) => clamp(scale * p.proposedExact, p.floor, p.ceiling));
  const units = apportion(
    shares.map((s) => s / unit),
    totalUnits,
    {
      min: prepared.map((p) => p.floor / unit),
      max: prepared.map((p) => (p.ceiling === null ? Infinity : p.ceiling / unit)),
      tieBreak: (a, b) => {
        const sa = prepared[a]!.input.score;
        const sb = prepared[b]!.input.score;
        if (sa !== null && sb !== null && !sameScore(sa, sb)) return sb - sa;
        if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
        return prepared[a]!.input.clusterId - prepared[b]!.input.clusterId;
      },
    },
  );

  const lines = prepared.map((p, i): AllocationLine => {
    const final = units[i]! * unit;
    const exact = scale * p.proposedExact;
    const current = p.input.current;
    return {
      clusterId: p.input.clusterId,
      score: p.input.score,
      band: p.band.band,
      adjustment: p.band.adjustment,
      current,
      proposed: Math.round(snapToWhole(p.proposedExact)),
      final,
      change: final - current,
      changePercent: current === 0 ? null : ((final - current) / current) * 100,
      floor: p.floor,
      ceiling: p.ceiling,
      clamped:
        exact < p.floor && !sameScore(exact, p.floor)
          ? 'floor'
          : p.ceiling !== null && exact > p.ceiling && !sameScore(exact, p.ceiling)
            ? 'ceiling'
            : null,
    };
  });
  return {
    lines,
    total: totalUnits * unit,
    currentTotal: sum(prepared.map((p) => p.input.current)),
    proposedTotal: sum(lines.map((l) => l.proposed)),
    unit,
    fixedTotal,
    scale,
  };
}
