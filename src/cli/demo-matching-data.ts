/**
 * The seeds-to-business part of `kcp demo` (issue 6): the labelled matching set of
 * bench/data/matching (150 seeds, 74 needs, each need's relevant seeds; written by hand, see its
 * README), and the synthetic pipeline the demo lays over it — which seeds wait in review or have
 * expired, which needs a coordinator matched to which stage, and the texts of each step.
 *
 * The set is read from the JSON files where the benchmark keeps them, by path relative to this
 * source file, as reference-data.files.ts reads data/reference/: the CLI runs from source (bin/kcp.mjs
 * loads src/ through tsx, and the package is private, not published with a files list), so every
 * checkout that has src/ has bench/data/ too, and one copy of the set serves both the benchmark and
 * the demo. src/ does not import bench/ code: the schema is repeated here, checked the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KEY_FIELD_KEYS } from '../domain/key-fields';
import type { PipelineStep } from '../domain/match-pipeline';
import { SEED_STAGES } from '../domain/matching/matcher';

export const MATCHING_SET_DIR = fileURLToPath(new URL('../../bench/data/matching/', import.meta.url));

export const DEMO_COORDINATOR_EMAIL_LOCAL = 'coordinator01';
export const DEMO_PARTNER_EMAIL_LOCAL = 'partner01';

const Text = z
  .object({ ja: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((t) => t.ja !== undefined || t.en !== undefined, 'a text needs ja or en');

const MatchingSeed = z.strictObject({
  id: z.string().regex(/^s\d{3}$/),
  cluster: z.string().min(1),
  keyField: z.enum(KEY_FIELD_KEYS),
  stage: z.enum(SEED_STAGES),
  lang: z.enum(['ja', 'en', 'both']),
  title: Text,
  summary: Text,
  keywords: z.array(z.string().min(1)),
});
export type DemoMatchingSeed = z.infer<typeof MatchingSeed>;

const MatchingNeed = z.strictObject({
  id: z.string().regex(/^n\d{3}$/),
  lang: z.enum(['ja', 'en']),
  company: z.string().min(1),
  region: z.string().regex(/^\d{2}$/),
  keyField: z.enum(KEY_FIELD_KEYS),
  title: z.string().min(1),
  description: z.string().min(1),
  relevant: z.array(z.string()).min(1),
  partiallyRelevant: z.array(z.string()).optional(),
});
export type DemoMatchingNeed = z.infer<typeof MatchingNeed>;

export interface DemoMatchingSet {
  seeds: DemoMatchingSeed[];
  needs: DemoMatchingNeed[];
}

/** The labelled set, checked; null when the files are not there (a trimmed copy of the project). */
export function readDemoMatchingSet(dir = MATCHING_SET_DIR): DemoMatchingSet | null {
  const file = (name: string) => path.join(dir, name);
  if (!fs.existsSync(file('seeds.json')) || !fs.existsSync(file('needs.json'))) return null;
  const read = (name: string) => JSON.parse(fs.readFileSync(file(name), 'utf8')) as unknown;
  return {
    seeds: z.array(MatchingSeed).parse(read('seeds.json')),
    needs: z.array(MatchingNeed).parse(read('needs.json')),
  };
}

/**
 * Seeds a coordinator has not reviewed yet (the review queue) and seeds whose term ran out: chosen
 * among those no need calls relevant or partly relevant, so the matching the demo shows is not
 * weakened by them.
 */
export const IN_REVIEW_SEEDS: readonly string[] = ['s005', 's030', 's059', 's087', 's123'];
export const EXPIRED_SEEDS: readonly string[] = ['s020', 's077', 's136'];

/** Every fifth need is confidential: its company is shown to coordinators and itself only. */
export function isConfidentialNeed(index: number): boolean {
  return index % 5 === 2;
}

/** How far a demo match has come; `interested` is both sides' interest without any step yet. */
export type DemoMatchTarget =
  'pending' | 'seed_interested' | 'interested' | 'declined' | 'closed' | Exclude<PipelineStep, 'patent'>;

export interface DemoMatchPlan {
  need: string;
  target: DemoMatchTarget;
  /** Days before today the coordinator proposed it; every later date follows from it. */
  proposedDaysAgo: number;
  /** Joint research only: who pays. */
  funder?: 'mext' | 'meti';
  budgetYen?: number;
  salesYen?: number;
}

/**
 * The demo's 20 matches: each need's first labelled relevant seed, spread over the pipeline. The
 * furthest goes back 530 days, inside the 18 months the demo covers.
 */
