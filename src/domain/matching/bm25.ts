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
 *
 * Built for 100,000 documents (bench/matching.bench.ts): postings are typed arrays sorted by
 * document slot, scores accumulate in one reused Float64Array, the best `limit` are picked with a
 * small heap, and only those are explained (by looking their terms up again), so a query costs
 * one pass over its terms' postings and nothing per matched document beyond an addition.
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
  /** Weight of a glossary concept term (see glossary.ts), in documents and queries (default 1). */
  conceptWeight?: number;
  /** How text becomes terms (default: tokenize.ts). */
  tokenize?: (text: string) => Term[];
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

/** One term's postings: document slots in increasing order and their weighted frequency per field. */
class Postings {
  docs: Int32Array;
  /** tf[i * fields + f]: weighted frequency of the term in field f of document docs[i]. */
  tf: Float32Array;
  length = 0;

  constructor(private readonly fields: number) {
    this.docs = new Int32Array(2);
    this.tf = new Float32Array(2 * fields);
  }

  push(doc: number, tf: Float64Array): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.docs.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const freq = new Float32Array(this.tf.length * 2);
      freq.set(this.tf);
      this.tf = freq;
    }
    this.docs[this.length] = doc;
    this.tf.set(tf, this.length * this.fields);
    this.length++;
  }

  /** The position of the document's posting, or −1. */
  find(doc: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.docs[mid]!;
      if (d === doc) return mid;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  removeAt(i: number): void {
    this.docs.copyWithin(i, i + 1, this.length);
    this.tf.copyWithin(i * this.fields, (i + 1) * this.fields, this.length * this.fields);
    this.length--;
  }
}

function weightOf(term: Term, bigramWeight: number, conceptWeight: number): number {
  return term.kind === 'bigram' ? bigramWeight : term.kind === 'concept' ? conceptWeight : 1;
}

