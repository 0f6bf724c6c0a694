/**
 * The synthetic cast and texts of the demo's FY2004 intermediate evaluation round (issue 5, "Demo
 * data"): the 12 real clusters that started in FY2002 are evaluated, but the weighting group, the
 * evaluating group, every grade, narrative, minute, finding and comment here is invented, and says
 * so wherever a user can read it. The seed publishes no grades.
 */
import type { FindingTag } from '../contracts/evaluation-findings';

export const DEMO_ROUND_KEY = 'demo-intermediate-2004';
/** Every grade of the demo round comes from this seed, so two builds are identical. */
export const DEMO_ROUND_SEED = 2004;
/** The seed's cohort: the intermediate evaluation covered the clusters started in FY2002. */
export const DEMO_ROUND_COHORT_FY = 2002;

export const DEMO_ROUND_TITLE = {
  ja: '【デモ】平成16年度 知的クラスター創成事業 中間評価（平成14年度開始地域・合成データ）',
  en: '[Demo] FY2004 intermediate evaluation of the clusters started in FY2002 (synthetic data)',
};

/** The seed's schedule: reports Nov. 2004, weighting Nov. 2004, interviews Nov.–Dec. 2004, scores Jan.–Mar. 2005. */
export const DEMO_ROUND_PHASES = [
  { phase: 'self_evaluation', from: '2004-11-01', to: '2004-11-19' },
  { phase: 'weighting', from: '2004-11-01', to: '2004-11-30' },
  { phase: 'interviews', from: '2004-11-22', to: '2004-12-10' },
  { phase: 'grading', from: '2004-11-22', to: '2004-12-24' },
  { phase: 'scoring', from: '2005-01-11', to: '2005-03-18' },
  { phase: 'announcement', from: '2005-03-23', to: '2005-03-23' },
] as const;
export const DEMO_ROUND_ANNOUNCE_ON = '2005-03-23';

/** A Japan-time wall clock ("2004-11-19T17:00") as an ISO instant. */
export function jst(local: string): string {
  return new Date(`${local}:00+09:00`).toISOString();
}

export interface DemoPanelMember {
  nameJa: string;
  nameEn: string;
  organizationJa: string;
  organizationEn: string;
  organizationKind: 'university' | 'public_research_institute' | 'company';
  prefectureCode: string;
}

export interface DemoEvaluator extends DemoPanelMember {
  /** Grades lower (negative) or higher (positive) than colleagues: what the leniency figure finds. */
  severity: number;
}

/**
 * Nine invented evaluators. Two work in a target region's prefecture, so conflict detection
 * excludes them there (Kyoto: Kyoto and Keihanna; Hokkaido: Sapporo).
 */
