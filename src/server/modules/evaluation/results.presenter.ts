/** Rows and rule outputs of scoring → the API's shapes (evaluation-results contract). */
import type {
  EvaluatorRef,
  ItemDistribution,
  ResultClusterRef,
  ResultRoundRef,
  ResultWeightSet,
} from '../../../contracts/evaluation-results';
import type { RoundCriteria, RoundKind, RoundStatus } from '../../../contracts/evaluation-rounds';
import type { DisplayWeight, ItemDistribution as DomainDistribution } from '../../../domain/evaluation';
import type { EvaluationRoundRow, WeightSetRow } from './evaluation.table';

export function toResultRoundRef(row: EvaluationRoundRow): ResultRoundRef {
  return {
    key: row.key,
    title: { ja: row.title_ja, en: row.title_en },
    kind: row.kind as RoundKind,
    status: row.status as RoundStatus,
    fiscalYear: row.fiscal_year,
    allocationFiscalYear: row.allocation_fiscal_year,
    announceOn: row.announce_on,
    publishedAt: row.published_at,
    isDemo: Number(row.is_demo) === 1,
  };
}

export function toResultClusterRef(row: {
  id: number;
  key: string;
  name_ja: string;
  name_en: string;
}): ResultClusterRef {
  return { id: row.id, key: row.key, name: { ja: row.name_ja, en: row.name_en } };
}

/** The round's items flattened from the criteria tree, in tree order. */
export function toResultItems(criteria: RoundCriteria) {
  return criteria.flatMap((g) =>
    g.items.map((i) => ({ key: i.key, label: i.label, groupKey: g.key, groupLabel: g.label })),
  );
}

export function toResultWeightSet(
  row: WeightSetRow,
  weights: Readonly<Record<string, number>>,
  display: readonly DisplayWeight[],
): ResultWeightSet {
  return {
    id: row.id,
    version: row.version,
    method: row.method,
    reason: row.reason,
    memberCount: row.member_count,
    lockedAt: row.locked_at,
    weights: display.map((d) => ({ item: d.item, weight: weights[d.item]!, display: d.value, text: d.text })),
  };
}

export function toItemDistribution(d: DomainDistribution): ItemDistribution {
  return { item: d.item, counts: d.counts, graded: d.graded, meanPoints: d.meanPoints };
}

/** 0 → A, 25 → Z, 26 → AA (bijective base 26), so any number of evaluators gets a label. */
export function evaluatorLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Labels the round's evaluators A, B, … in account order, the same for every cluster of the
 * round; names only for officers (and an evaluator's own).
 */
export function evaluatorRefs(
  evaluators: readonly { id: number; name: string }[],
  options: { showNames: boolean; me: number | null },
): Map<number, EvaluatorRef> {
  const sorted = [...evaluators].sort((a, b) => a.id - b.id);
  return new Map(
    sorted.map((e, i) => {
      const label = evaluatorLetter(i);
      const isMe = options.me === e.id;
      return [
        e.id,
        {
          label,
          displayLabel: { ja: `評価者${label}`, en: `Evaluator ${label}` },
          name: options.showNames || isMe ? e.name : null,
          isMe,
        },
      ];
    }),
  );
}
