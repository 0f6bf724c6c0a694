import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from '../selection/random';
import { type Bm25Options, Bm25Index } from './bm25';
import type { Term } from './tokenize';

/**
 * Bm25Index.search prunes (MaxScore): it must return exactly what scoring every document would —
 * the same ids, scores and order, ties by slot — for any query, limit and accept. Here a
 * straightforward reference scores every live document of seeded random corpora and the two are
 * compared. Texts are space-separated tokens ("b:…" a bigram, "c:…" a concept) so lengths and
 * frequencies are exact sums and the reference can sum in the same order as the index.
 */

const tokens = (text: string): Term[] =>
  text
    .split(' ')
    .filter(Boolean)
    .map((t) => ({
      term: t,
      kind: t.startsWith('b:') ? 'bigram' : t.startsWith('c:') ? 'concept' : 'word',
    }));

type Fields = Record<string, string>;

/**
 * Scores every live document (given in slot order) for a query; the best `limit` accepted, by
 * score, then slot.
 */
function reference(docs: readonly { id: number; fields: Fields }[], options: Bm25Options) {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const weightOf = (t: Term) =>
    t.kind === 'bigram'
      ? (options.bigramWeight ?? 0.5)
      : t.kind === 'concept'
        ? (options.conceptWeight ?? 1)
        : 1;
  const fields = Object.keys(options.fieldWeights);
  const n = docs.length;
  // Per document: per term, its weighted frequency per field; per field, its weighted length.
  const tf = docs.map(() => new Map<string, number[]>());
  const lengths = docs.map(() => fields.map(() => 0));
  const df = new Map<string, number>();
  docs.forEach((doc, d) => {
    fields.forEach((field, f) => {
      for (const t of tokens(doc.fields[field] ?? '')) {
        const w = weightOf(t);
        lengths[d]![f]! += w;
        if (!tf[d]!.has(t.term))
          tf[d]!.set(
            t.term,
            fields.map(() => 0),
          );
        tf[d]!.get(t.term)![f]! += w;
      }
    });
    for (const term of tf[d]!.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  });
  const avg = fields.map((_, f) => {
    const total = lengths.reduce((sum, l) => sum + l[f]!, 0);
    return total > 0 ? total / n : 1;
  });
  return (query: string, limit: number, accept: (id: number) => boolean) => {
    const queryWeights = new Map<string, number>();
    for (const t of tokens(query)) queryWeights.set(t.term, (queryWeights.get(t.term) ?? 0) + weightOf(t));
    const scored: { id: number; slot: number; score: number }[] = [];
    docs.forEach((doc, d) => {
      let score = 0;
      let matched = false;
      for (const [term, qWeight] of queryWeights) {
        const freq = tf[d]!.get(term);
        if (!freq || qWeight === 0) continue;
        const idf = Math.log(1 + (n - df.get(term)! + 0.5) / (df.get(term)! + 0.5));
        let pseudo = 0;
        fields.forEach((field, f) => {
          pseudo += freq[f]! * (options.fieldWeights[field]! / (1 - b + (b * lengths[d]![f]!) / avg[f]!));
        });
        if (pseudo === 0) continue;
        matched = true;
        score += (qWeight * idf * pseudo) / (k1 + pseudo);
      }
      if (matched) scored.push({ id: doc.id, slot: d, score });
    });
    return scored
      .filter((s) => accept(s.id))
      .sort((x, y) => y.score - x.score || x.slot - y.slot)
      .slice(0, limit);
  };
}

interface Corpus {
  docs: number;
  /** Distinct terms, and the Zipf exponent of their use (0: uniform; 1.2: a few very common). */
  vocabulary: number;
  skew: number;
  options: Bm25Options;
  /** Share of documents that copy an earlier one (equal scores: ties broken by slot). */
  copies: number;
  /** Share of documents removed (some then added again, taking a new slot). */
  removals: number;
  /**
   * Each term tN has a twin uN, and each document a mirror with the twins swapped: a document and
   * its mirror score the same, but summed in another order (the query names tN and uN apart), so
   * the last bits can differ — unless summed in query order, as an exhaustive search does.
   */
  mirrored?: boolean;
}

const corpora: [string, Corpus][] = [
  [
    'one document',
    { docs: 1, vocabulary: 5, skew: 0, copies: 0, removals: 0, options: { fieldWeights: { text: 1 } } },
  ],
  [
    'a few, uniform',
    { docs: 12, vocabulary: 8, skew: 0, copies: 0.2, removals: 0, options: { fieldWeights: { text: 1 } } },
  ],
  [
    'hundreds, skewed, two fields',
    {
      docs: 300,
      vocabulary: 200,
      skew: 1,
      copies: 0.1,
      removals: 0.1,
      options: { fieldWeights: { title: 3, body: 1 } },
    },
  ],
  [
    'thousands, very skewed, three fields (as seeds)',
    {
      docs: 3000,
      vocabulary: 2000,
      skew: 1.2,
      copies: 0.05,
      removals: 0.05,
      options: { fieldWeights: { title: 3, keywords: 2, summary: 1 }, k1: 2, conceptWeight: 2 },
    },
  ],
  [
    'thousands, many ties (small vocabulary, many copies)',
    {
      docs: 2000,
      vocabulary: 30,
      skew: 0.8,
      copies: 0.5,
      removals: 0,
      options: { fieldWeights: { text: 1 }, b: 1 },
    },
  ],
  [
    'a zero-weight field, no length normalisation, bigrams weightless',
    {
      docs: 1500,
      vocabulary: 600,
      skew: 1,
      copies: 0.05,
      removals: 0.2,
      options: { fieldWeights: { a: 2, hidden: 0, c: 0.5 }, b: 0, k1: 0.5, bigramWeight: 0 },
    },
  ],
  [
    'contributions near their bounds (k1 small, no length normalisation)',
    {
      docs: 2000,
      vocabulary: 500,
      skew: 1,
      copies: 0.05,
      removals: 0.05,
      options: { fieldWeights: { text: 1 }, k1: 0.05, b: 0 },
    },
  ],
  [
    'mirrored twins (equal scores, summed in other orders)',
    {
      docs: 1000,
      vocabulary: 60,
      skew: 0.7,
      copies: 0,
      removals: 0,
      mirrored: true,
      options: { fieldWeights: { title: 2, body: 1 } },
    },
  ],
];

/** The text with each term's twin: tN ↔ uN. */
const twins = (text: string) =>
  text.replace(/\b([tu])(\d)/g, (_, twin: string, digit: string) => `${twin === 't' ? 'u' : 't'}${digit}`);

function buildCorpus(corpus: Corpus, seed: number) {
  const random = seededRandom(seed);
  // Zipf: term i drawn with weight 1 / (i + 1)^skew.
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < corpus.vocabulary; i++) cumulative.push((total += 1 / (i + 1) ** corpus.skew));
  const term = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    const name = `${corpus.mirrored && random() < 0.5 ? 'u' : 't'}${lo}`;
    const kind = random();
    return kind < 0.15 ? `b:${name}` : kind < 0.25 ? `c:${name}` : name;
  };
  const text = (max: number) => Array.from({ length: Math.floor(random() * max) }, term).join(' ');
  const fields = Object.keys(corpus.options.fieldWeights);
  const index = new Bm25Index<number>({ ...corpus.options, tokenize: tokens });
  /** The live documents in slot order, as the reference wants them. */
  let live: { id: number; fields: Fields }[] = [];
  for (let id = 0; id < corpus.docs; id++) {
    const copied = live.length > 0 && random() < corpus.copies;
    const doc = {
      id,
      fields: copied
        ? live[Math.floor(random() * live.length)]!.fields
        : Object.fromEntries(fields.map((f, i) => [f, text(i === 0 ? 8 : 40)])),
    };
    index.add(id, doc.fields);
    live.push(doc);
    if (corpus.mirrored && !copied) {
      const mirror = {
        id: ++id,
        fields: Object.fromEntries(Object.entries(doc.fields).map(([f, text]) => [f, twins(text)])),
      };
      index.add(mirror.id, mirror.fields);
      live.push(mirror);
    }
  }
  const removed = live.filter(() => random() < corpus.removals);
  for (const doc of removed) index.remove(doc.id);
  live = live.filter((doc) => !removed.includes(doc));
  for (const doc of removed.filter(() => random() < 0.5)) {
    index.add(doc.id, doc.fields);
    live.push(doc);
  }
  // A mirrored corpus is asked symmetric queries (each term and its twin, in a random order), so
  // that a document and its mirror tie but for rounding.
  const query = corpus.mirrored
    ? () => {
        const words = text(30);
        return shuffled(`${words} ${twins(words)}`.split(' ').filter(Boolean), random).join(' ');
      }
    : () => text(60);
  const queries = [...Array.from({ length: 12 }, query), 'absent words only', `t0 t0 t0 ${text(5)}`];
  return { index, live, queries };
}

