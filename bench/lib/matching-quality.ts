/**
 * Quality of matching on the labelled set (bench/data/matching): each system ranks the top 10
 * seeds for every need (and the top 10 needs for every seed that some need calls relevant), and
 * we score the rankings with precision@5, MRR@10, recall@10 and nDCG@10.
 *
 * Systems, all on the same texts (a seed's title, keywords and summary in every language it has;
 * a need's title and description):
 * - `ours`: src/domain/matching/matcher.ts (BM25F + field/stage/region signals), with and without
 *   the bilingual glossary.
 * - `keywordOverlap`: plain keyword overlap. Text is lower-cased (no NFKC, no stemming, no stop
 *   words, no bigrams) and split into words by `Intl.Segmenter('ja', { granularity: 'word' })`,
 *   keeping word-like segments; a candidate's score is the number of DISTINCT query words found
 *   anywhere in its text (all fields together). Candidates sharing no word are not returned; ties
 *   keep the set's order.
 * - `miniSearchDefault`: MiniSearch with its default options (its default tokenizer splits on
 *   spaces and punctuation, so a Japanese sentence is one "word"; default BM25+ ranking, OR of
 *   terms, no prefix or fuzzy search, no field boosts) indexing the same fields.
 * - `miniSearchOurTokenizer`: the same with `tokenize: terms` from src/domain/matching/tokenize.ts
 *   (ICU segmentation, Porter stems, bigrams), for a fair comparison of the ranking alone.
 */
import fs from 'node:fs';
import MiniSearch from 'minisearch';
import {
  type MatcherOptions,
  NeedIndex,
  type NeedDocument,
  SeedIndex,
  type SeedDocument,
} from '../../src/domain/matching/matcher';
import { terms } from '../../src/domain/matching/tokenize';
import { findPrefecture } from '../../src/domain/prefectures';
import type { MatchingNeed, MatchingSeed, MatchingSet } from './matching-set';

export const CUTOFF = 10;

/** A system answers both questions with ranked ids, best first (at most CUTOFF). */
export interface MatchingSystem {
  name: string;
  seedsFor(need: MatchingNeed): string[];
  needsFor(seed: MatchingSeed): string[];
}

/** Cluster key → JIS prefecture code (the first prefecture of a cluster that spans several). */
export function clusterPrefectures(csvPath = 'data/reference/clusters.csv'): Map<string, string | null> {
  const lines = fs.readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
  return new Map(
    lines.map((line) => {
      const cols = line.split(',');
      const first = (cols[3] ?? '').split('/')[0]!;
      return [cols[0]!, findPrefecture(first)?.code ?? null];
    }),
  );
}

export function seedDocument(
  seed: MatchingSeed,
  prefectures: ReadonlyMap<string, string | null>,
): SeedDocument<string> {
  return {
    id: seed.id,
    title: seed.title,
    summary: seed.summary,
    keywords: seed.keywords,
    keyField: seed.keyField,
    stage: seed.stage,
    prefectureCode: prefectures.get(seed.cluster) ?? null,
  };
}

export function needDocument(need: MatchingNeed): NeedDocument<string> {
  return {
    id: need.id,
    title: { [need.lang]: need.title },
    description: { [need.lang]: need.description },
    keyField: need.keyField,
    prefectureCode: need.region,
  };
}

function seedText(seed: MatchingSeed): { title: string; keywords: string; summary: string } {
  const join = (t: { ja?: string; en?: string }) => [t.ja, t.en].filter(Boolean).join('\n');
  return { title: join(seed.title), keywords: seed.keywords.join(' '), summary: join(seed.summary) };
}

function needText(need: MatchingNeed): string {
  return `${need.title}\n${need.description}`;
}

export function oursSystem(set: MatchingSet, options: MatcherOptions = {}, name = 'ours'): MatchingSystem {
  const prefectures = clusterPrefectures();
  const seeds = new SeedIndex<string>(options);
  const needs = new NeedIndex<string>(options);
  for (const s of set.seeds) seeds.add(seedDocument(s, prefectures));
  for (const n of set.needs) needs.add(needDocument(n));
  return {
    name,
    seedsFor: (need) => seeds.matchNeed(needDocument(need), { limit: CUTOFF }).map((m) => m.id),
    needsFor: (seed) => needs.matchSeed(seedDocument(seed, prefectures), { limit: CUTOFF }).map((m) => m.id),
  };
}

const plainSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** The keyword-overlap baseline's words: lower case, ICU word-like segments, nothing else. */
export function plainWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const { segment, isWordLike } of plainSegmenter.segment(text.toLowerCase()))
    if (isWordLike) out.add(segment);
  return out;
}

function overlapRank(query: string, candidates: { id: string; words: Set<string> }[]): string[] {
  const q = plainWords(query);
  return candidates
    .map((c, order) => {
      let shared = 0;
      for (const w of q) if (c.words.has(w)) shared++;
      return { id: c.id, shared, order };
    })
    .filter((c) => c.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.order - b.order)
    .slice(0, CUTOFF)
    .map((c) => c.id);
}

export function keywordOverlapSystem(set: MatchingSet): MatchingSystem {
  const seeds = set.seeds.map((s) => {
    const t = seedText(s);
    return { id: s.id, words: plainWords(`${t.title}\n${t.keywords}\n${t.summary}`) };
  });
  const needs = set.needs.map((n) => ({ id: n.id, words: plainWords(needText(n)) }));
  return {
    name: 'keywordOverlap',
    seedsFor: (need) => overlapRank(needText(need), seeds),
    needsFor: (seed) => {
      const t = seedText(seed);
      return overlapRank(`${t.title}\n${t.keywords}\n${t.summary}`, needs);
    },
  };
}

