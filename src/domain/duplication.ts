/**
 * The duplication check in the spirit of e-Rad (府省共通研究開発管理システム): the same research
 * funded twice in one fiscal year by two programmes is flagged for an officer to look at.
 *
 * Two funded projects of the same fiscal year under different programmes are flagged when
 * (a) they name the same principal researcher: the same person record, or the same name once
 *     NFKC-normalised, lower-cased and stripped of spaces (山田 and 太郎 with a full-width space between them = 山田太郎), or
 * (b) their themes are near-identical: the Jaccard similarity of their term sets (the matching
 *     tokenizer's terms: ICU words, Porter stems, bigrams of Japanese compounds) reaches
 *     THEME_SIMILARITY_THRESHOLD in Japanese, in English, or over both languages together.
 *
 * A flag is a suggestion, not a verdict: the officer reads the reasons and marks it reviewed.
 */
import { terms } from './matching/tokenize';

export const FUNDING_PROGRAMMES = [
  'mext_knowledge_cluster',
  'meti_industrial_cluster',
  'jst',
  'other',
] as const;
export type FundingProgramme = (typeof FUNDING_PROGRAMMES)[number];

export const FUNDING_PROGRAMME_LABELS: Readonly<Record<FundingProgramme, { ja: string; en: string }>> = {
  mext_knowledge_cluster: {
    ja: '知的クラスター創成事業（文部科学省）',
    en: 'Knowledge Cluster Initiative (MEXT)',
  },
  meti_industrial_cluster: {
    ja: '産業クラスター計画（経済産業省）',
    en: 'Industrial Cluster Project (METI)',
  },
  jst: { ja: '科学技術振興機構（JST）', en: 'Japan Science and Technology Agency (JST)' },
  other: { ja: 'その他', en: 'Other' },
};

/**
 * The Jaccard similarity from which two themes count as near-identical. Chosen on the table tests
 * (src/domain/duplication.test.ts): a reworded title of the same work
 * (燃料電池用白金代替触媒の開発 / 燃料電池用の白金代替触媒開発) scores 1.0; the same device for
 * another disease (がん診断用 / 感染症診断用DNAチップの開発) scores 0.71 and is not flagged; two
 * projects of one field that share only its words (燃料電池) stay under 0.25.
 */
export const THEME_SIMILARITY_THRESHOLD = 0.75;

/** What the check needs of a funded project. */
export interface FundedProjectFacts {
  id: number;
  programme: FundingProgramme;
  fiscalYear: number;
  theme: { ja: string; en: string };
  principalPersonId: number | null;
  researcherName: string;
}

export type DuplicationReason =
  | { kind: 'same_researcher'; via: 'person' | 'name'; researcherName: string }
  | { kind: 'similar_theme'; similarity: number; sharedTerms: string[] };

/** A flagged pair: `a` has the lower id. */
export interface DuplicationFlag {
  aId: number;
  bId: number;
  fiscalYear: number;
  reasons: DuplicationReason[];
}

/** A researcher's name as compared: NFKC, lower case, no spaces of any width. */
export function normaliseResearcherName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000・·.]/g, '');
}

function termSet(text: string): Set<string> {
  return new Set(text.trim() === '' ? [] : terms(text));
}

function jaccard(a: Set<string>, b: Set<string>): { similarity: number; shared: string[] } {
  if (a.size === 0 || b.size === 0) return { similarity: 0, shared: [] };
  const shared = [...a].filter((t) => b.has(t));
  return { similarity: shared.length / (a.size + b.size - shared.length), shared };
}

/**
 * How alike two themes are: the best Jaccard similarity of their term sets in Japanese, in
 * English, and over both languages together (so a theme given only in English still meets one
 * given in both), with the terms they share in that best comparison.
 */
export function themeSimilarity(
  a: { ja: string; en: string },
  b: { ja: string; en: string },
): { similarity: number; sharedTerms: string[] } {
  const comparisons = [
    jaccard(termSet(a.ja), termSet(b.ja)),
    jaccard(termSet(a.en), termSet(b.en)),
    jaccard(termSet(`${a.ja} ${a.en}`), termSet(`${b.ja} ${b.en}`)),
  ];
  const best = comparisons.reduce((x, y) => (y.similarity > x.similarity ? y : x));
  return { similarity: Math.round(best.similarity * 1000) / 1000, sharedTerms: [...best.shared].sort() };
}

/** Why a and b (same fiscal year, different programmes) are flagged; empty when they are not. */
export function duplicationReasons(a: FundedProjectFacts, b: FundedProjectFacts): DuplicationReason[] {
  if (a.fiscalYear !== b.fiscalYear || a.programme === b.programme) return [];
  const reasons: DuplicationReason[] = [];
  if (a.principalPersonId !== null && a.principalPersonId === b.principalPersonId) {
    reasons.push({
      kind: 'same_researcher',
      via: 'person',
      researcherName: a.researcherName || b.researcherName,
    });
  } else {
    const name = normaliseResearcherName(a.researcherName);
    if (name !== '' && name === normaliseResearcherName(b.researcherName))
      reasons.push({ kind: 'same_researcher', via: 'name', researcherName: a.researcherName });
  }
  const theme = themeSimilarity(a.theme, b.theme);
  if (theme.similarity >= THEME_SIMILARITY_THRESHOLD)
    reasons.push({ kind: 'similar_theme', similarity: theme.similarity, sharedTerms: theme.sharedTerms });
  return reasons;
}

/** Every flagged pair among the projects, by fiscal year then ids. */
export function findDuplicates(projects: readonly FundedProjectFacts[]): DuplicationFlag[] {
  const byYear = new Map<number, FundedProjectFacts[]>();
  for (const p of projects) byYear.set(p.fiscalYear, [...(byYear.get(p.fiscalYear) ?? []), p]);
  const flags: DuplicationFlag[] = [];
  for (const fy of [...byYear.keys()].sort((x, y) => x - y)) {
    const year = [...byYear.get(fy)!].sort((x, y) => x.id - y.id);
    for (let i = 0; i < year.length; i++)
      for (let j = i + 1; j < year.length; j++) {
        const reasons = duplicationReasons(year[i]!, year[j]!);
        if (reasons.length > 0) flags.push({ aId: year[i]!.id, bId: year[j]!.id, fiscalYear: fy, reasons });
      }
  }
  return flags;
}
