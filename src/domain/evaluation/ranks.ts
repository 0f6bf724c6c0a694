/**
 * Standard competition ranking (1, 2, 2, 4) of scores, higher first, with the score tolerance of
 * selection/numbers: two totals computed in a different summation order are the same total. A tie
 * is measured against the FIRST score of its run, so 1e-9 steps cannot chain into a wide band. One
 * core ({@link rankInto}) serves the published ranking and the 1,000-trial stability runs, so both
 * rank the same way.
 */
import { sameScore } from '../selection/numbers';

/**
 * Writes the competition rank of `scores[order[p]]` into `ranks` for every index in `order`
 * (indices of scored entries; reordered in place, best first). Allocation-free for hot loops.
 */
export function rankInto(scores: ArrayLike<number>, order: number[], ranks: Int32Array | number[]): void {
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  let leader = NaN;
  let leaderRank = 0;
  for (let p = 0; p < order.length; p++) {
    const i = order[p]!;
    const s = scores[i]!;
    if (p === 0 || !sameScore(s, leader)) {
      leader = s;
      leaderRank = p + 1;
    }
    ranks[i] = leaderRank;
  }
}

/** Competition ranks per input index (higher score first); null and NaN scores get rank null. */
export function competitionRanks(scores: ArrayLike<number | null>): (number | null)[] {
  const values: number[] = [];
  const order: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    values.push(typeof s === 'number' ? s : NaN);
    if (typeof s === 'number' && !Number.isNaN(s)) order.push(i);
  }
  const ranks = new Array<number>(scores.length).fill(0);
  rankInto(values, order, ranks);
  return ranks.map((r) => (r === 0 ? null : r));
}
