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
 * document slot, scores accumulate in one reused Float64Array, the postings of common terms are
 * mostly skipped once they can no longer change the top `limit` (exact MaxScore pruning: the same
 * hits as scoring every document, see search), the best are picked with a small heap, and only
 * those are explained (by looking their terms up again).
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

/** A query term that occurs in the index, with q_t · idf(t): the most it adds to a score. */
interface QueryTerm {
  list: Postings;
  factor: number;
}

/** Document slots. */
type Docs = readonly number[] | Int32Array;

/** Flags of a document in Bm25Index.state during a search. */
const TOUCHED = 1;
const ACCEPTED = 2;
const REJECTED = 4;

/**
 * Relative slack of every pruning comparison with θ (see Bm25Index.search): a sum of m positive
 * terms in another order differs by at most about m · 2⁻⁵² relative, so 1e-9 covers a million terms.
 */
const PRUNING_SLACK = 1e-9;

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
  /** TOUCHED, ACCEPTED, REJECTED flags of the current search, by slot; all zero between searches. */
  private state = new Uint8Array(0);
  /**
   * What the last search read: postings scanned (before pruning) and postings looked up for
   * candidates (after), against all the postings of its terms — to see the pruning at work.
   */
  lastSearchCost = { scanned: 0, lookedUp: 0, postings: 0 };
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
    // search() prunes by upper bounds, which needs every term to add ≥ 0.
    for (const [name, w] of [
      ['bigramWeight', this.bigramWeight],
      ['conceptWeight', this.conceptWeight],
    ] as const)
      if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`${name} must be ≥ 0; got ${w}`);
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

  /**
   * The best `limit` documents for the query text, best first; ties by insertion order.
   *
   * Exact dynamic pruning (MaxScore, Turtle and Flood 1995, in term-at-a-time form). A term can
   * add at most its bound q_t · idf(t) to any document, since tf̃ / (k1 + tf̃) < 1. Terms are taken
   * in decreasing order of bound, so the rare, telling terms come first and the long postings of
   * common terms last; rest[j] is the sum of the bounds of terms j, j + 1, … still to come.
   *
   * 1. Terms are added to every document in their postings, as an exhaustive search would, and
   *    every so often θ is taken: the `limit`-th best score among accepted documents so far. Scores
   *    only grow, so the final `limit`-th best score is at least θ.
   * 2. Once rest[j] < θ, a document no term so far has touched can reach at most rest[j] < θ: it
   *    cannot enter the top `limit` (not even on a tie by slot). So the remaining terms are no
   *    longer scanned: only the candidates, touched documents whose score + rest[j] ≥ θ, are kept,
   *    and each remaining term's posting of each candidate is looked up (postings are sorted by
   *    slot, as are the candidates, so one galloping search per candidate). After each term θ is
   *    taken again and candidates that can no longer reach it are dropped.
   * 3. The candidates left hold every document of the exhaustive top `limit`. Their scores were
   *    summed in a different order than an exhaustive search's (query order), which can move the
   *    last bits and so break or make a tie; so those that can still make it (score ≥ θ, accepted)
   *    are scored again in query order, exactly as the exhaustive search sums, and the best picked.
   *
   * Every comparison with θ keeps a relative slack (PRUNING_SLACK, far above the rounding error of
   * a sum of a few hundred terms), so rounding can only keep a document it could have dropped,
   * never drop one that belongs in the result: the hits are those of the exhaustive search, with
   * the same scores, in the same order. `accept` is asked at most once per document (the answers
   * are kept in `state`), and only of documents that might enter the top `limit` at that moment.
   */
  search(query: string, limit = 10, accept?: (id: Id) => boolean): Bm25Hit<Id>[] {
    const cost = (this.lastSearchCost = { scanned: 0, lookedUp: 0, postings: 0 });
    if (this.live === 0 || limit <= 0) return [];
    const queryWeights = this.queryTerms(query);
    const n = this.live;
    this.refreshWeighted();
    if (this.scratch.length < this.ids.length) {
      const size = Math.max(this.ids.length, this.scratch.length * 2);
      this.scratch = new Float64Array(size);
      this.state = new Uint8Array(size);
    }
    const scores = this.scratch;
    const state = this.state;
    const idfOf = new Map<string, number>();
    const inQueryOrder: QueryTerm[] = [];
    for (const [term, qWeight] of queryWeights) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      idfOf.set(term, idf);
      if (qWeight > 0) inQueryOrder.push({ list, factor: qWeight * idf });
    }
    for (const { list } of inQueryOrder) cost.postings += list.length;
    const terms = [...inQueryOrder].sort((a, b) => b.factor - a.factor);
    const rest = new Float64Array(terms.length + 1);
    for (let j = terms.length - 1; j >= 0; j--) rest[j] = rest[j + 1]! + terms[j]!.factor;

    const isAccepted =
      accept === undefined
        ? () => true
        : (doc: number) => {
            if ((state[doc]! & (ACCEPTED | REJECTED)) === 0)
              state[doc]! |= accept(this.ids[doc]!) ? ACCEPTED : REJECTED;
            return (state[doc]! & ACCEPTED) !== 0;
          };
    /** The `limit`-th best score of accepted documents among these, −∞ when fewer. */
    const thresholdOf = (docs: Docs) => {
      const heap = this.bestOf(docs, scores, limit, isAccepted);
      return heap.length === limit ? scores[heap[0]!]! : -Infinity;
    };
    // θ is −∞ or a score (≥ 0): the slack lowers it a little.
    const reaches = (bound: number, theta: number) => bound >= theta * (1 - PRUNING_SLACK);

    const touched: number[] = [];
    let accepted = 0;
    let asked = 0;
    /** Whether at least `limit` touched documents are accepted (θ is −∞ until then). */
    const enoughAccepted = () => {
      while (accepted < limit && asked < touched.length) if (isAccepted(touched[asked++]!)) accepted++;
      return accepted >= limit;
    };
    try {
      // 1. Exhaustive, term by term, until no untouched document can reach θ.
      let theta = -Infinity;
      let top = 0;
      let j = 0;
      for (; j < terms.length; j++) {
        const { list, factor } = terms[j]!;
        // Worth taking θ only when it can end the scan (θ ≤ top) and before a long list (θ costs
        // one pass over the touched documents).
        if (rest[j]! < top && 4 * list.length >= touched.length && enoughAccepted()) {
          theta = Math.max(theta, thresholdOf(touched));
          if (!reaches(rest[j]!, theta)) break;
        }
        top = this.accumulate(list, factor, scores, state, touched, top);
        cost.scanned += list.length;
      }
      // 2. Only candidates that can still reach θ, each term looked up in its postings.
      let pool: Docs = touched;
      if (j < terms.length) {
        const cut = rest[j]!;
        let candidates = Int32Array.from(
          touched.filter((doc) => (state[doc]! & REJECTED) === 0 && reaches(scores[doc]! + cut, theta)),
        ).sort();
        for (; j < terms.length; j++) {
          this.addTo(candidates, terms[j]!, scores);
          cost.lookedUp += candidates.length;
          theta = Math.max(theta, thresholdOf(candidates));
          const after = rest[j + 1]!;
          candidates = candidates.filter(
            (doc) => (state[doc]! & REJECTED) === 0 && reaches(scores[doc]! + after, theta),
          );
        }
        pool = candidates;
      }
      // 3. Those that can make the top `limit`, scored again in query order; the best of them.
      const theta3 = thresholdOf(pool);
      const finalists = pool.filter((doc) => reaches(scores[doc]!, theta3) && isAccepted(doc));
      for (const doc of finalists) scores[doc] = this.scoreOf(doc, inQueryOrder);
      const best = this.bestOf(finalists, scores, limit, () => true)
        .sort((a, b) => scores[b]! - scores[a]! || a - b)
        .map((doc) => ({ doc, score: scores[doc]! }));
      return best.map(({ doc, score }) => ({
        id: this.ids[doc]!,
        score,
        matched: this.explain(doc, queryWeights, idfOf),
      }));
    } finally {
      for (const doc of touched) {
        scores[doc] = 0;
        state[doc] = 0;
      }
    }
  }

  /**
   * Adds a term to the score of every document in its postings (noting those touched first), and
   * returns the highest score seen, given the highest so far.
   */
  private accumulate(
    list: Postings,
    factor: number,
    scores: Float64Array,
    state: Uint8Array,
    touched: number[],
    top: number,
  ): number {
    for (let i = 0; i < list.length; i++) {
      const pseudo = this.pseudoFrequency(list, i);
      if (pseudo === 0) continue;
      const doc = list.docs[i]!;
      if ((state[doc]! & TOUCHED) === 0) {
        state[doc]! |= TOUCHED;
        touched.push(doc);
      }
      const score = (scores[doc]! += (factor * pseudo) / (this.k1 + pseudo));
      if (score > top) top = score;
    }
    return top;
  }

  /**
   * Adds a term to the score of each candidate (in increasing slot order) that it occurs in: a
   * galloping search from the previous candidate's position, so about log(length / candidates)
   * steps each, and never more than a scan of the list.
   */
  private addTo(candidates: Int32Array, term: QueryTerm, scores: Float64Array): void {
    const { list, factor } = term;
    const docs = list.docs;
    const length = list.length;
    let lo = 0; // every posting before lo is of an earlier slot than the candidate
    for (const doc of candidates) {
      let hi = lo;
      for (let step = 1; hi < length && docs[hi]! < doc; step *= 2) {
        lo = hi + 1;
        hi = lo + step;
      }
      if (hi > length) hi = length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (docs[mid]! < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo === length) return;
      if (docs[lo] !== doc) continue;
      const pseudo = this.pseudoFrequency(list, lo);
      if (pseudo > 0) scores[doc]! += (factor * pseudo) / (this.k1 + pseudo);
    }
  }

  /** A document's score summed in query order, as an exhaustive search sums it. */
  private scoreOf(doc: number, inQueryOrder: readonly QueryTerm[]): number {
    let score = 0;
    for (const { list, factor } of inQueryOrder) {
      const i = list.find(doc);
      if (i < 0) continue;
      const pseudo = this.pseudoFrequency(list, i);
      if (pseudo > 0) score += (factor * pseudo) / (this.k1 + pseudo);
    }
    return score;
  }

  /**
   * The best `limit` accepted documents among these, as a min-heap (the worst at 0): better =
   * higher score, or the same score and an earlier slot. `isAccepted` is asked only of documents
   * good enough to enter the heap.
   */
  private bestOf(
    docs: Docs,
    scores: Float64Array,
    limit: number,
    isAccepted: (doc: number) => boolean,
  ): number[] {
    const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
    const heap: number[] = [];
    for (const doc of docs) {
      if (heap.length === limit && !worse(heap[0]!, doc)) continue;
      if (!isAccepted(doc)) continue;
      if (heap.length < limit) {
        heap.push(doc);
        for (let i = heap.length - 1; i > 0;) {
          const p = (i - 1) >>> 1;
          if (!worse(heap[i]!, heap[p]!)) break;
          [heap[i], heap[p]] = [heap[p]!, heap[i]!];
          i = p;
        }
        continue;
      }
      heap[0] = doc;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return heap;
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
