/**
 * Terms for matching technology seeds and business needs written in Japanese, English or both.
 *
 * - Text is normalised with NFKC (full-width ＤＮＡ and half-width ｶﾀｶﾅ become DNA and カタカナ)
 *   and lower-cased.
 * - Words are found with `Intl.Segmenter` (ICU's dictionary segmentation, shipped with Node and
 *   every browser): Japanese has no spaces between words, and ICU splits 燃料電池の触媒 into
 *   燃料 | 電池 | の | 触媒.
 * - English words are stemmed with the Porter stemmer (`stemmer` package), so "catalysts" and
 *   "catalyst" meet; Japanese words are kept as written.
 * - Kana-only words of one or two characters (particles and endings: の, を, する) and common
 *   English stop words carry no meaning for matching and are dropped.
 * - A Japanese compound the segmenter keeps whole (産学連携 may come back as one word) also gives
 *   its character bigrams, so 連携 in a need still meets 産学連携 in a seed.
 *
 * Terms in both languages live in one vocabulary: an English acronym or name inside Japanese
 * text (DNA, MEMS, IT) is the same term in an English text, which is how the two languages match
 * where they share terms.
 */
import { stemmer } from 'stemmer';

/**
 * A term and where it came from: a whole word, a bigram of a longer Japanese word, or a concept
 * of the bilingual glossary (glossary.ts) that the text names in either language.
 */
export interface Term {
  term: string;
  kind: 'word' | 'bigram' | 'concept';
}

const ENGLISH_STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or our such that the their ' +
    'this to was we were which with within without will can may using use used based new'
  ).split(' '),
);

const HAS_LATIN_OR_DIGIT = /[a-z0-9]/;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** NFKC, lower case, and the long-vowel mark unified (ｰ, － and ー appear for the same sound). */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function englishTerm(word: string): string | null {
  if (ENGLISH_STOP_WORDS.has(word)) return null;
  // Numbers and codes (2004, h2o, 5g) are kept as written; words are stemmed.
  if (/\d/.test(word)) return word;
  if (word.length === 1) return null;
  return stemmer(word);
}

function japaneseTerms(word: string): Term[] {
  // Particles, endings and short kana words (の, する, ます) say nothing about a technology.
  if (HIRAGANA_ONLY.test(word) && word.length <= 3) return [];
  if (KANA_ONLY.test(word) && word.length <= 1) return [];
  const terms: Term[] = [{ term: word, kind: 'word' }];
  // A long compound also gives its bigrams, so its parts can meet shorter words.
  if (word.length >= 3 && !KANA_ONLY.test(word))
    for (let i = 0; i + 2 <= word.length; i++) terms.push({ term: word.slice(i, i + 2), kind: 'bigram' });
  return terms;
}

/** Every term of the text in order (repeats kept: term frequency counts them). */
export function tokenize(text: string): Term[] {
  const out: Term[] = [];
  const normal = normaliseText(text);
  if (!JAPANESE.test(normal)) {
    // No Japanese: the segmenter would only split at what is not a letter or digit, which the
    // loop below splits at anyway — skip it (ICU costs most of an index build).
    for (const part of normal.split(/[^a-z0-9]+/)) {
      if (!part) continue;
      const term = englishTerm(part);
      if (term) out.push({ term, kind: 'word' });
    }
    return out;
  }
  for (const { segment, isWordLike } of segmenter.segment(normal)) {
    if (!isWordLike) continue;
    if (JAPANESE.test(segment)) {
      out.push(...japaneseTerms(segment));
    } else if (HAS_LATIN_OR_DIGIT.test(segment)) {
      // ICU keeps "fuel-cell" apart already; apostrophes and dots inside words are dropped.
      for (const part of segment.split(/[^a-z0-9]+/)) {
        if (!part) continue;
        const term = englishTerm(part);
        if (term) out.push({ term, kind: 'word' });
      }
    }
  }
  return out;
}

/** Just the term strings (for indexing and queries). */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