export const DEMO_EVALUATORS: readonly DemoEvaluator[] = [
  {
    nameJa: '安藤 正和',
    nameEn: 'Masakazu Ando',
    organizationJa: '関東産業技術大学（デモ）',
    organizationEn: 'Kanto University of Industrial Technology (demo)',
    organizationKind: 'university',
    prefectureCode: '13',
    severity: -0.15,
  },
  {
    nameJa: '井上 美穂',
    nameEn: 'Miho Inoue',
    organizationJa: '日本バイオ産業研究機構（デモ）',
    organizationEn: 'Japan Bioindustry Research Organization (demo)',
    organizationKind: 'public_research_institute',
    prefectureCode: '13',
    severity: 0.1,
  },
  {
    nameJa: '岡田 俊介',
    nameEn: 'Shunsuke Okada',
    organizationJa: '東京先端技術投資株式会社（デモ）',
    organizationEn: 'Tokyo Advanced Technology Ventures Co. (demo)',
    organizationKind: 'company',
    prefectureCode: '13',
    severity: 0.3,
  },
  {
    nameJa: '川口 典子',
    nameEn: 'Noriko Kawaguchi',
    organizationJa: '首都圏情報科学研究機構（デモ）',
    organizationEn: 'Metropolitan Institute of Information Science (demo)',
    organizationKind: 'public_research_institute',
    prefectureCode: '14',
    severity: 0,
  },
  {
    nameJa: '菊地 誠一',
    nameEn: 'Seiichi Kikuchi',
    organizationJa: '京洛大学（デモ）',
    organizationEn: 'Kyoraku University (demo)',
    organizationKind: 'university',
    prefectureCode: '26',
    severity: -0.05,
  },
  {
    nameJa: '佐々木 亮',
    nameEn: 'Ryo Sasaki',
    organizationJa: '道央工科大学（デモ）',
    organizationEn: 'Doo Institute of Technology (demo)',
    organizationKind: 'university',
    prefectureCode: '01',
    severity: 0.05,
  },
  {
    nameJa: '杉山 千尋',
    nameEn: 'Chihiro Sugiyama',
    organizationJa: '日本知財総合事務所株式会社（デモ）',
    organizationEn: 'Japan IP Partners Co. (demo)',
    organizationKind: 'company',
    prefectureCode: '13',
    severity: -0.35,
  },
  {
    nameJa: '高橋 和也',
    nameEn: 'Kazuya Takahashi',
    organizationJa: '東日本電機株式会社（デモ）',
    organizationEn: 'East Japan Electric Co. (demo)',
    organizationKind: 'company',
    prefectureCode: '11',
    severity: 0.1,
  },
  {
    nameJa: '中村 文子',
    nameEn: 'Fumiko Nakamura',
    organizationJa: '筑波生命工学研究所（デモ）',
    organizationEn: 'Tsukuba Bioengineering Institute (demo)',
    organizationKind: 'public_research_institute',
    prefectureCode: '08',
    severity: -0.1,
  },
];

export interface DemoWeightingMember extends DemoPanelMember {
  isChair: boolean;
  /** The weight this member proposes per item (item key → weight); items not named get 10. */
  emphasis: Readonly<Record<string, number>>;
}

/** Five invented weighting members with different emphases; the first chairs the group. */
export const DEMO_WEIGHTING_MEMBERS: readonly DemoWeightingMember[] = [
  {
    nameJa: '松田 浩之',
    nameEn: 'Hiroyuki Matsuda',
    organizationJa: '科学技術政策研究会（デモ）',
    organizationEn: 'Science and Technology Policy Forum (demo)',
    organizationKind: 'public_research_institute',
    prefectureCode: '13',
    isChair: true,
    emphasis: {
      'progress.technical': 20,
      'progress.regional': 15,
      'self-evaluation.quality': 5,
      'plans.technical': 15,
      'future.possibility': 15,
    },
  },
  {
    nameJa: '森本 恵子',
    nameEn: 'Keiko Morimoto',
    organizationJa: '地域経済総合研究所（デモ）',
    organizationEn: 'Institute for Regional Economies (demo)',
    organizationKind: 'public_research_institute',
    prefectureCode: '13',
    isChair: false,
    emphasis: {
      'progress.technical': 15,
      'progress.regional': 20,
      'self-evaluation.quality': 5,
      'plans.regional': 15,
      'future.possibility': 15,
    },
  },
  {
    nameJa: '山下 健',
    nameEn: 'Ken Yamashita',
    organizationJa: '日本産学連携推進協会（デモ）',
    organizationEn: 'Japan Association for Industry–Academia Collaboration (demo)',
    organizationKind: 'company',
    prefectureCode: '13',
    isChair: false,
    emphasis: {
      'progress.technical': 15,
      'progress.regional': 15,
      'progress.promotion': 15,
      'self-evaluation.quality': 5,
      'future.possibility': 20,
    },
  },
  {
    nameJa: '吉田 直美',
    nameEn: 'Naomi Yoshida',
    organizationJa: '首都大学院大学（デモ）',
    organizationEn: 'Metropolitan Graduate University (demo)',
    organizationKind: 'university',
    prefectureCode: '13',
    isChair: false,
    emphasis: {
      'progress.technical': 25,
      'plans.technical': 15,
      'plans.promotion': 5,
      'future.possibility': 15,
    },
  },
  {
    nameJa: '渡辺 隆史',
    nameEn: 'Takashi Watanabe',
    organizationJa: '東海産業振興会（デモ）',
    organizationEn: 'Tokai Industry Promotion Council (demo)',
    organizationKind: 'company',
    prefectureCode: '23',
    isChair: false,
    emphasis: {
      'progress.technical': 15,
      'progress.regional': 15,
      'self-evaluation.quality': 5,
      'plans.technical': 15,
      'plans.regional': 15,
      'future.possibility': 15,
    },
  },
];

