/**
 * A round's scores and published results (issue 5, "Scores, results, follow-up"): per cluster the
 * total score (mean over its non-conflicted evaluators who submitted), the score on 100, the rank
 * (ties share: 1, 2, 2, 4) and band; per item the distribution of grades; agreement between
 * evaluators (Krippendorff's ordinal alpha), each evaluator's leniency (officers only) and the
 * stability of the ranking when the weights move. One shape serves officers, the round's
 * evaluators and the public; what an audience may not see is null or left out for it, and
 * evaluators are "Evaluator A, B…" to everyone but officers.
 */
import { z } from 'zod';
import { LocalizedText, Version } from './common';
import { BandsInput, GradeScaleInput, RoundKind, RoundStatus } from './evaluation-rounds';

/** The announcement day of the 2004 intermediate evaluation: the default seed of the stability trials. */
export const DEFAULT_STABILITY_SEED = 20050323;
export const DEFAULT_STABILITY_TRIALS = 1000;
export const MAX_STABILITY_TRIALS = 10_000;
export const DEFAULT_PERTURBATION = 0.2;

/** How the ranking-stability trials run: every weight moved by up to ±perturbation, `trials` times. */
export const RoundScoresQuery = z.strictObject({
  trials: z.coerce.number().int().min(1).max(MAX_STABILITY_TRIALS).default(DEFAULT_STABILITY_TRIALS),
  perturbation: z.coerce
    .number()
    .gt(0, 'the perturbation must be above 0')
    .max(0.5, 'the perturbation is at most 0.5 (±50 %)')
    .default(DEFAULT_PERTURBATION),
  seed: z.coerce.number().int().min(0).max(2_147_483_647).default(DEFAULT_STABILITY_SEED),
});
export type RoundScoresQuery = z.infer<typeof RoundScoresQuery>;

export const ResultAudience = z.enum(['officer', 'evaluator', 'public']);
export type ResultAudience = z.infer<typeof ResultAudience>;

export const ResultClusterRef = z.object({ id: z.number().int(), key: z.string(), name: LocalizedText });
export type ResultClusterRef = z.infer<typeof ResultClusterRef>;

export const ResultRoundRef = z.object({
  key: z.string(),
  title: LocalizedText,
  kind: RoundKind,
  status: RoundStatus,
  fiscalYear: z.number().int(),
  allocationFiscalYear: z.number().int(),
  /** The planned announcement date (YYYY-MM-DD), when the round set one. */
  announceOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** A synthetic demonstration round (`kcp demo`), never real results. */
  isDemo: z.boolean(),
});
export type ResultRoundRef = z.infer<typeof ResultRoundRef>;

/** A criterion item of the round, flattened from its group. */
export const ResultItem = z.object({
  key: z.string(),
  label: LocalizedText,
  groupKey: z.string(),
  groupLabel: LocalizedText,
});

/** One weight of the locked set: full precision for computing, and rounded so the shown figures sum to 100.0. */
export const ResultWeight = z.object({
  item: z.string(),
  weight: z.number(),
  /** Rounded to tenths by the largest remainder; the displayed weights add up to exactly 100. */
  display: z.number(),
  text: z.string(),
});

/** The locked weight set the scores used, shown with every result. */
export const ResultWeightSet = z.object({
  id: z.number().int(),
  version: z.number().int(),
  method: z.string(),
  reason: z.string().nullable(),
  memberCount: z.number().int(),
  lockedAt: z.string().nullable(),
  weights: z.array(ResultWeight),
});
export type ResultWeightSet = z.infer<typeof ResultWeightSet>;

/** The grades given on one item: a count per grade (scale order, best first). */
export const ItemDistribution = z.object({
  item: z.string(),
  counts: z.array(z.object({ grade: z.string(), count: z.number().int() })),
  /** How many counted gradings (submitted, not conflicted) graded the item. */
  graded: z.number().int(),
  meanPoints: z.number().nullable(),
});
export type ItemDistribution = z.infer<typeof ItemDistribution>;

/** An evaluator as the audience may see them: a letter per round, the name for officers (and oneself). */
export const EvaluatorRef = z.object({
  /** 'A', 'B', … 'Z', 'AA', … in the same order for every cluster of the round. */
  label: z.string(),
  displayLabel: LocalizedText,
  name: z.string().nullable(),
  isMe: z.boolean(),
});
export type EvaluatorRef = z.infer<typeof EvaluatorRef>;

export const AlphaFigures = z.object({
  /** Krippendorff's alpha (ordinal); null when undefined (fewer than two pairable values, or no variation). */
  alpha: z.number().nullable(),
  observedDisagreement: z.number(),
  expectedDisagreement: z.number(),
  pairableValues: z.number().int(),
  pairableUnits: z.number().int(),
});

export const ClusterStability = z.object({
  baselineRank: z.number().int(),
  /** Share of trials (0–1) in which the cluster kept its rank. */
  keptRankShare: z.number(),
  minRank: z.number().int(),
  maxRank: z.number().int(),
  meanRank: z.number(),
});

