/** The words of an evaluation round's result report in Japanese and English (a report is written in one). */
import type { RoundKind } from '../../../contracts/evaluation-rounds';
import type { Bilingual } from '../exports/export-table';

export const ROUND_KIND_LABELS: Record<RoundKind, Bilingual> = {
  intermediate: { ja: '中間評価', en: 'Intermediate evaluation' },
  ex_post: { ja: '事後評価', en: 'Ex-post evaluation' },
};

export const ROUND_REPORT_TEXT = {
  report: { ja: '評価結果報告', en: 'Evaluation report' },
  resultsSheet: { ja: '評価結果', en: 'Results' },
  weightsSheet: { ja: '重み', en: 'Weights' },
  distributionSheet: { ja: '評点分布', en: 'Grade distribution' },
  evaluatorsSheet: { ja: '評価者別評点', en: 'Scores by evaluator' },
  leniencySheet: { ja: '評価者の傾向', en: 'Leniency' },
  resultsTitle: { ja: '評価結果（順位）', en: 'Ranked results' },
  weightsTitle: { ja: '確定した重み', en: 'The locked weights' },
  distributionTitle: { ja: '評価項目別の評点分布', en: 'Grades per criterion item' },
  evaluatorsTitle: { ja: '評価者別の加重評点', en: 'Weighted scores by evaluator' },
  leniencyTitle: {
    ja: '評価者の甘辛（他の評価者との平均差）',
    en: "Evaluators' leniency (mean offset from the others)",
  },
  rank: { ja: '順位', en: 'Rank' },
  cluster: { ja: 'クラスター', en: 'Cluster' },
  band: { ja: '評価', en: 'Band' },
  total: { ja: '総合評点', en: 'Total score' },
  score100: { ja: '100点換算', en: 'Score on 100' },
  evaluatorCount: { ja: '評価者数', en: 'Evaluators' },
  conflicted: { ja: '利益相反で除外', en: 'Excluded (conflict)' },
  pending: { ja: '未提出', en: 'Not submitted' },
  keptRank: { ja: '順位維持率', en: 'Rank kept' },
  percent: { ja: '%', en: '%' },
  comment: { ja: '講評', en: 'Consolidated comment' },
  group: { ja: '評価項目群', en: 'Group' },
  item: { ja: '評価項目', en: 'Criterion item' },
  weight: { ja: '重み', en: 'Weight' },
  gradeCounts: { ja: '評点の件数', en: 'Grades given' },
  graded: { ja: '評点数', en: 'Graded' },
  meanPoints: { ja: '平均点', en: 'Mean points' },
  alpha: { ja: '一致度 α', en: 'Agreement α' },
  allItems: { ja: '全項目', en: 'All items' },
  totalRow: { ja: '合計', en: 'Total' },
  evaluator: { ja: '評価者', en: 'Evaluator' },
  leniency: { ja: '甘辛（点）', en: 'Leniency (points)' },
  units: { ja: '比較した評点', en: 'Grades compared' },
  conflictCell: { ja: '利益相反', en: 'Conflict' },
  pendingCell: { ja: '未提出', en: 'Not submitted' },
  announceOn: { ja: '公表予定日', en: 'Announcement' },
  publishedAt: { ja: '公表日時', en: 'Published' },
  notPublished: {
    ja: '未公表（採点段階の暫定値）',
    en: 'not published (provisional figures of the scoring phase)',
  },
  generatedAt: { ja: '作成日時', en: 'Generated' },
  demoBanner: {
    ja: '合成デモデータ：この評価は説明用に合成したデータであり、実際の評価結果ではありません。',
    en: 'Synthetic demo data: this evaluation was generated for demonstration and is not a real result.',
  },
  demoFooter: { ja: '合成デモデータ', en: 'SYNTHETIC DEMO DATA' },
  anonymous: {
    ja: '評価者の氏名は公表しません。',
    en: 'Evaluators are not named in published results.',
  },
  noClusters: { ja: '対象クラスターはありません。', en: 'The round has no target cluster.' },
} satisfies Record<string, Bilingual>;