/** Deterministic pseudo-random per id, so a filter rejects a steady share. */
const hash = (id: number) => ((Math.imul(id + 1, 2654435761) >>> 0) % 1000) / 1000;

const filters: [string, ((id: number) => boolean) | undefined][] = [
  ['no filter', undefined],
  ['rejecting none', () => true],
  ['rejecting 50 %', (id) => hash(id) < 0.5],
  ['rejecting 99 %', (id) => hash(id) < 0.01],
];

describe('Bm25Index.search prunes exactly: the same hits as scoring every document', () => {
  describe.each(corpora)('%s', (_, corpus) => {
    const { index, live, queries } = buildCorpus(corpus, corpus.docs * 7919 + corpus.vocabulary);
    const exhaustive = reference(live, corpus.options);

    it.each([1, 10, 50].flatMap((limit) => filters.map(([name, accept]) => [limit, name, accept] as const)))(
      'limit %i, %s',
      (limit, _name, accept) => {
        for (const query of queries) {
          const asked = new Map<number, number>();
          const counted = accept && ((id: number) => (asked.set(id, (asked.get(id) ?? 0) + 1), accept(id)));
          const hits = index.search(query, limit, counted);
          const want = exhaustive(query, limit, accept ?? (() => true));
          expect(
            hits.map((h) => h.id),
            query,
          ).toEqual(want.map((w) => w.id));
          expect(hits.filter((h, k) => !(Math.abs(h.score - want[k]!.score) <= 1e-12))).toEqual([]);
          // Each hit explains its whole score.
          const unexplained = hits.filter(
            (h) => Math.abs(h.matched.reduce((sum, m) => sum + m.contribution, 0) - h.score) > 1e-9,
          );
          expect(unexplained).toEqual([]);
          // accept is asked at most once per document in a search.
          expect([...asked.values()].filter((times) => times > 1)).toEqual([]);
        }
      },
    );
  });

  it('skips most postings of common terms on a skewed corpus (the pruning takes effect)', () => {
    const { index, queries } = buildCorpus(corpora[3]![1], 42);
    let read = 0;
    let postings = 0;
    for (const query of queries.slice(0, 12)) {
      index.search(query, 10);
      read += index.lastSearchCost.scanned + index.lastSearchCost.lookedUp;
      postings += index.lastSearchCost.postings;
    }
    expect(read).toBeLessThan(postings / 2);
  });

  it('leaves no state behind when accept throws', () => {
    const { index, live, queries } = buildCorpus(corpora[2]![1], 7);
    expect(() =>
      index.search(queries[0]!, 10, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const want = reference(live, corpora[2]![1].options)(queries[0]!, 10, () => true);
    expect(index.search(queries[0]!, 10).map((h) => h.id)).toEqual(want.map((w) => w.id));
  });

  it.each([
    [{ bigramWeight: -0.5 }, /bigramWeight/],
    [{ conceptWeight: Number.NaN }, /conceptWeight/],
  ])('refuses a negative query term weight %#', (weights, message) => {
    expect(() => new Bm25Index({ fieldWeights: { text: 1 }, ...weights })).toThrow(message);
  });
});