export const ClusterScoreEntry = z.object({
  cluster: ResultClusterRef,
  /** Mean of the counted evaluators' weighted scores; null when no evaluator counted. */
  totalScore: z.number().nullable(),
  score100: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** Keys of the clusters sharing the rank. */
  tiedWith: z.array(z.string()),
  band: z.string().nullable(),
  evaluatorCount: z.number().int(),
  /** Evaluators excluded by a conflict of interest. */
  conflictedCount: z.number().int(),
  /** Evaluators without a conflict who have not submitted. */
  pendingCount: z.number().int(),
  evaluators: z.array(z.object({ evaluator: EvaluatorRef, score: z.number() })),
  distribution: z.array(ItemDistribution),
  stability: ClusterStability.nullable(),
  /** The consolidated comment: officers' draft before publication, the published one after. */
  comment: LocalizedText.nullable(),
  /** The draft comment's version, for an officer's next save; null when there is none or it is published. */
  commentVersion: z.number().int().nullable(),
});
export type ClusterScoreEntry = z.infer<typeof ClusterScoreEntry>;

export const RoundScoresResponse = z.object({
  round: ResultRoundRef,
  audience: ResultAudience,
  /** live: computed from the grades (scoring phase); published: the round_results snapshot. */
  source: z.enum(['live', 'published']),
  /** Every non-conflicted assignment is submitted. */
  complete: z.boolean(),
  pendingAssignments: z.number().int(),
  scale: GradeScaleInput,
  bands: BandsInput,
  items: z.array(ResultItem),
  weightSet: ResultWeightSet,
  /** Rank order; unscored clusters last. */
  clusters: z.array(ClusterScoreEntry),
  /** Per item over every cluster of the round. */
  distribution: z.array(ItemDistribution),
  agreement: z.object({
    metric: z.literal('ordinal'),
    overall: AlphaFigures,
    items: z.array(AlphaFigures.extend({ item: z.string() })),
  }),
  /** Officers only: each evaluator's mean offset from colleagues on the same cluster × item (+ = lenient). */
  leniency: z
    .array(z.object({ evaluator: EvaluatorRef, leniency: z.number().nullable(), units: z.number().int() }))
    .nullable(),
  stability: z.object({ seed: z.number().int(), trials: z.number().int(), perturbation: z.number() }),
});
export type RoundScoresResponse = z.infer<typeof RoundScoresResponse>;

// ---------------------------------------------------------------------------------------------
// Published results

export const RoundResultEntry = z.object({
  cluster: ResultClusterRef,
  totalScore: z.number().nullable(),
  score100: z.number().nullable(),
  rank: z.number().int().nullable(),
  band: z.string().nullable(),
  evaluatorCount: z.number().int(),
  comment: LocalizedText.nullable(),
});
export type RoundResultEntry = z.infer<typeof RoundResultEntry>;

/** What the public reads once a round is published; never an evaluator's name. */
export const RoundResultsResponse = z.object({
  round: ResultRoundRef,
  publishedAt: z.string(),
  scale: GradeScaleInput,
  bands: BandsInput,
  weightSet: ResultWeightSet,
  items: z.array(ResultItem),
  /** Rank order; unscored clusters last. */
  clusters: z.array(RoundResultEntry),
});
export type RoundResultsResponse = z.infer<typeof RoundResultsResponse>;

export const ClusterEvaluationsResponse = z.object({
  cluster: ResultClusterRef,
  /** Published rounds evaluating the cluster, newest fiscal year first. */
  items: z.array(
    z.object({
      round: ResultRoundRef,
      /** How many clusters the round ranked (a rank reads "3 of 12"). */
      clusterCount: z.number().int(),
      totalScore: z.number().nullable(),
      score100: z.number().nullable(),
      rank: z.number().int().nullable(),
      band: z.string().nullable(),
      evaluatorCount: z.number().int(),
      comment: LocalizedText.nullable(),
      weightSet: z.object({ id: z.number().int(), version: z.number().int() }),
    }),
  ),
});
export type ClusterEvaluationsResponse = z.infer<typeof ClusterEvaluationsResponse>;

// ---------------------------------------------------------------------------------------------
// Writes

export const ResultClusterParams = z.strictObject({
  key: z.string().min(1).max(120),
  clusterKey: z.string().min(1).max(80),
});

/** The consolidated comment in both languages; both blank clears it. */
export const ResultCommentBody = z.strictObject({
  comment: z.strictObject({
    ja: z.string().trim().max(4000).default(''),
    en: z.string().trim().max(4000).default(''),
  }),
  /** The version read; required once the comment exists, absent for the first one. */
  version: Version.optional(),
});
export type ResultCommentBody = z.input<typeof ResultCommentBody>;

export const ResultCommentResponse = z.object({
  cluster: ResultClusterRef,
  comment: LocalizedText.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ResultCommentResponse = z.infer<typeof ResultCommentResponse>;

/**
 * Publishing at the round's version: every non-conflicted assignment must be submitted, unless the
 * officer publishes anyway with `allowIncomplete: true` and a reason.
 */
export const PublishRoundBody = z
  .strictObject({
    version: Version,
    allowIncomplete: z.boolean().default(false),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.allowIncomplete && body.reason === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'say why the round is published before every grading is submitted',
      });
  });
export type PublishRoundBody = z.input<typeof PublishRoundBody>;