/**
 * Each FY2002 cluster's hidden level (mean points on S=4…C=1) that drives its synthetic grades:
 * spread from S-heavy to B/C-heavy so the ranking, the bands and the charts have something to
 * show. Invented; it says nothing about how the real clusters were judged.
 */
export const DEMO_CLUSTER_LEVEL: Readonly<Record<string, number>> = {
  kyoto: 3.75,
  sapporo: 3.65,
  hamamatsu: 3.3,
  kobe: 3.1,
  fukuoka: 3.0,
  nagano: 2.85,
  sendai: 2.7,
  'osaka-saito': 2.55,
  hiroshima: 2.35,
  keihanna: 2.2,
  kitakyushu: 1.95,
  takamatsu: 1.15,
};
/** A cluster of the cohort the table does not name (added to the reference data later). */
export const DEFAULT_CLUSTER_LEVEL = 2.7;

/** What an evaluator writes beside a grade. */
const GRADE_WORDS: Readonly<Record<string, { ja: string; en: string }>> = {
  S: { ja: '特に優れた進捗・計画である', en: 'outstanding progress and plans' },
  A: { ja: '優れているが一部に課題がある', en: 'good, with some issues' },
  B: { ja: '概ね妥当だが改善が必要である', en: 'adequate, but needs improvement' },
  C: { ja: '大幅な見直しが必要である', en: 'needs substantial revision' },
};

/** A short bilingual comment for one grade, labelled as demo text. */
export function gradeComment(item: { ja: string; en: string }, grade: string): string {
  const words = GRADE_WORDS[grade] ?? GRADE_WORDS.B!;
  return `【デモ】${item.ja}：${words.ja}。 / [Demo] ${item.en}: ${words.en}.`;
}

/** Headquarters' self-evaluation of one item, labelled as synthetic. */
export function selfEvaluationNarrative(
  cluster: { ja: string; en: string },
  item: { ja: string; en: string },
): string {
  return (
    `【デモ・合成データ】${cluster.ja}知的クラスターの「${item.ja}」について、前半3年間（平成14〜16年度）の取組、成果と課題を自己評価する。` +
    'この文章は kcp demo が生成した架空の記述であり、実際の自己評価書ではない。\n' +
    `[Demo — synthetic] ${cluster.en}: self-evaluation of “${item.en}” over the first three years (FY2002–FY2004): ` +
    'what was done, what came of it and what remains. Generated by kcp demo; not a real self-evaluation report.'
  );
}

/** The interview minutes recorded against one item. */
export function interviewMinute(
  cluster: { ja: string; en: string },
  item: { ja: string; en: string },
): string {
  return (
    `【デモ】${cluster.ja}：「${item.ja}」について本部長・事業総括から説明を受け、質疑を行った。` +
    `\n[Demo] ${cluster.en}: the headquarters director and project manager explained “${item.en}”; questions and answers followed.`
  );
}

