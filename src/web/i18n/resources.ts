/**
 * Every translation, ja and en. The shared strings live in ./ja.json and ./en.json; a feature
 * keeps its own in features/<feature>/locales so features can be translated (and changed) apart.
 */
import analyticsEn from '../features/analytics/locales/en.json';
import analyticsJa from '../features/analytics/locales/ja.json';
import budgetsEn from '../features/budgets/locales/en.json';
import budgetsJa from '../features/budgets/locales/ja.json';
import evaluationRoundsEn from '../features/evaluation-rounds/locales/en.json';
import evaluationRoundsJa from '../features/evaluation-rounds/locales/ja.json';
import evaluationSelfEn from '../features/evaluation-self/locales/en.json';
import evaluationSelfJa from '../features/evaluation-self/locales/ja.json';
import evaluationGradingEn from '../features/evaluation-grading/locales/en.json';
import evaluationGradingJa from '../features/evaluation-grading/locales/ja.json';
import evaluationResultsEn from '../features/evaluation-results/locales/en.json';
import evaluationResultsJa from '../features/evaluation-results/locales/ja.json';
import evaluationFollowupEn from '../features/evaluation-followup/locales/en.json';
import evaluationFollowupJa from '../features/evaluation-followup/locales/ja.json';
import evaluationTasksEn from '../features/evaluation-tasks/locales/en.json';
import evaluationTasksJa from '../features/evaluation-tasks/locales/ja.json';
import fundingDuplicationEn from '../features/funding-duplication/locales/en.json';
import fundingDuplicationJa from '../features/funding-duplication/locales/ja.json';
import industrialClusterEn from '../features/industrial-cluster/locales/en.json';
import industrialClusterJa from '../features/industrial-cluster/locales/ja.json';
import importsEn from '../features/imports/locales/en.json';
import importsJa from '../features/imports/locales/ja.json';
import matchingPipelineEn from '../features/matching-pipeline/locales/en.json';
import matchingPipelineJa from '../features/matching-pipeline/locales/ja.json';
import portalEn from '../features/portal/locales/en.json';
import portalJa from '../features/portal/locales/ja.json';
import reportingEn from '../features/reporting/locales/en.json';
import reportingJa from '../features/reporting/locales/ja.json';
import selectionCallsEn from '../features/selection-calls/locales/en.json';
import selectionCallsJa from '../features/selection-calls/locales/ja.json';
import selectionProposalsEn from '../features/selection-proposals/locales/en.json';
import selectionProposalsJa from '../features/selection-proposals/locales/ja.json';
import selectionReviewEn from '../features/selection-review/locales/en.json';
import selectionReviewJa from '../features/selection-review/locales/ja.json';
import selectionResultsEn from '../features/selection-results/locales/en.json';
import selectionResultsJa from '../features/selection-results/locales/ja.json';
import seedsNeedsEn from '../features/seeds-needs/locales/en.json';
import seedsNeedsJa from '../features/seeds-needs/locales/ja.json';
import en from './en.json';
import ja from './ja.json';

const jaResources = {
  ...ja,
  reporting: reportingJa,
  budgets: budgetsJa,
  imports: importsJa,
  analytics: analyticsJa,
  portal: portalJa,
  selectionResults: selectionResultsJa,
  selectionCalls: selectionCallsJa,
  selectionProposals: selectionProposalsJa,
  selectionReview: selectionReviewJa,
  evaluationRounds: evaluationRoundsJa,
  evaluationSelf: evaluationSelfJa,
  evaluationGrading: evaluationGradingJa,
  evaluationResults: evaluationResultsJa,
  evaluationFollowup: evaluationFollowupJa,
  evaluationTasks: evaluationTasksJa,
  seedsNeeds: seedsNeedsJa,
  matchingPipeline: matchingPipelineJa,
  industrialCluster: industrialClusterJa,
  fundingDuplication: fundingDuplicationJa,
};

/** English must have every key Japanese has (src/web/i18n/resources.test.ts checks it). */
const enResources: typeof jaResources = {
  ...en,
  reporting: reportingEn,
  budgets: budgetsEn,
  imports: importsEn,
  analytics: analyticsEn,
  portal: portalEn,
  selectionResults: selectionResultsEn,
  selectionCalls: selectionCallsEn,
  selectionProposals: selectionProposalsEn,
  selectionReview: selectionReviewEn,
  evaluationRounds: evaluationRoundsEn,
  evaluationSelf: evaluationSelfEn,
  evaluationGrading: evaluationGradingEn,
  evaluationResults: evaluationResultsEn,
  evaluationFollowup: evaluationFollowupEn,
  evaluationTasks: evaluationTasksEn,
  seedsNeeds: seedsNeedsEn,
  matchingPipeline: matchingPipelineEn,
  industrialCluster: industrialClusterEn,
  fundingDuplication: fundingDuplicationEn,
};

export const resources = { ja: jaResources, en: enResources };
export type TranslationResources = typeof jaResources;
