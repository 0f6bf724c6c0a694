/**
 * Matching seeds and needs, and the coordinators' pipeline: ranked suggestions with their
 * explanation, matches a coordinator proposes, each side's expression of interest (three standard
 * questions), the dated steps to sales with the outcome items they produced, the board and the
 * per-coordinator activity summary.
 */
import { z } from 'zod';
import { ANSWERS, MATCH_STAGES, PIPELINE_STEPS } from '../domain/match-pipeline';
import { IdQuery, LocalizedText, Version } from './common';
import { KeyField, LinkedOutcomeItem, Need, Seed, SeedStage } from './seeds-needs';

export const PipelineStep = z.enum(PIPELINE_STEPS);
export type PipelineStep = z.infer<typeof PipelineStep>;
export const MatchStage = z.enum(MATCH_STAGES);
export type MatchStage = z.infer<typeof MatchStage>;
export const Answer = z.enum(ANSWERS);
export type Answer = z.infer<typeof Answer>;

export const SuggestionQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SuggestionQuery = z.infer<typeof SuggestionQuery>;

export const MatchedTerm = z.object({
  term: z.string(),
  fields: z.array(z.string()),
  contribution: z.number(),
});
export const MatchSignal = z.object({
  kind: z.enum(['same_field', 'stage', 'same_region', 'same_prefecture']),
  bonus: z.number(),
  keyField: KeyField.optional(),
  stage: SeedStage.optional(),
  region: z.string().optional(),
  prefectureCode: z.string().optional(),
});
export type MatchSignal = z.infer<typeof MatchSignal>;

export const Explanation = z.object({
  score: z.number(),
  textScore: z.number(),
  matched: z.array(MatchedTerm),
  signals: z.array(MatchSignal),
});
export type Explanation = z.infer<typeof Explanation>;

export const SeedSuggestion = z.object({
  rank: z.number().int(),
  seed: Seed,
  explanation: Explanation,
  /** The match already proposed for this pair, if any, and where it stands on the board. */
  matchId: z.number().int().nullable(),
  matchStage: MatchStage.nullable(),
});
export const NeedSuggestion = z.object({
  rank: z.number().int(),
  need: Need,
  explanation: Explanation,
  matchId: z.number().int().nullable(),
  matchStage: MatchStage.nullable(),
});
export const SeedSuggestions = z.object({ items: z.array(SeedSuggestion) });
export type SeedSuggestions = z.infer<typeof SeedSuggestions>;
export const NeedSuggestions = z.object({ items: z.array(NeedSuggestion) });
export type NeedSuggestions = z.infer<typeof NeedSuggestions>;

export const ProposeMatchBody = z.strictObject({
  seedId: z.number().int().positive(),
  needId: z.number().int().positive(),
  /** Why the coordinator thinks the two belong together. */
  note: z.string().trim().max(2000).default(''),
});
export type ProposeMatchBody = z.input<typeof ProposeMatchBody>;

/** The expression of interest: three standard questions, required when interested. */
export const InterestAnswers = z.strictObject({
  offer: z.string().trim().min(1).max(2000),
  seek: z.string().trim().min(1).max(2000),
  next: z.string().trim().min(1).max(2000),
});
export type InterestAnswers = z.infer<typeof InterestAnswers>;

export const AnswerMatchBody = z.strictObject({
  side: z.enum(['seed', 'need']),
  answer: z.enum(['interested', 'declined']),
  interest: InterestAnswers.optional(),
  /** Why, when declining (optional, shown to coordinators). */
  reason: z.string().trim().max(2000).optional(),
  version: Version,
});
export type AnswerMatchBody = z.infer<typeof AnswerMatchBody>;

export const FUNDERS = ['mext', 'meti', 'other'] as const;
export const Funder = z.enum(FUNDERS);

export const JointResearchDetail = z.strictObject({
  partners: z.array(z.string().trim().min(1).max(300)).min(1).max(30),
  budgetYen: z.number().int().min(0).max(1e13),
  funder: Funder,
  /** The funding programme when `other` (JST, NEDO, the company's own…). */
  funderName: z.string().trim().max(200).optional(),
  theme: z.string().trim().min(1).max(300),
});
export type JointResearchDetail = z.infer<typeof JointResearchDetail>;

