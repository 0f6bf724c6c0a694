/**
 * Ranking: proposals ordered by score, ties shown as ties (standard competition ranking 1, 2, 2, 4)
 * after the call's tie-break rules have been applied in order.
 *
 * Eligible and ineligible proposals are ranked SEPARATELY: eligible ones hold ranks 1…n and come
 * first; ineligible ones (under a threshold) follow with their own ranks 1…m and `group:
 * 'ineligible'`, so an ineligible proposal never takes or shifts an eligible rank, yet the officer
 * still sees where it would have stood (`rankIgnoringThresholds`). Proposals without a score
 * (no submitted review) close each group unranked (rank null).
 */
import { compareScores } from './numbers';

/** A call's tie-break rule; applied in the call's order until the tie is broken or the rules run out. */
export type TieBreakRule = { kind: 'criterion'; criterion: string };

export interface RankInput {
  proposalId: number;
  score: number | null;
  criteria: Readonly<Record<string, number | null>>;
  eligible: boolean;
}

export interface RankedProposal {
  proposalId: number;
  group: 'eligible' | 'ineligible';
  /** Competition rank within the group; null when unscored. */
  rank: number | null;
  /** Rank as if there were no thresholds, for transparency; null when unscored. */
  rankIgnoringThresholds: number | null;
  /** Other proposals sharing this rank (after every tie-break rule); empty when the rank is its own. */
  tiedWith: number[];
  /**
   * The tie-break rule that set this proposal apart from proposals with the same score, or null
   * when the score alone decided (or nothing did: still tied).
   */
  decidedBy: TieBreakRule | null;
  score: number | null;
}

interface Bucket {
  items: RankInput[];
  decidedBy: TieBreakRule | null;
}

/** Higher first, null last; tolerant, so sums in a different order stay equal. */
function byValueDesc(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareScores(b, a);
}

/**
 * Splits one bucket by a key: sort by the exact key (a strict order), then cut where a value is no
 * longer the same score as the FIRST value of the current run. Comparing with the run's first value
 * (not the previous one) keeps a tie from chaining across 1e-9 steps into a wide band.
 */
function split(bucket: Bucket, key: (p: RankInput) => number | null, rule: TieBreakRule | null): Bucket[] {
  if (bucket.items.length < 2) return [bucket];
  const sorted = [...bucket.items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
    return kb - ka;
  });
  const runs: RankInput[][] = [];
  let leader: number | null | undefined;
  for (const p of sorted) {
    const k = key(p);
    if (runs.length > 0 && byValueDesc(leader!, k) === 0) runs[runs.length - 1]!.push(p);
    else {
      runs.push([p]);
      leader = k;
    }
  }
  if (runs.length === 1) return [bucket];
  return runs.map((items) => ({ items, decidedBy: rule ?? bucket.decidedBy }));
}

/** Orders scored proposals into tie buckets: by score, then each rule in turn on the buckets still tied. */
function bucketsOf(items: readonly RankInput[], rules: readonly TieBreakRule[]): Bucket[] {
  let buckets = split({ items: [...items], decidedBy: null }, (p) => p.score, null);
  for (const rule of rules) {
    buckets = buckets.flatMap((b) => split(b, (p) => p.criteria[rule.criterion] ?? null, rule));
  }
  return buckets;
}

function competition(buckets: readonly Bucket[]): Map<number, { rank: number; bucket: Bucket }> {
  const out = new Map<number, { rank: number; bucket: Bucket }>();
  let position = 1;
  for (const bucket of buckets) {
    for (const p of bucket.items) out.set(p.proposalId, { rank: position, bucket });
    position += bucket.items.length;
  }
  return out;
}

/**
 * Ranks the proposals. A criterion tie-break prefers the higher aggregated score on that criterion
 * (a proposal nobody scored on it comes after); proposals still equal after every rule share the
 * rank and are listed by id, an order for display only. Throws on a repeated proposal id.
 */
export function rankProposals(
  proposals: readonly RankInput[],
  rules: readonly TieBreakRule[],
): RankedProposal[] {
  const ids = new Set<number>();
  for (const p of proposals) {
    if (ids.has(p.proposalId)) throw new RangeError(`Proposal ${p.proposalId} appears twice`);
    ids.add(p.proposalId);
  }
  const byId = [...proposals].sort((a, b) => a.proposalId - b.proposalId);
  const scored = byId.filter((p) => p.score !== null);
  const all = competition(bucketsOf(scored, rules));
  const out: RankedProposal[] = [];
  for (const group of ['eligible', 'ineligible'] as const) {
    const members = byId.filter((p) => p.eligible === (group === 'eligible'));
    const ranked = competition(
      bucketsOf(
        members.filter((p) => p.score !== null),
        rules,
      ),
    );
    const ordered = [...ranked.entries()].sort((a, b) => a[1].rank - b[1].rank || a[0] - b[0]);
    for (const [id, { rank, bucket }] of ordered) {
      const p = bucket.items.find((x) => x.proposalId === id)!;
      out.push({
        proposalId: id,
        group,
        rank,
        rankIgnoringThresholds: all.get(id)!.rank,
        tiedWith: bucket.items
          .map((x) => x.proposalId)
          .filter((x) => x !== id)
          .sort((a, b) => a - b),
        decidedBy: bucket.items.length === 1 ? bucket.decidedBy : null,
        score: p.score,
      });
    }
    for (const p of members.filter((x) => x.score === null))
      out.push({
        proposalId: p.proposalId,
        group,
        rank: null,
        rankIgnoringThresholds: null,
        tiedWith: [],
        decidedBy: null,
        score: null,
      });
  }
  return out;
}
