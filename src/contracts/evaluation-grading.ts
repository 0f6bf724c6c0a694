/**
 * The weighting group and the evaluating group (重み付け・評価): each weighting member proposes a
 * weight per item; the round's weights are their mean normalised to 100, the chair may adjust them
 * with a reason, and an officer locks one version before grading opens. Each evaluator then sets
 * S/A/B/C (the round's scale) on every item of each cluster assigned to them, with a comment.
 */
import { z } from 'zod';
import { LocalizedText } from './common';

const ItemKey = z.string().min(1).max(80);

export const ProposeWeightsBody = z.strictObject({
  /** Item key → weight (≥ 0, at least one above 0); every item of the round. */
  weights: z.record(ItemKey, z.number()),
});
export type ProposeWeightsBody = z.infer<typeof ProposeWeightsBody>;

export const AdjustWeightsBody = z.strictObject({
  /** Item key → the chair's new weight. */
  changes: z.record(ItemKey, z.number()),
  reason: z.string().trim().min(1).max(2000),
  mode: z.enum(['scale_all', 'keep_changed']).default('scale_all'),
  /** The version being adjusted; a newer one answers 409. */
  fromVersion: z.number().int().positive(),
});
export type AdjustWeightsBody = z.input<typeof AdjustWeightsBody>;

export const WeightSetVersionParams = z.strictObject({
  key: z.string().min(1).max(120),
  version: z.coerce.number().int().positive(),
});

export const WeightView = z.object({
  item: z.string(),
  label: LocalizedText,
  /** Full precision; the weights of a set sum to 100. */
  weight: z.number(),
  /** Rounded to tenths so the shown figures add up to exactly 100.0. */
  shown: z.string(),
});

export const WeightSetView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  method: z.enum(['mean', 'adjusted']),
  reason: z.string().nullable(),
  memberCount: z.number().int(),
  weights: z.array(WeightView),
  /** What moved against the previous version (chair's adjustments). */
  changes: z.array(
    z.object({ item: z.string(), before: z.number().nullable(), after: z.number().nullable() }),
  ),
  createdAt: z.string(),
  lockedAt: z.string().nullable(),
});
export type WeightSetView = z.infer<typeof WeightSetView>;

export const WeightsResponse = z.object({
  round: z.object({ key: z.string(), status: z.string(), title: LocalizedText }),
  items: z.array(z.object({ key: z.string(), label: LocalizedText, group: LocalizedText })),
  /** The asking member's own proposal (null when none yet or not a member). */
  mine: z.object({ weights: z.record(z.string(), z.number()), updatedAt: z.string() }).nullable(),
  /**
   * Every member's proposal: officers see names; members see others only as "Member A, B…";
   * nobody else sees proposals.
   */
  proposals: z.array(
    z.object({ member: z.string(), weights: z.record(z.string(), z.number()), updatedAt: z.string() }),
  ),
  memberCount: z.number().int(),
  proposedCount: z.number().int(),
  sets: z.array(WeightSetView),
  locked: WeightSetView.nullable(),
  isChair: z.boolean(),
  canPropose: z.boolean(),
  canManage: z.boolean(),
});
export type WeightsResponse = z.infer<typeof WeightsResponse>;

// ---------------------------------------------------------------------------------------------
// Grading

export const GradingParams = z.strictObject({
  key: z.string().min(1).max(120),
  clusterKey: z.string().min(1).max(80),
});

export const SaveGradesBody = z.strictObject({
  /** Item key → grade (null clears it) and comment. Items left out keep what they had. */
  grades: z.record(
    ItemKey,
    z.strictObject({
      grade: z.string().trim().max(8).nullable(),
      comment: z.string().trim().max(5000).nullable().default(null),
    }),
  ),
});
export type SaveGradesBody = z.input<typeof SaveGradesBody>;

export const GradeEntry = z.object({
  item: z.string(),
  grade: z.string().nullable(),
  comment: z.string().nullable(),
});

export const GradingView = z.object({
  round: z.object({ key: z.string(), status: z.string(), title: LocalizedText }),
  cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }),
  scale: z.array(z.object({ grade: z.string(), points: z.number() })),
  items: z.array(
    z.object({
      key: z.string(),
      label: LocalizedText,
      group: LocalizedText,
      aspects: z.array(LocalizedText),
    }),
  ),
  grades: z.array(GradeEntry),
  submittedAt: z.string().nullable(),
  /** The evaluator's weighted score with the locked weights once every item is graded. */
  score: z.number().nullable(),
  /**
   * The other evaluators' grades, anonymised ("Evaluator A…"): only from the scoring phase on and
   * only after this evaluator has submitted; empty before.
   */
  others: z.array(z.object({ evaluator: z.string(), grades: z.array(GradeEntry) })),
  canEdit: z.boolean(),
});
export type GradingView = z.infer<typeof GradingView>;

export const MyGradingsResponse = z.object({
  round: z.object({ key: z.string(), status: z.string(), title: LocalizedText }),
  items: z.array(
    z.object({
      cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }),
      graded: z.number().int(),
      itemCount: z.number().int(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export type MyGradingsResponse = z.infer<typeof MyGradingsResponse>;

/** The officers' progress board: who has graded how much of which cluster. */
export const GradingProgressResponse = z.object({
  itemCount: z.number().int(),
  pairs: z.array(
    z.object({
      clusterId: z.number().int(),
      evaluatorId: z.number().int(),
      evaluator: z.string(),
      conflicted: z.boolean(),
      graded: z.number().int(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export type GradingProgressResponse = z.infer<typeof GradingProgressResponse>;