export const RecordStepBody = z.strictObject({
  step: PipelineStep,
  occurredOn: z.iso.date(),
  notes: z.string().trim().max(10_000).default(''),
  /** Meetings: who attended. */
  attendees: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  /** Joint research: partners, budget, funder (required for that step, refused for others). */
  jointResearch: JointResearchDetail.optional(),
  /** Sales: the amount in yen. */
  salesYen: z.number().int().min(0).max(1e13).optional(),
  /** Outcome items of the seed's cluster this step produced (patents, products, sales). */
  outcomeItemIds: z.array(z.number().int().positive()).max(50).default([]),
  version: Version,
});
export type RecordStepBody = z.input<typeof RecordStepBody>;

export const CloseMatchBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  version: Version,
});
export type CloseMatchBody = z.infer<typeof CloseMatchBody>;

export const MatchParams = z.strictObject({ id: IdQuery });

export const MatchStepView = z.object({
  id: z.number().int(),
  step: PipelineStep,
  occurredOn: z.string(),
  notes: z.string(),
  attendees: z.array(z.string()),
  jointResearch: JointResearchDetail.nullable(),
  salesYen: z.number().nullable(),
  outcomeItems: z.array(LinkedOutcomeItem),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type MatchStepView = z.infer<typeof MatchStepView>;

const SideAnswer = z.object({
  answer: Answer,
  interest: InterestAnswers.nullable(),
  reason: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const Match = z.object({
  id: z.number().int(),
  seed: z.object({
    id: z.number().int(),
    title: z.object({ ja: z.string().nullable(), en: z.string().nullable() }),
    cluster: z.object({ key: z.string(), name: LocalizedText }),
  }),
  need: z.object({
    id: z.number().int(),
    title: z.object({ ja: z.string().nullable(), en: z.string().nullable() }),
    company: z.object({ id: z.number().int(), name: LocalizedText }).nullable(),
    companyHidden: z.boolean(),
    /** Asked to keep its name from the seed's side: their free text has it taken out. */
    confidential: z.boolean(),
  }),
  stage: MatchStage,
  note: z.string(),
  explanation: Explanation.nullable(),
  proposedBy: z.object({ accountId: z.number().int(), displayName: z.string() }),
  proposedAt: z.string(),
  seedSide: SideAnswer,
  needSide: SideAnswer,
  closedReason: z.string().nullable(),
  steps: z.array(MatchStepView),
  /** What this reader may do now. */
  canAnswer: z.array(z.enum(['seed', 'need'])),
  nextSteps: z.array(PipelineStep),
  canClose: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Match = z.infer<typeof Match>;

export const MatchListQuery = z.strictObject({
  stage: MatchStage.optional(),
  coordinator: IdQuery.optional(),
  seed: IdQuery.optional(),
  need: IdQuery.optional(),
});
export type MatchListQuery = z.infer<typeof MatchListQuery>;

export const MatchCard = Match.pick({
  id: true,
  seed: true,
  need: true,
  stage: true,
  proposedBy: true,
  proposedAt: true,
  updatedAt: true,
}).extend({
  lastStepOn: z.string().nullable(),
});
export type MatchCard = z.infer<typeof MatchCard>;

export const MatchBoard = z.object({
  columns: z.array(z.object({ stage: MatchStage, items: z.array(MatchCard) })),
  total: z.number().int(),
});
export type MatchBoard = z.infer<typeof MatchBoard>;

export const CoordinatorSummaryQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type CoordinatorSummaryQuery = z.infer<typeof CoordinatorSummaryQuery>;

export const CoordinatorActivity = z.object({
  accountId: z.number().int(),
  displayName: z.string(),
  proposed: z.number().int(),
  bothInterested: z.number().int(),
  declined: z.number().int(),
  /** Matches by their current stage. */
  byStage: z.record(z.string(), z.number().int()),
  /** Steps recorded in the period, by kind. */
  stepsRecorded: z.record(z.string(), z.number().int()),
  jointResearchYen: z.number(),
  salesYen: z.number(),
  lastActivityAt: z.string().nullable(),
});
export const CoordinatorSummary = z.object({ items: z.array(CoordinatorActivity) });
export type CoordinatorSummary = z.infer<typeof CoordinatorSummary>;
