/**
 * Agreement between evaluators, what the seed's evaluators would want and no peer offers:
 *
 * - Krippendorff's alpha (α = 1 − D_o / D_e), computed from the coincidence matrix as in
 *   Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011). Units are cluster × item,
 *   coders are evaluators, values are the grades' points; a missing grade is allowed (a unit counts
 *   when at least two values were given: m_u ≥ 2). Each pairable unit adds, for every ordered pair
 *   of its values (c, k) from different coders, 1 / (m_u − 1) to o_ck; n_c = Σ_k o_ck; n = Σ n_c.
 *   D_o = Σ o_ck δ²ck / n and D_e = Σ n_c n_k δ²ck / (n (n − 1)).
 *   The ORDINAL metric (the default: S/A/B/C are ordered, not equally spaced by nature) is
 *   δ²ck = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²; nominal (δ = 0 if equal, else 1) and interval
 *   (δ² = (c − k)²) are offered as checks. α is null when it is undefined: fewer than two pairable
 *   values, or no variation at all (D_e = 0: every evaluator gave every unit the same grade).
 * - Leniency: each evaluator's mean offset from the OTHER evaluators' mean points on the same
 *   cluster × item units (positive = more lenient, grades higher than colleagues), with the number
 *   of units compared. Only counted gradings (submitted, not conflicted) take part.
 */
import { sum } from '../selection/numbers';
import { type GradeScale, pointsOf } from './grades';
import { describeValue, EvaluationRuleError, fieldPath } from './rule-error';
import { type ClusterGrading, isCounted } from './scores';
import { assertItems } from './weights';

export const ALPHA_METRICS = ['nominal', 'ordinal', 'interval'] as const;
export type AlphaMetric = (typeof ALPHA_METRICS)[number];

/** Alpha with the figures behind it. */
export interface AlphaResult {
  /** Krippendorff's alpha; null when undefined (no pairable values or no variation). */
  alpha: number | null;
  /** D_o: disagreement observed within units. */
  observedDisagreement: number;
  /** D_e: disagreement expected by chance from all pairable values. */
  expectedDisagreement: number;
  /** n: how many values took part (values in units with at least two values). */
  pairableValues: number;
  /** How many units had at least two values. */
  pairableUnits: number;
}

/** One unit's values by coder; null/undefined = that coder gave none. */
export type AlphaUnit = readonly (number | null | undefined)[];

/** The squared difference δ²ck between value indices c and k (values sorted ascending, marginals n). */
function deltaSquared(
  metric: AlphaMetric,
  values: readonly number[],
  marginals: readonly number[],
): (c: number, k: number) => number {
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (values[c]! - values[k]!) ** 2;
    case 'ordinal': {
      // cumulative[i] = n_0 + … + n_{i−1}, so Σ_{g=c..k} n_g = cumulative[k+1] − cumulative[c] for c ≤ k.
      const cumulative = [0];
      for (const n of marginals) cumulative.push(cumulative[cumulative.length - 1]! + n);
      return (c, k) => {
        const [lo, hi] = c <= k ? [c, k] : [k, c];
        const between = cumulative[hi + 1]! - cumulative[lo]!;
        return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
      };
    }
  }
}

/**
 * Krippendorff's alpha for units of values (any number of coders, missing values allowed). Throws
 * `invalid_grading` (field `units.${u}.${j}`) for a value that is not a finite number.
 */
export function krippendorffAlpha(units: readonly AlphaUnit[], metric: AlphaMetric = 'ordinal'): AlphaResult {
  const pairable: number[][] = [];
  units.forEach((unit, u) => {
    const present: number[] = [];
    unit.forEach((v, j) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new EvaluationRuleError('invalid_grading', [
          {
            field: fieldPath('units', u, j),
            message: `A value must be a finite number; got ${describeValue(v)}`,
          },
        ]);
      present.push(v);
    });
    if (present.length >= 2) pairable.push(present);
  });
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of pairable) {
    const counts = new Map<number, number>();
    for (const v of unit) {
      const i = index.get(v)!;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const m = unit.length;
    for (const [c, nc] of counts)
      for (const [k, nk] of counts) coincidences[c]![k]! += (nc * (c === k ? nk - 1 : nk)) / (m - 1);
  }
  const marginals = coincidences.map((row) => sum(row));
  const n = sum(marginals);
  // n is a sum of fractions 1/(m_u − 1) and can land a hair off its integer value (839.999…);
  // the count reported is the exact number of values, which n equals in exact arithmetic.
  const pairableValues = pairable.reduce((count, unit) => count + unit.length, 0);
  const empty = {
    observedDisagreement: 0,
    expectedDisagreement: 0,
    pairableValues,
    pairableUnits: pairable.length,
  };
  if (n < 2) return { alpha: null, ...empty };
  const delta = deltaSquared(metric, values, marginals);
  const observed: number[] = [];
  const expected: number[] = [];
  for (let c = 0; c < size; c++)
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed.push(coincidences[c]![k]! * d);
      expected.push(marginals[c]! * marginals[k]! * d);
    }
  const observedDisagreement = sum(observed) / n;
  const expectedDisagreement = sum(expected) / (n * (n - 1));
  return {
    alpha: expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement,
    observedDisagreement,
    expectedDisagreement,
    pairableValues,
    pairableUnits: pairable.length,
  };
}

