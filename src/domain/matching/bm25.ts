/**
 * BM25F ranking over documents with weighted fields (title, summary, keywords…), for matching
 * seeds and needs. Robertson and Zaragoza's simple BM25F: per term, a field-weighted pseudo term
 * frequency with each field's length normalised against that field's average,
 *
 *   tf̃(t, d) = Σ_f w_f · tf_f(t, d) / (1 − b + b · len_f(d) / avglen_f)
 *   score(q, d) = Σ_{t ∈ q} q_t · idf(t) · tf̃ / (k1 + tf̃),  idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
 *
 * where q_t is the term's weight in the query (a whole word 1, a bigram of a long Japanese word
 * less, see tokenize.ts). Each hit explains itself: the terms that matched, in which fields, and
 * what each added. Documents can be added and removed; statistics follow.
 */
import { type Term, tokenize } from './tokenize';

export interface Bm25Options {
  /** Weight of each field; fields not listed are not indexed. */
  fieldWeights: Readonly<Record<string, number>>;
  /** Term-frequency saturation (default 1.2). */
  k1?: number;
  /** Length normalisation, 0 (none) to 1 (full) (default 0.75). */
  b?: number;
  /** Weight of a bigram term relative to a whole word, in documents and queries (default 0.5). */
  bigramWeight?: number;
}

export interface MatchedTerm {
  term: string;
  /** The fields the term was found in, heaviest first. */
  fields: string[];
  /** What the term added to the score. */
  contribution: number;
}

export interface Bm25Hit<Id> {
  id: Id;
  score: number;
  /** The terms that matched, largest contribution first. */
  matched: MatchedTerm[];
}

interface Posting {
  doc: number;
  /** Weighted frequency per field index (bigrams counted at bigramWeight). */
  tf: Float64Array;
}

function weightOf(term: Term, bigramWeight: number): number {
  return term.kind === 'bigram' ? bigramWeight : 1;
}

export class Bm25Index<Id> {
  private readonly fields: string[];
  private readonly weights: Float64Array;
  private readonly k1: number;
  private readonly b: number;
  private readonly bigramWeight: number;
  private readonly postings = new Map<string, Posting[]>();
  private readonly ids: (Id | undefined)[] = [];
  private readonly slotOf = new Map<Id, number>();
  private readonly lengths: Float64Array[] = [];
  private readonly terms: string[][] = [];
  private readonly totalLength: Float64Array;
  private live = 0;

  constructor(options: Bm25Options) {
    this.fields = Object.keys(options.fieldWeights);
    if (this.fields.length === 0) throw new RangeError('BM25F needs at least one weighted field');
    for (const f of this.fields) {
      const w = options.fieldWeights[f]!;
      if (!Number.isFinite(w) || w < 0) throw new RangeError(`Field weight of ${f} must be ≥ 0; got ${w}`);
    }
    this.weights = Float64Array.from(this.fields.map((f) => options.fieldWeights[f]!));
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.bigramWeight = options.bigramWeight ?? 0.5;
    if (!(this.k1 > 0)) throw new RangeError(`k1 must be > 0; got ${this.k1}`);
    if (!(this.b >= 0 && this.b <= 1)) throw new RangeError(`b must be within 0–1; got ${this.b}`);
    this.totalLength = new Float64Array(this.fields.length);
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.live;
  }

  /** Indexes a document (replacing one with the same id). */
  add(id: Id, fields: Readonly<Record<string, string | readonly string[] | null | undefined>>): void {
    if (this.slotOf.has(id)) this.remove(id);
    const doc = this.ids.length;
    const perTerm = new Map<string, Float64Array>();
    const lengths = new Float64Array(this.fields.length);
    this.fields.forEach((field, f) => {
      const value = fields[field];
      const text = Array.isArray(value) ? value.join(' ') : ((value as string | null | undefined) ?? '');
      for (const t of tokenize(text)) {
        const w = weightOf(t, this.bigramWeight);
        lengths[f]! += w;
        let tf = perTerm.get(t.term);
        if (!tf) perTerm.set(t.term, (tf = new Float64Array(this.fields.length)));
        tf[f]! += w;
      }
    });
    for (const [term, tf] of perTerm) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push({ doc, tf });
    }
    this.ids.push(id);
    this.slotOf.set(id, doc);
    this.lengths.push(lengths);
    this.terms.push([...perTerm.keys()]);
    lengths.forEach((l, f) => (this.totalLength[f]! += l));
    this.live++;
  }

  /** Removes a document; false when it was not indexed. */
  remove(id: Id): boolean {
    const doc = this.slotOf.get(id);
    if (doc === undefined) return false;
    for (const term of this.terms[doc]!) {
      const list = this.postings.get(term)!;
      const kept = list.filter((p) => p.doc !== doc);
      if (kept.length === 0) this.postings.delete(term);
      else this.postings.set(term, kept);
    }
    this.lengths[doc]!.forEach((l, f) => (this.totalLength[f]! -= l));
    this.terms[doc] = [];
    this.ids[doc] = undefined;
    this.slotOf.delete(id);
    this.live--;
    return true;
  }

  /** The best `limit` documents for the query text, best first; ties by insertion order. */
  search(query: string, limit = 10, accept?: (id: Id) => boolean): Bm25Hit<Id>[] {
    if (this.live === 0 || limit <= 0) return [];
    const queryWeights = new Map<string, number>();
    for (const t of tokenize(query))
      queryWeights.set(t.term, (queryWeights.get(t.term) ?? 0) + weightOf(t, this.bigramWeight));
    const n = this.live;
    const avg = Array.from(this.totalLength, (total) => (total > 0 ? total / n : 1));
    const scores = new Map<number, number>();
    const contributions = new Map<number, { term: string; fields: string[]; contribution: number }[]>();
    for (const [term, qWeight] of queryWeights) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        let pseudo = 0;
        const found: { field: string; part: number }[] = [];
        for (let f = 0; f < tf.length; f++) {
          if (tf[f] === 0 || this.weights[f] === 0) continue;
          const norm = 1 - this.b + (this.b * this.lengths[doc]![f]!) / avg[f]!;
          const part = (this.weights[f]! * tf[f]!) / norm;
          pseudo += part;
          found.push({ field: this.fields[f]!, part });
        }
        if (pseudo === 0) continue;
        const contribution = (qWeight * idf * pseudo) / (this.k1 + pseudo);
        scores.set(doc, (scores.get(doc) ?? 0) + contribution);
        let mine = contributions.get(doc);
        if (!mine) contributions.set(doc, (mine = []));
        mine.push({
          term,
          fields: found.sort((a, b) => b.part - a.part).map((x) => x.field),
          contribution,
        });
      }
    }
    const ranked = [...scores.entries()]
      .filter(([doc]) => accept === undefined || accept(this.ids[doc]!))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit);
    return ranked.map(([doc, score]) => ({
      id: this.ids[doc]!,
      score,
      matched: contributions.get(doc)!.sort((a, b) => b.contribution - a.contribution),
    }));
  }
}