export const DEMO_MATCHES: readonly DemoMatchPlan[] = [
  {
    need: 'n058',
    target: 'sales',
    proposedDaysAgo: 530,
    funder: 'mext',
    budgetYen: 9_600_000,
    salesYen: 18_400_000,
  },
  { need: 'n070', target: 'product', proposedDaysAgo: 500, funder: 'meti', budgetYen: 12_000_000 },
  { need: 'n031', target: 'joint_research', proposedDaysAgo: 400, funder: 'meti', budgetYen: 15_000_000 },
  { need: 'n016', target: 'joint_research', proposedDaysAgo: 380, funder: 'mext', budgetYen: 6_000_000 },
  { need: 'n013', target: 'joint_research', proposedDaysAgo: 330, funder: 'mext', budgetYen: 4_500_000 },
  { need: 'n049', target: 'closed', proposedDaysAgo: 300 },
  { need: 'n001', target: 'confidentiality_agreement', proposedDaysAgo: 260 },
  { need: 'n022', target: 'confidentiality_agreement', proposedDaysAgo: 230 },
  { need: 'n043', target: 'meeting', proposedDaysAgo: 200 },
  { need: 'n028', target: 'meeting', proposedDaysAgo: 170 },
  { need: 'n040', target: 'declined', proposedDaysAgo: 150 },
  { need: 'n037', target: 'introduction', proposedDaysAgo: 120 },
  { need: 'n010', target: 'introduction', proposedDaysAgo: 100 },
  { need: 'n019', target: 'interested', proposedDaysAgo: 70 },
  { need: 'n046', target: 'interested', proposedDaysAgo: 55 },
  { need: 'n052', target: 'interested', proposedDaysAgo: 45 },
  { need: 'n004', target: 'pending', proposedDaysAgo: 30 },
  { need: 'n007', target: 'pending', proposedDaysAgo: 21 },
  { need: 'n025', target: 'seed_interested', proposedDaysAgo: 14 },
  { need: 'n055', target: 'pending', proposedDaysAgo: 6 },
];

/** The company the demo partner account belongs to: the one whose match reached sales. */
export const DEMO_PARTNER_NEED = 'n058';

/** Days after the proposal each event happens (the second meeting only for matches past meetings). */
export const DAYS_AFTER_PROPOSAL = {
  seedAnswer: 5,
  needAnswer: 9,
  introduction: 20,
  meeting: 35,
  secondMeeting: 60,
  confidentiality_agreement: 80,
  joint_research: 110,
  patent: 200,
  product: 330,
  sales: 470,
  closed: 80,
} as const;

export type Lang = 'ja' | 'en';