/** The units of a round for one item (or all items): one unit per cluster × item, values = counted points. */
function unitsOf(
  clusters: readonly ClusterGrading[],
  items: readonly string[],
  scale: GradeScale,
): { item: string; values: (number | null)[] }[] {
  const units: { item: string; values: (number | null)[] }[] = [];
  clusters.forEach((cluster, i) => {
    for (const item of items) {
      const values: (number | null)[] = [];
      cluster.gradings.forEach((g, j) => {
        if (!isCounted(g)) return;
        const grade = g.grades[item];
        values.push(
          grade === null || grade === undefined
            ? null
            : pointsOf(scale, grade, () => fieldPath('clusters', i, 'gradings', j, 'grades', item)),
        );
      });
      units.push({ item, values });
    }
  });
  return units;
}

/** A round's agreement: overall (every cluster × item unit) and per item. */
export interface RoundAgreement {
  metric: AlphaMetric;
  overall: AlphaResult;
  items: { item: string; agreement: AlphaResult }[];
}

/**
 * Krippendorff's alpha for a round, overall and per item, over counted gradings (submitted, not
 * conflicted). Throws `unknown_grade` for a grade outside the scale.
 */
export function roundAgreement(
  items: readonly string[],
  scale: GradeScale,
  clusters: readonly ClusterGrading[],
  metric: AlphaMetric = 'ordinal',
): RoundAgreement {
  assertItems(items);
  const units = unitsOf(clusters, items, scale);
  return {
    metric,
    overall: krippendorffAlpha(
      units.map((u) => u.values),
      metric,
    ),
    items: items.map((item) => ({
      item,
      agreement: krippendorffAlpha(
        units.filter((u) => u.item === item).map((u) => u.values),
        metric,
      ),
    })),
  };
}

/** How far an evaluator grades above (+) or below (−) colleagues on the same units. */
export interface EvaluatorLeniency {
  evaluatorId: number;
  /** Mean over compared units of (own points − mean of the others' points); null when no unit was shared. */
  leniency: number | null;
  /** Units (cluster × item) this evaluator graded together with at least one other evaluator. */
  units: number;
}

/**
 * Each evaluator's leniency over counted gradings, by evaluator id. A unit graded by one evaluator
 * alone tells nothing and is skipped; so is a conflicted or unsubmitted grading.
 */
export function evaluatorLeniency(
  items: readonly string[],
  scale: GradeScale,
  clusters: readonly ClusterGrading[],
): EvaluatorLeniency[] {
  assertItems(items);
  const offsets = new Map<number, number[]>();
  clusters.forEach((cluster, i) => {
    const counted = cluster.gradings.filter(isCounted);
    for (const g of counted) if (!offsets.has(g.evaluatorId)) offsets.set(g.evaluatorId, []);
    for (const item of items) {
      const given: { evaluatorId: number; points: number }[] = [];
      cluster.gradings.forEach((g, j) => {
        if (!isCounted(g)) return;
        const grade = g.grades[item];
        if (grade === null || grade === undefined) return;
        given.push({
          evaluatorId: g.evaluatorId,
          points: pointsOf(scale, grade, () => fieldPath('clusters', i, 'gradings', j, 'grades', item)),
        });
      });
      if (given.length < 2) continue;
      const total = sum(given.map((x) => x.points));
      for (const x of given)
        offsets.get(x.evaluatorId)!.push(x.points - (total - x.points) / (given.length - 1));
    }
  });
  return [...offsets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([evaluatorId, list]) => ({
      evaluatorId,
      leniency: list.length === 0 ? null : sum(list) / list.length,
      units: list.length,
    }));
}
