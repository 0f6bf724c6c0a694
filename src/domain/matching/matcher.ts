/**
 * Matching technology seeds (cluster offers) and business needs (company requests), both ways.
 *
 * The text score is BM25F over the seed's or need's fields (bm25.ts, terms from tokenize.ts, so
 * Japanese and English meet where they share terms). On top of it three programme signals re-rank
 * what the text found — never add what it did not find, so a match always shares words:
 *
 * - same key field (the Second Basic Plan's four priorities): the coordinators' first filter;
 * - stage: a seed ready to license or in field trial is nearer to a company's product than basic
 *   research, so it weighs a little more for a need;
 * - region: a company in the seed's METI region (same prefecture: a bit more) can meet in person,
 *   which the seed calls the point of a cluster.
 *
 * score = textScore × (1 + Σ signal bonuses). Each ranked match carries the matched terms (with
 * fields and contributions) and the signals that applied, which the coordinators read as the
 * explanation.
 */
import type { KeyFieldKey } from '../key-fields';
import { PREFECTURES, type RegionKey } from '../prefectures';
import { Bm25Index, type MatchedTerm } from './bm25';
import { ConceptFinder, tokenizeWithGlossary } from './glossary';

export const SEED_STAGES = ['research', 'prototype', 'field_trial', 'ready_to_license'] as const;
export type SeedStage = (typeof SEED_STAGES)[number];

export interface LocalisedText {
  ja?: string | null;
  en?: string | null;
}

export interface SeedDocument<Id> {
  id: Id;
  title: LocalisedText;
  summary: LocalisedText;
  keywords: readonly string[];
  keyField: KeyFieldKey;
  stage: SeedStage;
  /** JIS code of the cluster's prefecture, when known. */
  prefectureCode: string | null;
}

export interface NeedDocument<Id> {
  id: Id;
  title: LocalisedText;
  description: LocalisedText;
  keyField: KeyFieldKey;
  prefectureCode: string | null;
}

/** How much each signal adds, as a fraction of the text score. */
export interface SignalBonuses {
  sameField: number;
  sameRegion: number;
  samePrefecture: number;
  stage: Readonly<Record<SeedStage, number>>;
}

/** How much each signal adds, as a fraction of the text score. */
export const SIGNAL_BONUS: SignalBonuses = {
  sameField: 0.3,
  sameRegion: 0.1,
  samePrefecture: 0.05,
  stage: { research: 0, prototype: 0.03, field_trial: 0.06, ready_to_license: 0.1 },
};

export type MatchSignal =
  | { kind: 'same_field'; keyField: KeyFieldKey; bonus: number }
  | { kind: 'stage'; stage: SeedStage; bonus: number }
  | { kind: 'same_region'; region: RegionKey; bonus: number }
  | { kind: 'same_prefecture'; prefectureCode: string; bonus: number };

export interface RankedMatch<Id> {
  id: Id;
  score: number;
  textScore: number;
  /** Terms shared by the two texts, largest contribution first. */
  matched: MatchedTerm[];
  signals: MatchSignal[];
}

export interface MatchOptions<Id> {
  limit?: number;
  /** Only candidates this accepts are ranked (published, not expired, not the same company…). */
  accept?: (id: Id) => boolean;
}

/**
 * How the text is ranked and re-ranked; every option has a default chosen on the labelled set's
 * tuning half (docs/decisions/0012), so callers normally pass nothing.
 */
export interface MatcherOptions {
  /** BM25F weight of the seed's fields (in a SeedIndex) or the need's (in a NeedIndex). */
  seedFieldWeights?: Readonly<{ title: number; keywords: number; summary: number }>;
  needFieldWeights?: Readonly<{ title: number; description: number }>;
  k1?: number;
  b?: number;
  bigramWeight?: number;
  /** Weight of a glossary concept term relative to a word (glossary.ts). */
  conceptWeight?: number;
  /** Add the bilingual glossary's concepts to the terms (default true). */
  glossary?: boolean;
  /** How many times the title is repeated in the query (it says what is wanted). */
  queryTitleRepeat?: number;
  bonuses?: SignalBonuses;
}

/** Field weights: a title says what the thing is; keywords are chosen words; the body is long. */
const SEED_FIELDS = { title: 3, keywords: 2, summary: 1 };
const NEED_FIELDS = { title: 3, description: 1 };

export const DEFAULT_MATCHER_OPTIONS: Required<MatcherOptions> = {
  seedFieldWeights: SEED_FIELDS,
  needFieldWeights: NEED_FIELDS,
  // k1 2, concept weight 2 and the title once in the query were chosen on the labelled set's tuning
  // half and checked on its held-out half (docs/decisions/0012); the rest are the usual values.
  k1: 2,
  b: 0.75,
  bigramWeight: 0.5,
  conceptWeight: 2,
  glossary: true,
  queryTitleRepeat: 1,
  bonuses: SIGNAL_BONUS,
};

let sharedFinder: ConceptFinder | undefined;

function indexFor<Id>(options: Required<MatcherOptions>, fieldWeights: Readonly<Record<string, number>>) {
  return new Bm25Index<Id>({
    fieldWeights,
    k1: options.k1,
    b: options.b,
    bigramWeight: options.bigramWeight,
    conceptWeight: options.conceptWeight,
    ...(options.glossary ? { tokenize: tokenizeWithGlossary((sharedFinder ??= new ConceptFinder())) } : {}),
  });
}

function repeat(text: string, times: number): string {
  return Array.from({ length: times }, () => text).join('\n');
}

/** How many text hits are re-ranked with the signals, per result wanted. */
const RERANK_DEPTH = 5;
const MIN_RERANK = 50;

const REGION_OF = new Map(PREFECTURES.map((p) => [p.code, p.region]));

