/** The words of the selection report in Japanese and English (the report is written in one of them). */
import type { DecisionOutcome } from '../../../contracts/selection-common';
import type { SelectionLineStatus } from '../../../contracts/selection-results';
import type { Bilingual } from '../exports/export-table';

export const OUTCOME_LABELS: Record<DecisionOutcome, Bilingual> = {
  selected: { ja: '採択', en: 'Selected' },
  trial: { ja: '試行地域', en: 'Trial region' },
  shortlisted: { ja: '候補', en: 'Shortlisted' },
  rejected: { ja: '不採択', en: 'Rejected' },
};

export const LINE_LABELS: Record<SelectionLineStatus, Bilingual> = {
  selected: { ja: '枠内', en: 'Within limits' },
  tie_at_cutoff: { ja: '境界で同順位', en: 'Tie at cut-off' },
  no_slot: { ja: '枠外', en: 'No slot left' },
  over_budget: { ja: '予算超過', en: 'Over budget' },
  below_cutoff: { ja: '枠外', en: 'Below cut-off' },
  ineligible: { ja: '選定対象外', en: 'Ineligible' },
  unscored: { ja: '未評価', en: 'Unscored' },
};

export const REPORT_TEXT = {
  report: { ja: '審査結果報告', en: 'Selection report' },
  rankingSheet: { ja: '順位', en: 'Ranking' },
  reviewersSheet: { ja: '審査員別評点', en: 'Scores by reviewer' },
  rankingTitle: { ja: '審査結果（順位）', en: 'Ranked results' },
  reviewersTitle: { ja: '評価項目別・審査員別の評点', en: 'Scores per criterion and reviewer' },
  rank: { ja: '順位', en: 'Rank' },
  region: { ja: '地域', en: 'Region' },
  proposer: { ja: '提案者', en: 'Proposer' },
  keyField: { ja: '特定分野', en: 'Key field' },
  score: { ja: '総合評点', en: 'Score' },
  reviews: { ja: '審査数', en: 'Reviews' },
  criteria: { ja: '評価項目', en: 'Criteria' },
  requested: { ja: '要求額', en: 'Requested' },
  line: { ja: '枠・予算', en: 'Slots and budget' },
  decision: { ja: '決定', en: 'Decision' },
  flags: { ja: '注記', en: 'Flags' },
  reviewer: { ja: '審査員', en: 'Reviewer' },
  weighted: { ja: '加重評点', en: 'Weighted score' },
  comments: { ja: 'コメント', en: 'Comments' },
  submittedAt: { ja: '提出日時', en: 'Submitted' },
  yen: { ja: '円', en: 'yen' },
  overall: { ja: '総合', en: 'Overall' },
  consensus: { ja: '合議', en: 'Consensus' },
  belowThreshold: { ja: '閾値未満', en: 'Below threshold' },
  disagreement: { ja: '意見の相違', en: 'Disagreement' },
  range: { ja: '範囲', en: 'range' },
  sd: { ja: '標準偏差', en: 'SD' },
  tieBrokenBy: { ja: '同点を次で判定', en: 'Tie broken by' },
  conflictedExcluded: { ja: '利益相反で除外した審査', en: 'Conflicted reviews left out' },
  demoBanner: {
    ja: '合成デモデータ：この公募は説明用に合成したデータであり、実際の審査結果ではありません。',
    en: 'Synthetic demo data: this call was generated for demonstration and is not a real selection.',
  },
  demoFooter: { ja: '合成デモデータ', en: 'SYNTHETIC DEMO DATA' },
  generatedAt: { ja: '作成日時', en: 'Generated' },
  publishedAt: { ja: '公表日', en: 'Published' },
  notPublished: { ja: '未公表', en: 'not published' },
  stage: { ja: '段階', en: 'Stage' },
  aggregationMean: { ja: '審査員の加重評点の平均', en: "mean of the reviewers' weighted scores" },
  aggregationMedian: { ja: '審査員の加重評点の中央値', en: "median of the reviewers' weighted scores" },
  ownProposal: { ja: '対象の提案', en: 'Proposal' },
  rankOf: { ja: '順位', en: 'Rank' },
  noProposals: { ja: '提出された提案はありません。', en: 'No proposals were submitted.' },
} satisfies Record<string, Bilingual>;
