/**
 * Tuning the matcher's options on half the labelled needs (the `tuneHalf` slice of
 * matching-quality.ts), never on the held-out half: coordinate ascent over a small grid per
 * option, objective MRR@10 + nDCG@10 of needs → seeds on the tuning half. `npm run -s
 * bench:matching -- --tune` prints the path it took and the held-out figures of the result, so
 * anyone can see whether the chosen defaults (DEFAULT_MATCHER_OPTIONS) overfit.
 */
import {
  DEFAULT_MATCHER_OPTIONS,
  type MatcherOptions,
  SeedIndex,
  type SignalBonuses,
} from '../../src/domain/matching/matcher';
import {
  clusterPrefectures,
  CUTOFF,
  evaluate,
  needDocument,
  needQueries,
  seedDocument,
  type SliceFigures,
} from './matching-quality';
import type { MatchingSet } from './matching-set';

type Options = Required<MatcherOptions>;

interface Knob {
  name: string;
  values: number[];
  set(o: Options, v: number): Options;
}

const bonuses = (o: Options, patch: Partial<SignalBonuses>): Options => ({
  ...o,
  bonuses: { ...o.bonuses, ...patch },
});

const KNOBS: Knob[] = [
  { name: 'k1', values: [0.6, 0.9, 1.2, 1.5, 2, 3], set: (o, v) => ({ ...o, k1: v }) },
  { name: 'b', values: [0.3, 0.5, 0.75, 0.9, 1], set: (o, v) => ({ ...o, b: v }) },
  {
    name: 'seed.title',
    values: [1, 2, 3, 4, 6],
    set: (o, v) => ({ ...o, seedFieldWeights: { ...o.seedFieldWeights, title: v } }),
  },
  {
    name: 'seed.keywords',
    values: [0.5, 1, 2, 3, 4],
    set: (o, v) => ({ ...o, seedFieldWeights: { ...o.seedFieldWeights, keywords: v } }),
  },
  {
    name: 'seed.summary',
    values: [0.5, 1, 1.5, 2],
    set: (o, v) => ({ ...o, seedFieldWeights: { ...o.seedFieldWeights, summary: v } }),
  },
  { name: 'bigramWeight', values: [0.25, 0.5, 0.75, 1], set: (o, v) => ({ ...o, bigramWeight: v }) },
  { name: 'conceptWeight', values: [0.5, 0.75, 1, 1.5, 2], set: (o, v) => ({ ...o, conceptWeight: v }) },
  { name: 'queryTitleRepeat', values: [1, 2, 3], set: (o, v) => ({ ...o, queryTitleRepeat: v }) },
  { name: 'sameField', values: [0, 0.1, 0.2, 0.3, 0.5], set: (o, v) => bonuses(o, { sameField: v }) },
  { name: 'sameRegion', values: [0, 0.05, 0.1, 0.2], set: (o, v) => bonuses(o, { sameRegion: v }) },
  {
    name: 'stageScale',
    values: [0, 0.5, 1, 2],
    set: (o, v) =>
      bonuses(o, {
        stage: { research: 0, prototype: 0.03 * v, field_trial: 0.06 * v, ready_to_license: 0.1 * v },
      }),
  },
];

export interface TuneResult {
  objective: string;
  start: { options: Options; tuneHalf: SliceFigures; heldOutHalf: SliceFigures };
  steps: { knob: string; value: number; tuneObjective: number }[];
  best: { options: Options; tuneHalf: SliceFigures; heldOutHalf: SliceFigures };
}

/** Coordinate ascent from the current defaults; a change must gain at least 0.005 to be kept. */
export function tuneMatcher(set: MatchingSet, glossary: boolean, rounds = 2): TuneResult {
  const prefectures = clusterPrefectures();
  const queries = needQueries(set);
  const run = (options: MatcherOptions) => {
    const index = new SeedIndex<string>(options);
    for (const s of set.seeds) index.add(seedDocument(s, prefectures));
    return evaluate(queries, (need) =>
      index.matchNeed(needDocument(need), { limit: CUTOFF }).map((m) => m.id),
    );
  };
  const objectiveOf = (f: SliceFigures) => f.mrr + f.ndcgAt10;
  let current: Options = { ...DEFAULT_MATCHER_OPTIONS, glossary };
  const startFigures = run(current);
  let best = objectiveOf(startFigures.tuneHalf!);
  const steps: TuneResult['steps'] = [];
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (const knob of KNOBS) {
      for (const value of knob.values) {
        const candidate = knob.set(current, value);
        const score = objectiveOf(run(candidate).tuneHalf!);
        if (score > best + 0.005) {
          best = score;
          current = candidate;
          changed = true;
          steps.push({ knob: knob.name, value, tuneObjective: Math.round(score * 10_000) / 10_000 });
        }
      }
    }
    if (!changed) break;
  }
  const end = run(current);
  return {
    objective: 'MRR@10 + nDCG@10 on tuneHalf (needs → seeds)',
    start: {
      options: { ...DEFAULT_MATCHER_OPTIONS, glossary },
      tuneHalf: startFigures.tuneHalf!,
      heldOutHalf: startFigures.heldOutHalf!,
    },
    steps,
    best: { options: current, tuneHalf: end.tuneHalf!, heldOutHalf: end.heldOutHalf! },
  };
}
