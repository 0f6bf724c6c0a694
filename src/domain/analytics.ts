/**
 * The arithmetic of the analytics: how one indicator's accepted figures add up per group (cluster,
 * key field, start cohort) and per reporting period, how they are normalised per ¥100M of MEXT
 * subsidy or per researcher, and how groups are ranked. Pure: the repo hands over one figure per
 * cluster and reporting period, already summed by the database.
 */
import { perHundredMillionYen, perResearcher } from './budget';

export const NORMALISATIONS = ['raw', 'per100m', 'perResearcher'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

export const ANALYTICS_GROUPINGS = ['cluster', 'keyField', 'cohort'] as const;
export type AnalyticsGrouping = (typeof ANALYTICS_GROUPINGS)[number];

/** One cluster's accepted figure for one reporting period (a fiscal year, or a multi-year report). */
export interface ClusterPeriodFigure {
  clusterId: number;
  fyFrom: number;
  fyTo: number;
  /** The indicator summed over the cluster's current accepted reports for this period. */
  value: number;
  /** Researchers named by those reports; null when no report gave a count. */
  researchers: number | null;
  /** The part of `value` from reports that gave a researcher count (the numerator per researcher). */
  valueWithResearchers: number;
  /** MEXT subsidy recorded for the cluster over the period's fiscal years; null when none is recorded. */
  subsidyYen: number | null;
}

/** A sum of figures, with its normalised value and what it was divided by. */
export interface Aggregate {
  /** Raw sum of the indicator. */
  value: number;
  /** The figure in the requested normalisation (equal to `value` for raw); null when the denominator is unknown. */
  normalised: number | null;
  /** Subsidy in yen (per100m) or researchers (perResearcher) behind `normalised`; null for raw or unknown. */
  denominator: number | null;
  /** Clusters that contributed a figure. */
  clusters: number;
  /** Of those, how many had a denominator (the others are left out of the normalised figure). */
  clustersWithDenominator: number;
}

export interface Period {
  fyFrom: number;
  fyTo: number;
  /** A multi-year report (like the seed's FY2002–FY2004) kept whole: its figures are not split into years. */
  isMultiYear: boolean;
}

/**
 * Sums figures and normalises them. Per ¥100M divides the value of the figures that have a recorded
 * subsidy by that subsidy; per researcher divides the value of reports that gave a researcher count
 * by the count. Figures without a denominator stay in `value` but out of `normalised`, so a missing
 * ledger line never looks like a very efficient cluster.
 */
export function aggregateFigures(figures: readonly ClusterPeriodFigure[], mode: Normalisation): Aggregate {
  const clusters = new Set<number>();
  const covered = new Set<number>();
  let value = 0;
  let numerator = 0;
  let denominator = 0;
  for (const f of figures) {
    clusters.add(f.clusterId);
    value += f.value;
    if (mode === 'per100m' && f.subsidyYen !== null && f.subsidyYen > 0) {
      numerator += f.value;
      denominator += f.subsidyYen;
      covered.add(f.clusterId);
    }
    if (mode === 'perResearcher' && f.researchers !== null && f.researchers > 0) {
      numerator += f.valueWithResearchers;
      denominator += f.researchers;
      covered.add(f.clusterId);
    }
  }
  if (mode === 'raw') {
    return {
      value,
      normalised: value,
      denominator: null,
      clusters: clusters.size,
      clustersWithDenominator: 0,
    };
  }
  const normalised =
    mode === 'per100m' ? perHundredMillionYen(numerator, denominator) : perResearcher(numerator, denominator);
  return {
    value,
    normalised,
    denominator: denominator > 0 ? denominator : null,
    clusters: clusters.size,
    clustersWithDenominator: covered.size,
  };
}

/**
 * Standard competition ranking, highest first: equal values share a rank and the next rank skips
 * (1, 2, 2, 4). Null values are not ranked.
 */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) =>
    v === null ? null : 1 + values.filter((other) => other !== null && other > v).length,
  );
}

/** The reporting periods present in the figures, in order (FY2002, FY2002–FY2004, FY2003, …). */
export function periodsOf(figures: readonly Pick<ClusterPeriodFigure, 'fyFrom' | 'fyTo'>[]): Period[] {
  const seen = new Map<string, Period>();
  for (const f of figures) {
    const key = `${f.fyFrom}-${f.fyTo}`;
    if (!seen.has(key)) seen.set(key, { fyFrom: f.fyFrom, fyTo: f.fyTo, isMultiYear: f.fyTo > f.fyFrom });
  }
  return [...seen.values()].sort((a, b) => a.fyFrom - b.fyFrom || a.fyTo - b.fyTo);
}

export interface GroupDefinition {
  key: string;
  clusterIds: readonly number[];
}

export interface GroupResult {
  key: string;
  points: (Period & Aggregate)[];
  /** Over the whole range; null when the group reported nothing. */
  total: Aggregate | null;
  rank: number | null;
}

export interface IndicatorAnalytics {
  periods: Period[];
  /** Ranked (rank, then the given order); groups without figures come last. */
  groups: GroupResult[];
  /** Every group together, per period and over the range. */
  overall: { points: (Period & Aggregate)[]; total: Aggregate | null };
}

function pointsOf(figures: readonly ClusterPeriodFigure[], periods: readonly Period[], mode: Normalisation) {
  return periods.flatMap((p) => {
    const inPeriod = figures.filter((f) => f.fyFrom === p.fyFrom && f.fyTo === p.fyTo);
    return inPeriod.length === 0 ? [] : [{ ...p, ...aggregateFigures(inPeriod, mode) }];
  });
}

/**
 * Groups the figures, sums each group per period and over the range, normalises, and ranks the
 * groups on their range total in the requested normalisation.
 */
export function analyseIndicator(
  figures: readonly ClusterPeriodFigure[],
  groups: readonly GroupDefinition[],
  mode: Normalisation,
): IndicatorAnalytics {
  const periods = periodsOf(figures);
  const byCluster = new Map<number, ClusterPeriodFigure[]>();
  for (const f of figures) {
    const list = byCluster.get(f.clusterId);
    if (list) list.push(f);
    else byCluster.set(f.clusterId, [f]);
  }
  const unranked = groups.map((g) => {
    const own = g.clusterIds.flatMap((id) => byCluster.get(id) ?? []);
    return {
      key: g.key,
      points: pointsOf(own, periods, mode),
      total: own.length === 0 ? null : aggregateFigures(own, mode),
    };
  });
  const ranks = competitionRanks(unranked.map((g) => g.total?.normalised ?? null));
  const ranked = unranked
    .map((g, i) => ({ ...g, rank: ranks[i] ?? null, order: i }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.order - b.order)
    .map(({ order: _order, ...g }) => g);
  const inGroups = new Set(groups.flatMap((g) => g.clusterIds));
  const all = figures.filter((f) => inGroups.has(f.clusterId));
  return {
    periods,
    groups: ranked,
    overall: {
      points: pointsOf(all, periods, mode),
      total: all.length === 0 ? null : aggregateFigures(all, mode),
    },
  };
}