export class Bm25Index<Id> {
  private readonly fields: string[];
  private readonly weights: Float64Array;
  private readonly k1: number;
  private readonly b: number;
  private readonly bigramWeight: number;
  private readonly conceptWeight: number;
  private readonly tokenize: (text: string) => Term[];
  private readonly postings = new Map<string, Postings>();
  private readonly ids: (Id | undefined)[] = [];
  private readonly slotOf = new Map<Id, number>();
  /** lengths[doc * fields + f]: weighted length of field f of the document. */
  private lengths = new Float64Array(0);
  private readonly terms: (string[] | undefined)[] = [];
  private readonly totalLength: Float64Array;
  /**
   * weighted[doc * fields + f] = w_f / (1 − b + b · len_f(d) / avglen_f): a field's weight over
   * its length normalisation, so a posting's tf̃ is Σ_f tf_f · weighted_f. The averages move with
   * every change, so it is recomputed (one pass over the slots) at the first search after one.
   */
  private weighted = new Float64Array(0);
  private isWeightedStale = true;
  /** Scores of the current search, by slot; all zero between searches. */
  private scratch = new Float64Array(0);
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
    this.conceptWeight = options.conceptWeight ?? 1;
    this.tokenize = options.tokenize ?? tokenize;
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
    const nf = this.fields.length;
    const doc = this.ids.length;
    const perTerm = new Map<string, Float64Array>();
    const lengths = new Float64Array(nf);
    this.fields.forEach((field, f) => {
      const value = fields[field];
      const text = Array.isArray(value) ? value.join(' ') : ((value as string | null | undefined) ?? '');
      for (const t of this.tokenize(text)) {
        const w = weightOf(t, this.bigramWeight, this.conceptWeight);
        lengths[f]! += w;
        let tf = perTerm.get(t.term);
        if (!tf) perTerm.set(t.term, (tf = new Float64Array(nf)));
        tf[f]! += w;
      }
    });
    for (const [term, tf] of perTerm) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Postings(nf)));
      list.push(doc, tf);
    }
    this.ids.push(id);
    this.slotOf.set(id, doc);
    if (this.lengths.length < (doc + 1) * nf) {
      const grown = new Float64Array(Math.max(64, (doc + 1) * 2) * nf);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths.set(lengths, doc * nf);
    this.terms.push([...perTerm.keys()]);
    lengths.forEach((l, f) => (this.totalLength[f]! += l));
    this.live++;
    this.isWeightedStale = true;
  }

  /** Removes a document; false when it was not indexed. */
  remove(id: Id): boolean {
    const doc = this.slotOf.get(id);
    if (doc === undefined) return false;
    const nf = this.fields.length;
    for (const term of this.terms[doc]!) {
      const list = this.postings.get(term)!;
      list.removeAt(list.find(doc));
      if (list.length === 0) this.postings.delete(term);
    }
    for (let f = 0; f < nf; f++) {
      this.totalLength[f]! -= this.lengths[doc * nf + f]!;
      this.lengths[doc * nf + f] = 0;
    }
    this.terms[doc] = undefined;
    this.ids[doc] = undefined;
    this.slotOf.delete(id);
    this.live--;
    this.isWeightedStale = true;
    return true;
  }

  /** The query's terms with their weights (repeats add up), in order of first appearance. */
  private queryTerms(query: string): Map<string, number> {
    const weights = new Map<string, number>();
    for (const t of this.tokenize(query))
      weights.set(t.term, (weights.get(t.term) ?? 0) + weightOf(t, this.bigramWeight, this.conceptWeight));
    return weights;
  }

  /** Recomputes `weighted` when documents were added or removed since the last search. */
  private refreshWeighted(): void {
    if (!this.isWeightedStale) return;
    const nf = this.fields.length;
    const slots = this.ids.length;
    if (this.weighted.length < slots * nf) this.weighted = new Float64Array(this.lengths.length);
    const avg = Float64Array.from(this.totalLength, (total) => (total > 0 ? total / this.live : 1));
    for (let doc = 0; doc < slots; doc++)
      for (let f = 0; f < nf; f++) {
        const k = doc * nf + f;
        this.weighted[k] = this.weights[f]! / (1 - this.b + (this.b * this.lengths[k]!) / avg[f]!);
      }
    this.isWeightedStale = false;
  }

  /** BM25F's pseudo frequency tf̃ of one posting (0 when only zero-weight fields hold the term). */
  private pseudoFrequency(list: Postings, i: number): number {
    const nf = this.fields.length;
    const at = i * nf;
    const of = list.docs[i]! * nf;
    let pseudo = 0;
    for (let f = 0; f < nf; f++) pseudo += list.tf[at + f]! * this.weighted[of + f]!;
    return pseudo;
  }

  /** The best `limit` documents for the query text, best first; ties by insertion order. */
  search(query: string, limit = 10, accept?: (id: Id) => boolean): Bm25Hit<Id>[] {
    if (this.live === 0 || limit <= 0) return [];
    const queryWeights = this.queryTerms(query);
    const n = this.live;
    this.refreshWeighted();
    if (this.scratch.length < this.ids.length)
      this.scratch = new Float64Array(Math.max(this.ids.length, this.scratch.length * 2));
    const scores = this.scratch;
    const touched: number[] = [];
    const idfOf = new Map<string, number>();
    for (const [term, qWeight] of queryWeights) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      idfOf.set(term, idf);
      const factor = qWeight * idf;
      for (let i = 0; i < list.length; i++) {
        const pseudo = this.pseudoFrequency(list, i);
        if (pseudo === 0) continue;
        const doc = list.docs[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (factor * pseudo) / (this.k1 + pseudo);
      }
    }
    const best = this.pickBest(touched, scores, limit, accept);
    for (const doc of touched) scores[doc] = 0;
    return best.map(({ doc, score }) => ({
      id: this.ids[doc]!,
      score,
      matched: this.explain(doc, queryWeights, idfOf),
    }));
  }

  /** The best `limit` accepted documents, best score first, ties by slot (a bounded min-heap). */
  private pickBest(
    touched: readonly number[],
    scores: Float64Array,
    limit: number,
    accept: ((id: Id) => boolean) | undefined,
  ): { doc: number; score: number }[] {
    // "Worse" = lower score, or the same score and a later slot.
    const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
    const heap: number[] = [];
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
        if (m === i) return;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    };
    for (const doc of touched) {
      if (heap.length === limit && !worse(heap[0]!, doc)) continue;
      // accept() is asked only of documents good enough to enter the top `limit`.
      if (accept !== undefined && !accept(this.ids[doc]!)) continue;
      if (heap.length < limit) {
        heap.push(doc);
        for (let i = heap.length - 1; i > 0;) {
          const p = (i - 1) >>> 1;
          if (!worse(heap[i]!, heap[p]!)) break;
          [heap[i], heap[p]] = [heap[p]!, heap[i]!];
          i = p;
        }
      } else {
        heap[0] = doc;
        siftDown(0);
      }
    }
    return heap.sort((a, b) => (worse(a, b) ? 1 : -1)).map((doc) => ({ doc, score: scores[doc]! }));
  }

  /** The terms a document matched, with their fields and contributions, largest first. */
  private explain(
    doc: number,
    queryWeights: ReadonlyMap<string, number>,
    idfOf: ReadonlyMap<string, number>,
  ): MatchedTerm[] {
    const nf = this.fields.length;
    const matched: MatchedTerm[] = [];
    for (const [term, qWeight] of queryWeights) {
      const idf = idfOf.get(term);
      if (idf === undefined) continue;
      const list = this.postings.get(term)!;
      const i = list.find(doc);
      if (i < 0) continue;
      const pseudo = this.pseudoFrequency(list, i);
      if (pseudo === 0) continue;
      const found: { field: string; part: number }[] = [];
      for (let f = 0; f < nf; f++) {
        const part = list.tf[i * nf + f]! * this.weighted[doc * nf + f]!;
        if (part > 0) found.push({ field: this.fields[f]!, part });
      }
      matched.push({
        term,
        fields: found.sort((a, b) => b.part - a.part).map((x) => x.field),
        contribution: (qWeight * idf * pseudo) / (this.k1 + pseudo),
      });
    }
    return matched.sort((a, b) => b.contribution - a.contribution);
  }
}
