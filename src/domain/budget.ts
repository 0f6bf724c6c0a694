/**
 * The budget ledger's vocabulary: where a cluster's (or the programme's) money comes from in a
 * fiscal year, and the indicators-per-money and per-researcher ratios the analytics show.
 */
import type { Yen } from './money';

/**
 * Kinds of budget line: the MEXT subsidy (about ¥500M a year per cluster), funds of the local
 * government, METI funds (Industrial Cluster Project, for the practical use of seeds), other
 * funds, and follow-on funds obtained from other programmes ("transfers to other funds").
 */
export const BUDGET_KINDS = ['mext_subsidy', 'local_government', 'meti', 'other', 'follow_on'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

export const BUDGET_KIND_LABELS: Readonly<Record<BudgetKind, { ja: string; en: string }>> = {
  mext_subsidy: { ja: '文部科学省補助金', en: 'MEXT subsidy' },
  local_government: { ja: '地方自治体資金', en: 'Local government funds' },
  meti: { ja: '経済産業省資金', en: 'METI funds' },
  other: { ja: 'その他の資金', en: 'Other funds' },
  follow_on: { ja: '他の資金への展開（獲得資金）', en: 'Follow-on funds obtained' },
};

export function isBudgetKind(value: unknown): value is BudgetKind {
  return typeof value === 'string' && (BUDGET_KINDS as readonly string[]).includes(value);
}

/**
 * The identity of a ledger line: scope (cluster id or "programme"), fiscal year, kind and source,
 * so importing the same line twice updates it instead of adding a second one.
 */
export function budgetLineKey(
  clusterId: number | null,
  fiscalYear: number,
  kind: BudgetKind,
  source: string,
): string {
  const scope = clusterId === null ? 'programme' : `cluster:${clusterId}`;
  return `${scope}|${fiscalYear}|${kind}|${source.normalize('NFKC').trim().toLowerCase()}`;
}

/** ¥100M (1 億円), the unit the analytics normalise outcomes by. */
export const HUNDRED_MILLION_YEN: Yen = 100_000_000;

/**
 * An indicator value per ¥100M of subsidy; null when there was no subsidy (a ratio over nothing
 * would be infinite, and showing 0 would hide the figure).
 */
export function perHundredMillionYen(value: number, subsidyYen: Yen): number | null {
  if (!(subsidyYen > 0)) return null;
  return (value * HUNDRED_MILLION_YEN) / subsidyYen;
}

/** An indicator value per researcher; null when the researcher count is unknown or zero. */
export function perResearcher(value: number, researchers: number | null | undefined): number | null {
  if (!researchers || researchers <= 0) return null;
  return value / researchers;
}

/** Progress toward a target as a fraction: (actual − baseline) / (target − baseline), baseline 0 when absent. */
export function targetProgress(
  actual: number | null,
  target: number,
  baseline: number | null = null,
): number | null {
  if (actual === null) return null;
  const base = baseline ?? 0;
  if (target === base) return actual >= target ? 1 : 0;
  return (actual - base) / (target - base);
}