function both(text: LocalisedText): string {
  return [text.ja, text.en].filter((t): t is string => !!t && t.trim() !== '').join('\n');
}

/** The signals between a seed and a need, with their bonuses. */
export function signalsBetween(
  seed: Pick<SeedDocument<unknown>, 'keyField' | 'stage' | 'prefectureCode'>,
  need: Pick<NeedDocument<unknown>, 'keyField' | 'prefectureCode'>,
  bonuses: SignalBonuses = SIGNAL_BONUS,
): MatchSignal[] {
  const signals: MatchSignal[] = [];
  if (seed.keyField === need.keyField && seed.keyField !== 'other' && bonuses.sameField > 0)
    signals.push({ kind: 'same_field', keyField: seed.keyField, bonus: bonuses.sameField });
  const stageBonus = bonuses.stage[seed.stage];
  if (stageBonus > 0) signals.push({ kind: 'stage', stage: seed.stage, bonus: stageBonus });
  const seedRegion = seed.prefectureCode ? REGION_OF.get(seed.prefectureCode) : undefined;
  const needRegion = need.prefectureCode ? REGION_OF.get(need.prefectureCode) : undefined;
  if (seedRegion !== undefined && seedRegion === needRegion) {
    if (bonuses.sameRegion > 0)
      signals.push({ kind: 'same_region', region: seedRegion, bonus: bonuses.sameRegion });
    if (seed.prefectureCode === need.prefectureCode && bonuses.samePrefecture > 0)
      signals.push({
        kind: 'same_prefecture',
        prefectureCode: seed.prefectureCode!,
        bonus: bonuses.samePrefecture,
      });
  }
  return signals;
}

/** The final score of a text hit with its signals. */
export function combinedScore(textScore: number, signals: readonly MatchSignal[]): number {
  return textScore * (1 + signals.reduce((sum, s) => sum + s.bonus, 0));
}

function rerank<Id, Doc>(
  hits: { id: Id; score: number; matched: MatchedTerm[] }[],
  docOf: (id: Id) => Doc,
  signalsOf: (doc: Doc) => MatchSignal[],
  limit: number,
): RankedMatch<Id>[] {
  return hits
    .map((hit, order) => {
      const signals = signalsOf(docOf(hit.id));
      return {
        order,
        match: {
          id: hit.id,
          score: combinedScore(hit.score, signals),
          textScore: hit.score,
          matched: hit.matched,
          signals,
        },
      };
    })
    .sort((a, b) => b.match.score - a.match.score || a.order - b.order)
    .slice(0, limit)
    .map((x) => x.match);
}

/** Seeds indexed for the needs that ask: "which seeds answer this need?" */
export class SeedIndex<Id> {
  private readonly options: Required<MatcherOptions>;
  private readonly index: Bm25Index<Id>;
  private readonly docs = new Map<Id, SeedDocument<Id>>();

  constructor(options: MatcherOptions = {}) {
    this.options = { ...DEFAULT_MATCHER_OPTIONS, ...options };
    this.index = indexFor(this.options, this.options.seedFieldWeights);
  }

  get size(): number {
    return this.docs.size;
  }

  add(seed: SeedDocument<Id>): void {
    this.docs.set(seed.id, seed);
    this.index.add(seed.id, {
      title: both(seed.title),
      keywords: seed.keywords,
      summary: both(seed.summary),
    });
  }

  remove(id: Id): boolean {
    this.docs.delete(id);
    return this.index.remove(id);
  }

  has(id: Id): boolean {
    return this.docs.has(id);
  }

  /** The seeds best answering the need, best first, each with its explanation. */
  matchNeed(need: Omit<NeedDocument<unknown>, 'id'>, options: MatchOptions<Id> = {}): RankedMatch<Id>[] {
    const limit = options.limit ?? 10;
    const query = `${repeat(both(need.title), this.options.queryTitleRepeat)}\n${both(need.description)}`;
    const hits = this.index.search(query, Math.max(limit * RERANK_DEPTH, MIN_RERANK), options.accept);
    return rerank(
      hits,
      (id) => this.docs.get(id)!,
      (seed) => signalsBetween(seed, need, this.options.bonuses),
      limit,
    );
  }
}

/** Needs indexed for the seeds that ask: "which companies want this seed?" */
export class NeedIndex<Id> {
  private readonly options: Required<MatcherOptions>;
  private readonly index: Bm25Index<Id>;
  private readonly docs = new Map<Id, NeedDocument<Id>>();

  constructor(options: MatcherOptions = {}) {
    this.options = { ...DEFAULT_MATCHER_OPTIONS, ...options };
    this.index = indexFor(this.options, this.options.needFieldWeights);
  }

  get size(): number {
    return this.docs.size;
  }

  add(need: NeedDocument<Id>): void {
    this.docs.set(need.id, need);
    this.index.add(need.id, { title: both(need.title), description: both(need.description) });
  }

  remove(id: Id): boolean {
    this.docs.delete(id);
    return this.index.remove(id);
  }

  has(id: Id): boolean {
    return this.docs.has(id);
  }

  /** The needs the seed best answers, best first, each with its explanation. */
  matchSeed(seed: Omit<SeedDocument<unknown>, 'id'>, options: MatchOptions<Id> = {}): RankedMatch<Id>[] {
    const limit = options.limit ?? 10;
    const query = `${repeat(both(seed.title), this.options.queryTitleRepeat)}\n${seed.keywords.join('\n')}\n${both(seed.summary)}`;
    const hits = this.index.search(query, Math.max(limit * RERANK_DEPTH, MIN_RERANK), options.accept);
    return rerank(
      hits,
      (id) => this.docs.get(id)!,
      (need) => signalsBetween(seed, need, this.options.bonuses),
      limit,
    );
  }
}