export function miniSearchSystem(set: MatchingSet, ourTokenizer: boolean): MatchingSystem {
  const tokenizerOptions = ourTokenizer ? { tokenize: (text: string) => terms(text) } : {};
  const seeds = new MiniSearch<{ id: string; title: string; keywords: string; summary: string }>({
    fields: ['title', 'keywords', 'summary'],
    ...tokenizerOptions,
  });
  seeds.addAll(set.seeds.map((s) => ({ id: s.id, ...seedText(s) })));
  const needs = new MiniSearch<{ id: string; title: string; description: string }>({
    fields: ['title', 'description'],
    ...tokenizerOptions,
  });
  needs.addAll(set.needs.map((n) => ({ id: n.id, title: n.title, description: n.description })));
  return {
    name: ourTokenizer ? 'miniSearchOurTokenizer' : 'miniSearchDefault',
    seedsFor: (need) =>
      seeds
        .search(needText(need))
        .slice(0, CUTOFF)
        .map((r) => r.id as string),
    needsFor: (seed) => {
      const t = seedText(seed);
      return needs
        .search(`${t.title}\n${t.keywords}\n${t.summary}`)
        .slice(0, CUTOFF)
        .map((r) => r.id as string);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

export interface Judgement {
  relevant: ReadonlySet<string>;
  partial: ReadonlySet<string>;
}

export interface QueryScores {
  precisionAt5: number;
  reciprocalRank: number;
  recallAt10: number;
  ndcgAt10: number;
}

/** Precision@5, reciprocal rank of the first relevant item in the top 10, recall@10, nDCG@10. */
export function scoreRanking(ranked: readonly string[], judgement: Judgement): QueryScores {
  const top = ranked.slice(0, CUTOFF);
  const isRelevant = (id: string) => judgement.relevant.has(id);
  const firstRelevant = top.findIndex(isRelevant);
  // nDCG: gain 1 for relevant, 0.5 for partially relevant, log2 discount.
  const gain = (id: string) => (judgement.relevant.has(id) ? 1 : judgement.partial.has(id) ? 0.5 : 0);
  const dcg = top.reduce((sum, id, i) => sum + gain(id) / Math.log2(i + 2), 0);
  const ideal = [
    ...Array<number>(judgement.relevant.size).fill(1),
    ...Array<number>(judgement.partial.size).fill(0.5),
  ]
    .slice(0, CUTOFF)
    .reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  return {
    precisionAt5: top.slice(0, 5).filter(isRelevant).length / 5,
    reciprocalRank: firstRelevant < 0 ? 0 : 1 / (firstRelevant + 1),
    recallAt10: top.filter(isRelevant).length / Math.max(1, judgement.relevant.size),
    ndcgAt10: ideal === 0 ? 0 : dcg / ideal,
  };
}

export interface SliceFigures {
  queries: number;
  precisionAt5: number;
  mrr: number;
  recallAt10: number;
  ndcgAt10: number;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function summarise(scores: readonly QueryScores[]): SliceFigures {
  const r = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    queries: scores.length,
    precisionAt5: r(mean(scores.map((s) => s.precisionAt5))),
    mrr: r(mean(scores.map((s) => s.reciprocalRank))),
    recallAt10: r(mean(scores.map((s) => s.recallAt10))),
    ndcgAt10: r(mean(scores.map((s) => s.ndcgAt10))),
  };
}

/** A query of one direction, with its judgement and the slices it belongs to. */
export interface EvaluationQuery<Q> {
  query: Q;
  id: string;
  judgement: Judgement;
  slices: string[];
}

/**
 * Needs → seeds: slices all, ja, en, crossLanguage (every relevant seed only in the other
 * language), tuneHalf / heldOutHalf.
 */
export function needQueries(set: MatchingSet): EvaluationQuery<MatchingNeed>[] {
  const seedLang = new Map(set.seeds.map((s) => [s.id, s.lang]));
  return set.needs.map((need) => {
    const cross = need.relevant.every((id) => seedLang.get(id) !== 'both' && seedLang.get(id) !== need.lang);
    // Needs alternate ja/en by id, so halves by odd/even id would split by language: pairs instead
    // (n001–n002, n005–n006, … tune; n003–n004, n007–n008, … held out), both languages in each.
    const tune = Math.floor((Number(need.id.slice(1)) - 1) / 2) % 2 === 0;
    return {
      query: need,
      id: need.id,
      judgement: { relevant: new Set(need.relevant), partial: new Set(need.partiallyRelevant ?? []) },
      slices: ['all', need.lang, ...(cross ? ['crossLanguage'] : []), tune ? 'tuneHalf' : 'heldOutHalf'],
    };
  });
}

/** Seeds → needs (labels inverted): every seed some need calls relevant; slices by the seed's language. */
export function seedQueries(set: MatchingSet): EvaluationQuery<MatchingSeed>[] {
  const out: EvaluationQuery<MatchingSeed>[] = [];
  for (const seed of set.seeds) {
    const relevant = set.needs.filter((n) => n.relevant.includes(seed.id));
    if (relevant.length === 0) continue;
    const partial = set.needs.filter((n) => n.partiallyRelevant?.includes(seed.id));
    const cross = seed.lang !== 'both' && relevant.every((n) => n.lang !== seed.lang);
    out.push({
      query: seed,
      id: seed.id,
      judgement: { relevant: new Set(relevant.map((n) => n.id)), partial: new Set(partial.map((n) => n.id)) },
      slices: ['all', seed.lang, ...(cross ? ['crossLanguage'] : [])],
    });
  }
  return out;
}

/** The figures of one system over one direction's queries, per slice. */
export function evaluate<Q>(
  queries: readonly EvaluationQuery<Q>[],
  rank: (query: Q) => string[],
): Record<string, SliceFigures> {
  const bySlice = new Map<string, QueryScores[]>();
  for (const q of queries) {
    const scores = scoreRanking(rank(q.query), q.judgement);
    for (const slice of q.slices) {
      const list = bySlice.get(slice) ?? [];
      list.push(scores);
      bySlice.set(slice, list);
    }
  }
  return Object.fromEntries([...bySlice.entries()].map(([slice, scores]) => [slice, summarise(scores)]));
}

/** The best any ranking could do on precision@5 (most needs have fewer than 5 relevant seeds). */
export function idealPrecisionAt5<Q>(queries: readonly EvaluationQuery<Q>[]): number {
  return Math.round(mean(queries.map((q) => Math.min(5, q.judgement.relevant.size) / 5)) * 10_000) / 10_000;
}
