/** Numerical targets of a cluster's 5-year plan, with the actuals of accepted reports and progress. */
import { z } from 'zod';
import { INDICATOR_KEYS } from '../domain/indicators';
import { FiscalYearQuery, FiscalYearValue, Id, LocalizedText, Version } from './common';
import { exportQueryFields } from './exports';

const IndicatorKey = z.enum(INDICATOR_KEYS);
/** Counts and yen amounts are non-negative integers (sales in yen). */
const Amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * One target as headquarters write it. `version` is the version the client read when the target
 * already exists (409 when stale or missing); leave it out for a new target.
 */
export const TargetInput = z.strictObject({
  indicator: IndicatorKey,
  fiscalYear: FiscalYearValue,
  baseline: Amount.nullable().default(null),
  target: Amount,
  note: z.string().trim().max(1000).nullable().optional(),
  version: Version.optional(),
});
export type TargetInput = z.infer<typeof TargetInput>;

/** PUT replaces or adds the listed targets; targets not listed stay as they are. */
export const PutTargetsBody = z.strictObject({
  targets: z
    .array(TargetInput)
    .min(1)
    .max(INDICATOR_KEYS.length * 20),
});
export type PutTargetsBody = z.infer<typeof PutTargetsBody>;

export const TargetParams = z.strictObject({
  key: z.string().max(40),
  id: z.coerce.number().int().positive().max(2_147_483_647),
});
export const DeleteTargetQuery = z.strictObject({
  version: z.coerce.number().int().positive().max(2_147_483_647),
});

export const Target = z.object({
  id: Id,
  indicator: IndicatorKey,
  fiscalYear: z.number().int(),
  baseline: z.number().nullable(),
  target: z.number(),
  note: z.string().nullable(),
  /** The value of the current accepted single-year report of that fiscal year; null when there is none. */
  actual: z.number().nullable(),
  actualReportId: z.number().int().nullable(),
  /** (actual − baseline) / (target − baseline); 1 or more is on track; null without an actual. */
  progress: z.number().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof Target>;

export const ClusterTargetsResponse = z.object({
  cluster: z.object({
    id: z.number().int(),
    key: z.string(),
    name: LocalizedText,
    startFy: z.number().int(),
    endFy: z.number().int(),
  }),
  /** Whether the caller may set targets of this cluster at all. */
  canEdit: z.boolean(),
  /** The first fiscal year the caller may set (headquarters: this year onward); null when they may not edit. */
  editableFromFy: z.number().int().nullable(),
  targets: z.array(Target),
  /** Every accepted single-year report of the cluster's period, for charts of years without a target. */
  actuals: z.array(
    z.object({
      fiscalYear: z.number().int(),
      reportId: z.number().int(),
      values: z.record(z.string(), z.number()),
    }),
  ),
});
export type ClusterTargetsResponse = z.infer<typeof ClusterTargetsResponse>;

/** format=json (default) answers the targets; csv and xlsx download them as a table. */
export const ClusterTargetsQuery = z.strictObject(exportQueryFields('json'));
export type ClusterTargetsQuery = z.infer<typeof ClusterTargetsQuery>;

export const TargetSummaryQuery = z.strictObject({ fy: FiscalYearQuery.optional() });

/** The programme view: per indicator, targets against actuals; per cluster, how many are on track. */
export const TargetSummaryResponse = z.object({
  fiscalYear: z.number().int(),
  /** Fiscal years that have any target, ascending (to choose another year). */
  fiscalYears: z.array(z.number().int()),
  indicators: z.array(
    z.object({
      indicator: IndicatorKey,
      label: LocalizedText,
      unit: z.string(),
      /** Clusters with a target for this indicator and year. */
      clusters: z.number().int(),
      /** Of those, how many have an accepted report for the year. */
      reported: z.number().int(),
      targetTotal: z.number(),
      /** Sum of the actuals of the clusters that set a target (like against like). */
      actualTotal: z.number(),
    }),
  ),
  clusters: z.array(
    z.object({
      cluster: z.object({ key: z.string(), name: LocalizedText }),
      targets: z.number().int(),
      withActual: z.number().int(),
      onTrack: z.number().int(),
    }),
  ),
});
export type TargetSummaryResponse = z.infer<typeof TargetSummaryResponse>;
