/**
 * Shapes every part of selection shares: the call's frozen criteria, scale and rules, and the parts
 * of a proposal kept as JSON (participants, narratives, budget plan, targets). The calls, proposals,
 * reviews and results contracts build on these; the database keeps them as JSON text and parses
 * them with these schemas when read.
 */
import { z } from 'zod';
import { AGGREGATIONS } from '../domain/selection/scoring';
import { FiscalYearValue, LocalizedText } from './common';

/** Lifecycle of a call: draft → open (proposals) → review → decision → published; closed = cancelled. */
export const CALL_STATUSES = ['draft', 'open', 'review', 'decision', 'published', 'closed'] as const;
export const CallStatus = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof CallStatus>;

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** selected and trial ("trial region", 試行地域) create a cluster; shortlisted passes a first stage. */
export const DECISION_OUTCOMES = ['selected', 'trial', 'shortlisted', 'rejected'] as const;
export const DecisionOutcome = z.enum(DECISION_OUTCOMES);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** The call's score scale, e.g. 1–5 in steps of 1. */
export const Scale = z
  .strictObject({
    min: z.number().finite(),
    max: z.number().finite(),
    step: z.number().positive().finite(),
  })
  .refine((s) => s.max > s.min, { message: 'max must be above min', path: ['max'] });
export type Scale = z.infer<typeof Scale>;

/** A scored criterion item of a call: weight > 0 and an optional minimum mean score. */
export const CallCriterion = z.strictObject({
  key: z.string().min(1).max(80),
  label: LocalizedText,
  weight: z.number().positive().finite(),
  threshold: z.number().finite().nullable().default(null),
});
export type CallCriterion = z.infer<typeof CallCriterion>;

/** A group of criterion items; proposals write one narrative per group. */
export const CallCriterionGroup = z.strictObject({
  key: z.string().min(1).max(80),
  label: LocalizedText,
  items: z.array(CallCriterion).min(1).max(50),
});
export type CallCriterionGroup = z.infer<typeof CallCriterionGroup>;

export const CallCriteria = z.array(CallCriterionGroup).min(1).max(20);
export type CallCriteria = z.infer<typeof CallCriteria>;

export const Aggregation = z.enum(AGGREGATIONS);

/** Tie-break rules in order: compare the named criterion's aggregated score first, and so on. */
export const TieBreak = z
  .array(z.strictObject({ kind: z.literal('criterion'), criterion: z.string() }))
  .max(10);
export type TieBreak = z.infer<typeof TieBreak>;

/** When reviewers disagree enough to call for the consensus step. */
export const DisagreementRule = z.strictObject({
  maxRange: z.number().nonnegative().finite(),
  maxSd: z.number().nonnegative().finite(),
});
export type DisagreementRule = z.infer<typeof DisagreementRule>;

/** A document a proposal must (or may) attach, e.g. the cluster plan or letters of support. */
export const RequiredDocument = z.strictObject({
  key: z.string().min(1).max(60),
  label: LocalizedText,
  required: z.boolean(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/** A university, firm or research institute taking part in a proposed cluster. */
export const PARTICIPANT_KINDS = ['university', 'company', 'public_research_institute', 'other'] as const;
export const Participant = z.strictObject({
  organizationId: z.number().int().positive().nullable().default(null),
  kind: z.enum(PARTICIPANT_KINDS),
  name: LocalizedText,
});
export type Participant = z.infer<typeof Participant>;

/** One fiscal year of a proposal's 5-year budget plan, integer yen. */
export const BudgetPlanYear = z.strictObject({
  fiscalYear: FiscalYearValue,
  subsidyYen: z.number().int().nonnegative().max(1e13),
  localYen: z.number().int().nonnegative().max(1e13),
  otherYen: z.number().int().nonnegative().max(1e13),
});
export type BudgetPlanYear = z.infer<typeof BudgetPlanYear>;

/** A numerical target the proposal commits to; becomes a cluster target on selection. */
export const ProposalTarget = z.strictObject({
  indicatorKey: z.string().min(1).max(60),
  fiscalYear: FiscalYearValue,
  target: z.number().nonnegative().finite(),
});
export type ProposalTarget = z.infer<typeof ProposalTarget>;

/** Narrative text per criterion group key. */
export const Narratives = z.record(z.string(), z.string().max(20_000));
export type Narratives = z.infer<typeof Narratives>;

/** Prefecture codes '01'–'47'. */
export const Prefectures = z.array(z.string().regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/)).max(47);