/** What the texts of one match are written from. */
export interface MatchTextContext {
  lang: Lang;
  company: string;
  needTitle: string;
  seedTitle: string;
  cluster: { ja: string; en: string };
  variant: number;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** The coordinator's note when proposing the match. */
export function proposalNote(c: MatchTextContext): string {
  return c.lang === 'ja'
    ? `${c.company}の「${c.needTitle}」という課題に、${c.cluster.ja}の「${c.seedTitle}」が応えられそうです。双方の関心を確かめたうえで紹介します。`
    : `The seed "${c.seedTitle}" of the ${c.cluster.en} cluster looks like an answer to the request "${c.needTitle}" of ${c.company}. I will introduce them once both sides confirm their interest.`;
}

/** The seed side's expression of interest (the three standard questions). */
export function seedInterest(c: MatchTextContext): { offer: string; seek: string; next: string } {
  return c.lang === 'ja'
    ? {
        offer: pick(
          [
            '研究室の試作品と評価データを提供でき、技術指導にも応じられます。',
            '試作品の貸し出しと、測定条件の調整への協力ができます。',
            'これまでの実証データと、論文化していない運用上のノウハウを提供できます。',
          ],
          c.variant,
        ),
        seek: pick(
          [
            '実際の使用環境での評価の場と、製品化に向けた企業側の知見を求めています。',
            '量産を見据えた仕様の助言と、現場のサンプルを求めています。',
            '共同研究の相手として、事業化まで一緒に進められる企業を探しています。',
          ],
          c.variant,
        ),
        next: '研究室での打合せと、試作品のデモンストレーションを提案します。',
      }
    : {
        offer: pick(
          [
            'Our laboratory prototype, its evaluation data and technical guidance.',
            'A loan of the prototype and help with tuning it to your conditions.',
            'Field data from our trials and the practical know-how we have not yet published.',
          ],
          c.variant,
        ),
        seek: pick(
          [
            'A chance to evaluate the technology in real operation, and industrial insight for a product.',
            'Advice on specifications for volume production, and samples from your site.',
            'A partner for joint research who will take the result to market.',
          ],
          c.variant,
        ),
        next: 'A meeting at our laboratory with a demonstration of the prototype.',
      };
}

/** The need side's expression of interest. */
export function needInterest(c: MatchTextContext): { offer: string; seek: string; next: string } {
  return c.lang === 'ja'
    ? {
        offer: pick(
          [
            '自社の製造現場での試験と、評価用のサンプル・データを提供できます。',
            '製品化に必要な設計・量産の体制と、販路を用意できます。',
            '現場の担当者を評価に参加させ、使い勝手の意見を出せます。',
          ],
          c.variant,
        ),
        seek: `「${c.needTitle}」という課題を解く技術と、導入までの技術支援を求めています。`,
        next: pick(
          [
            '秘密保持契約を結んだうえで、具体的な仕様を相談したい。',
            'まず担当技術者が研究室を訪問し、試作品を見たい。',
            '社内で検討するため、評価データの概要をいただきたい。',
          ],
          c.variant,
        ),
      }
    : {
        offer: pick(
          [
            'Trials on our own production line, with samples and data for the evaluation.',
            'Design and manufacturing capacity for a product, and our sales channels.',
            'Our operators as test users, with feedback on usability.',
          ],
          c.variant,
        ),
        seek: `A technology that solves "${c.needTitle}", and technical support until it is in use.`,
        next: pick(
          [
            'Discuss the specifications in detail under a non-disclosure agreement.',
            'Have our engineers visit the laboratory and see the prototype first.',
            'Receive a summary of the evaluation data to discuss internally.',
          ],
          c.variant,
        ),
      };
}

/** Why the company declined. */
export function declineReason(lang: Lang): string {
  return lang === 'ja'
    ? '社内の開発計画が変わり、当面この分野への投資を見送ることになりました。'
    : 'Our development plans have changed and we will not invest in this area for the time being.';
}

/** Why the coordinator closed the match. */
export function closeReason(lang: Lang): string {
  return lang === 'ja'
    ? '打合せで評価した結果、量産時の単価目標に届かないことが分かり、双方の合意のうえで打ち切った。'
    : 'The meetings showed the unit cost could not meet the target for volume production; closed with both sides’ agreement.';
}

export interface StepText {
  notes: string;
  attendees?: string[];
}

/** The notes (and a meeting's attendees) of each recorded step. */
export function stepText(step: PipelineStep | 'second_meeting', c: MatchTextContext): StepText {
  const ja = c.lang === 'ja';
  const coordinator = ja ? '科学技術コーディネータ（デモ）' : 'S&T coordinator (demo)';
  switch (step) {
    case 'introduction':
      return {
        notes: ja
          ? `コーディネータが${c.cluster.ja}の研究代表者と${c.company}の技術担当者をメールで紹介し、オンラインで顔合わせを行った。`
          : `The coordinator introduced ${c.cluster.en}'s principal investigator and ${c.company}'s engineer by e-mail; they met online.`,
      };
    case 'meeting':
      return {
        notes: ja
          ? `${c.cluster.ja}の研究室で打合せ。試作品のデモを見て、求める仕様と評価の方法を確認した。`
          : `Meeting at the ${c.cluster.en} laboratory: a demonstration of the prototype, then the required specifications and how to evaluate them.`,
        attendees: ja
          ? [`${c.company} 技術開発部`, `${c.cluster.ja} 研究代表者`, coordinator]
          : [`${c.company}, R&D department`, `${c.cluster.en}, principal investigator`, coordinator],
      };
    case 'second_meeting':
      return {
        notes: ja
          ? `${c.company}の工場で第2回打合せ。現場のサンプルで予備評価を行い、結果は良好だった。`
          : `Second meeting at ${c.company}'s plant: a preliminary test on samples from the line, with good results.`,
        attendees: ja
          ? [`${c.company} 製造部`, `${c.company} 技術開発部`, `${c.cluster.ja} 研究員`, coordinator]
          : [
              `${c.company}, production`,
              `${c.company}, R&D department`,
              `${c.cluster.en}, researcher`,
              coordinator,
            ],
      };
    case 'confidentiality_agreement':
      return {
        notes: ja
          ? `試料と評価データをやり取りするため、大学と${c.company}の間で秘密保持契約を締結した（期間2年）。`
          : `The university and ${c.company} signed a two-year non-disclosure agreement to exchange samples and evaluation data.`,
      };
    case 'joint_research':
      return {
        notes: ja
          ? '共同研究契約を締結した。成果の帰属は持分に応じて共有とする。'
          : 'Joint research agreement signed; results are shared in proportion to contributions.',
      };
    case 'patent':
      return {
        notes: ja
          ? `共同研究の成果を大学と${c.company}で共同出願した。`
          : `The university and ${c.company} filed a joint patent application on the joint research results.`,
      };
    case 'product':
      return {
        notes: ja
          ? `共同研究の成果を組み込んだ製品を${c.company}が発売した。`
          : `${c.company} launched a product built on the joint research results.`,
      };
    case 'sales':
      return {
        notes: ja
          ? `発売から1年間の売上について${c.company}から報告を受けた。`
          : `${c.company} reported the first year's sales of the product.`,
      };
  }
}

/** The joint research's theme and partners. */
export function jointResearch(c: MatchTextContext): { theme: string; partners: string[] } {
  return c.lang === 'ja'
    ? {
        theme: `「${c.needTitle}」に向けた「${c.seedTitle}」の実用化研究`,
        partners: [c.company, `${c.cluster.ja} 研究グループ`],
      }
    : {
        theme: `Applying "${c.seedTitle}" to "${c.needTitle}"`,
        partners: [c.company, `${c.cluster.en} research group`],
      };
}