/** When each cluster is interviewed, in the order of the round's clusters: two a day, Nov.–Dec. 2004. */
export const INTERVIEW_SLOTS: readonly string[] = [
  '2004-11-22T10:00',
  '2004-11-22T14:00',
  '2004-11-24T10:00',
  '2004-11-24T14:00',
  '2004-11-26T10:00',
  '2004-11-26T14:00',
  '2004-11-29T10:00',
  '2004-11-29T14:00',
  '2004-12-01T10:00',
  '2004-12-01T14:00',
  '2004-12-03T10:00',
  '2004-12-03T14:00',
];
export const INTERVIEW_PLACE = '文部科学省 会議室（デモ） / MEXT meeting room (demo)';
/** The items the demo's minutes cover. */
export const MINUTE_ITEMS: readonly string[] = [
  'progress.technical',
  'progress.regional',
  'plans.technical',
  'future.possibility',
];

/** The consolidated comment drafted per band (officers edit it before publishing). */
const BAND_COMMENTS: Readonly<Record<string, { ja: string; en: string }>> = {
  S: {
    ja: '【デモ】研究開発・事業化ともに順調に進捗しており、後半も計画どおりの推進が期待される。',
    en: '[Demo] Research and commercialisation progress well; the second half is expected to proceed as planned.',
  },
  A: {
    ja: '【デモ】概ね順調に進捗している。一部の研究テーマについて事業化への道筋を明確にすること。',
    en: '[Demo] Generally on track; make the course toward business clearer for some research themes.',
  },
  B: {
    ja: '【デモ】成果は一部にとどまる。市場ニーズの分析と数値目標を定め、計画を見直すこと。',
    en: '[Demo] Results so far are partial; analyse market needs, set numerical targets and revise the plan.',
  },
  C: {
    ja: '【デモ】計画の大幅な見直しが必要である。推進体制と研究テーマの重点化を再検討すること。',
    en: '[Demo] The plan needs substantial revision; reconsider the promotion system and focus the research themes.',
  },
};

/** A cluster's drafted consolidated comment by its band (the lowest band's when it has none). */
export function consolidatedComment(band: string | null): { ja: string; en: string } {
  return BAND_COMMENTS[band ?? 'C'] ?? BAND_COMMENTS.C!;
}

export interface DemoFinding {
  cluster: string;
  tag: FindingTag;
  ja: string;
  en: string;
}

/** The seed's "issues to be solved", one recorded against a cluster each (which cluster is invented). */
export const DEMO_FINDINGS: readonly DemoFinding[] = [
  {
    cluster: 'kitakyushu',
    tag: 'business_course',
    ja: '【デモ】一部の研究テーマで事業化への道筋が示されていない。テーマごとに事業化の工程を示すこと。',
    en: '[Demo] Some research themes show no course toward business; give each theme a route to commercialisation.',
  },
  {
    cluster: 'hiroshima',
    tag: 'ip_strategy',
    ja: '【デモ】クラスター本部と大学の知的財産戦略が統合されていない。出願・活用の方針を一本化すること。',
    en: '[Demo] The IP strategies of the headquarters and the universities are not integrated; agree one policy for filing and licensing.',
  },
  {
    cluster: 'takamatsu',
    tag: 'market_needs_targets',
    ja: '【デモ】市場ニーズの分析、数値目標の設定と民間企業の参画が不十分である。',
    en: '[Demo] Market needs analysis, numerical targets and the involvement of private companies are insufficient.',
  },
  {
    cluster: 'sendai',
    tag: 'global_activity',
    ja: '【デモ】国際競争力のあるクラスターに向けた海外との連携・発信が少ない。',
    en: '[Demo] Few global activities toward an internationally competitive cluster.',
  },
  {
    cluster: 'keihanna',
    tag: 'talent',
    ja: '【デモ】地域内外からの人材の育成・確保の方策を具体化すること。',
    en: '[Demo] Make concrete how talented people will be fostered and secured in and out of the region.',
  },
  {
    cluster: 'kobe',
    tag: 'regulation',
    ja: '【デモ】薬事法上の権利範囲と治験の期間を見込んだ事業化計画とすること。',
    en: '[Demo] Plan commercialisation around the scope of claims and the lead time of clinical trials under the pharmaceutical affairs law.',
  },
];
