/**
 * Next fiscal year's subsidy from a round's scores (issue 5, "Next year's subsidy"): bands of the
 * total score map to adjustments (+10 %, 0, −10 %), optionally rescaled so the programme total
 * stays fixed, held within a floor and a ceiling per cluster and rounded to a unit so the figures
 * add up exactly. The preview is a what-if; committing writes the budget ledger of the round's
 * allocation fiscal year. Money is integer yen.
 */
import { z } from 'zod';
import { FiscalYearValue, LocalizedText } from './common';
import { ResultClusterRef } from './evaluation-results';
import { RoundStatus } from './evaluation-rounds';

export const DEFAULT_ALLOCATION_UNIT_YEN = 1_000_000;

/**
 * A band of the rule: a total score (the round's points scale, e.g. 3.5) at and above which the
 * adjustment applies, best first; the last band's minimum may be a big negative number to catch
 * every score. `adjustment` is a fraction: 0.1 = +10 %, −0.1 = −10 %.
 */
export const AllocationBandInput = z.strictObject({
  /** A label for the band; default "#1", "#2", … in the order given. */
  band: z.string().trim().min(1).max(40).optional(),
  minScore: z.number().finite(),
  adjustment: z.number().finite(),
});

const ruleFields = {
  bands: z.array(AllocationBandInput).min(1).max(10),
  /** The programme total to keep (whole units); null or absent: no fixed total. */
  fixedTotalYen: z.number().int().nullable().optional(),
  /** Lowest allocation per cluster (whole units); default 0. */
  floorYen: z.number().int().nullable().optional(),
  /** Highest allocation per cluster (whole units); default none. */
  ceilingYen: z.number().int().nullable().optional(),
  unitYen: z.number().int().default(DEFAULT_ALLOCATION_UNIT_YEN),
  /** The fiscal year whose MEXT subsidy is "current"; default the round's fiscal year. */
  baseFiscalYear: FiscalYearValue.optional(),
};

export const AllocationPreviewBody = z.strictObject(ruleFields);
export type AllocationPreviewBody = z.input<typeof AllocationPreviewBody>;

/** The same rule; a second commit for the round's allocation year needs `replace: true` and a reason. */
export const AllocationCommitBody = z
  .strictObject({
    ...ruleFields,
    replace: z.boolean().default(false),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.replace && body.reason === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'say why the committed allocation is replaced',
      });
  });
export type AllocationCommitBody = z.input<typeof AllocationCommitBody>;

export const AllocationRule = z.object({
  bands: z.array(z.object({ band: z.string(), minScore: z.number(), adjustment: z.number() })),
  fixedTotalYen: z.number().int().nullable(),
  floorYen: z.number().int().nullable(),
  ceilingYen: z.number().int().nullable(),
  unitYen: z.number().int(),
  baseFiscalYear: z.number().int(),
});
export type AllocationRule = z.infer<typeof AllocationRule>;

export const AllocationLine = z.object({
  cluster: ResultClusterRef,
  totalScore: z.number().nullable(),
  score100: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** The round's published band (S/A/B/C). */
  band: z.string().nullable(),
  /** The allocation rule's band the score fell in, and its adjustment. */
  allocationBand: z.string(),
  adjustment: z.number(),
  /** The cluster's MEXT subsidy in the base fiscal year (sum of its ledger lines). */
  currentYen: z.number().int(),
  /** current × (1 + adjustment), before rescaling, clamping and rounding. */
  proposedYen: z.number().int(),
  finalYen: z.number().int(),
  changeYen: z.number().int(),
  /** null when the current subsidy is 0. */
  changePercent: z.number().nullable(),
  floorYen: z.number().int(),
  ceilingYen: z.number().int().nullable(),
  /** Whether the cluster's share was held at the floor or the ceiling. */
  clamped: z.enum(['floor', 'ceiling']).nullable(),
});
export type AllocationLine = z.infer<typeof AllocationLine>;

export const AllocationPreviewResponse = z.object({
  round: z.object({
    key: z.string(),
    title: LocalizedText,
    status: RoundStatus,
    fiscalYear: z.number().int(),
    allocationFiscalYear: z.number().int(),
  }),
  /** The fiscal year the allocation is for (the round's allocation fiscal year). */
  fiscalYear: z.number().int(),
  /** published: the round_results snapshot; live: computed from the grades in the scoring phase. */
  scoreSource: z.enum(['published', 'live']),
  rule: AllocationRule,
  /** Rank order. */
  lines: z.array(AllocationLine),
  currentTotalYen: z.number().int(),
  proposedTotalYen: z.number().int(),
  /** Σ final: the fixed total exactly when one is given. */
  totalYen: z.number().int(),
  fixedTotal: z.boolean(),
  /** The one rescaling factor applied to every proposal (1 without a fixed total). */
  scale: z.number(),
});
export type AllocationPreviewResponse = z.infer<typeof AllocationPreviewResponse>;

export const AllocationPlanResponse = AllocationPreviewResponse.extend({
  id: z.number().int(),
  status: z.enum(['committed', 'superseded']),
  committedAt: z.string(),
  /** Why an earlier committed plan was replaced; null for the first commit. */
  replaceReason: z.string().nullable(),
  /** The ledger lines' source (their identity with the cluster, fiscal year and kind). */
  ledgerSource: z.string(),
  /** The ledger line written for each cluster, in the order of `lines`. */
  ledgerLines: z.array(
    z.object({
      clusterKey: z.string(),
      id: z.number().int().nullable(),
      amountYen: z.number().int().nullable(),
    }),
  ),
  /** Lines of clusters the reader may not see (unpublished) are left out; totals cover what is shown. */
  hiddenClusterCount: z.number().int(),
  /** Earlier committed plans this one replaced, newest first. */
  history: z.array(
    z.object({
      id: z.number().int(),
      committedAt: z.string().nullable(),
      supersededAt: z.string(),
      totalYen: z.number().int(),
    }),
  ),
});
export type AllocationPlanResponse = z.infer<typeof AllocationPlanResponse>;
