/** Analytics: one indicator compared across clusters, key fields or start cohorts, raw or normalised, and on a map. */
import { z } from 'zod';
import { ANALYTICS_GROUPINGS, NORMALISATIONS } from '../domain/analytics';
import { INDICATOR_KEYS } from '../domain/indicators';
import { FiscalYearQuery, LocalizedText } from './common';

/** The longest range one request may span: a programme's life is five years, a deployment's a few decades. */
export const MAX_ANALYTICS_YEARS = 30;

const rangeQuery = {
  indicator: z.enum(INDICATOR_KEYS).default('papers_domestic'),
  from: FiscalYearQuery.default(2002),
  to: FiscalYearQuery.default(2004),
  normalise: z.enum(NORMALISATIONS).default('raw'),
};

type Range = { from: number; to: number };
const fromNotAfterTo: [(q: Range) => boolean, { message: string; path: string[] }] = [
  (q) => q.from <= q.to,
  { message: 'from must not be after to', path: ['from'] },
];
const rangeNotTooLong: [(q: Range) => boolean, { message: string; path: string[] }] = [
  (q) => q.to - q.from < MAX_ANALYTICS_YEARS,
  { message: `the range may span at most ${MAX_ANALYTICS_YEARS} fiscal years`, path: ['to'] },
];

export const AnalyticsIndicatorQuery = z
  .strictObject({
    ...rangeQuery,
    groupBy: z.enum(ANALYTICS_GROUPINGS).default('cluster'),
    /** csv and xlsx download the ranked table; json answers the analytics below. */
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    encoding: z.enum(['utf-8', 'shift_jis']).default('utf-8'),
    lang: z.enum(['ja', 'en']).default('ja'),
  })
  .refine(...fromNotAfterTo)
  .refine(...rangeNotTooLong);
export type AnalyticsIndicatorQuery = z.infer<typeof AnalyticsIndicatorQuery>;

export const AnalyticsMapQuery = z
  .strictObject(rangeQuery)
  .refine(...fromNotAfterTo)
  .refine(...rangeNotTooLong);
export type AnalyticsMapQuery = z.infer<typeof AnalyticsMapQuery>;

export const AnalyticsFigure = z.object({
  value: z.number().describe('raw sum of the indicator (sales in yen)'),
  normalised: z
    .number()
    .nullable()
    .describe(
      'the value in the requested normalisation (= value for raw); null when the denominator is unknown',
    ),
  denominator: z
    .number()
    .nullable()
    .describe('MEXT subsidy in yen (per100m) or researchers (perResearcher) behind `normalised`'),
  clusters: z.number().int().describe('clusters that reported a figure'),
  clustersWithDenominator: z.number().int().describe('of those, clusters with a subsidy or researcher count'),
});
export type AnalyticsFigure = z.infer<typeof AnalyticsFigure>;

export const AnalyticsPeriod = z.object({
  fyFrom: z.number().int(),
  fyTo: z.number().int(),
  isMultiYear: z
    .boolean()
    .describe('a multi-year report kept whole, never split into invented yearly figures'),
});
export type AnalyticsPeriod = z.infer<typeof AnalyticsPeriod>;

export const AnalyticsPoint = AnalyticsPeriod.extend(AnalyticsFigure.shape);
export type AnalyticsPoint = z.infer<typeof AnalyticsPoint>;

export const AnalyticsNote = z.object({
  code: z.enum(['MULTI_YEAR_PERIODS', 'NO_SUBSIDY_RECORDED', 'NO_RESEARCHER_COUNTS', 'PARTIAL_DENOMINATOR']),
  message: LocalizedText,
});
export type AnalyticsNote = z.infer<typeof AnalyticsNote>;

const IndicatorInfo = z.object({ key: z.string(), label: LocalizedText, unit: z.string() });

export const AnalyticsIndicatorResponse = z.object({
  indicator: IndicatorInfo,
  from: z.number().int(),
  to: z.number().int(),
  normalise: z.enum(NORMALISATIONS),
  groupBy: z.enum(ANALYTICS_GROUPINGS),
  periods: z.array(AnalyticsPeriod),
  groups: z.array(
    z.object({
      key: z.string().describe('cluster key, key field key, or start fiscal year'),
      label: LocalizedText,
      clusterKeys: z.array(z.string()),
      points: z.array(AnalyticsPoint),
      total: AnalyticsFigure.nullable(),
      rank: z.number().int().nullable().describe('1 = highest; equal figures share a rank (1, 2, 2, 4)'),
    }),
  ),
  overall: z.object({ points: z.array(AnalyticsPoint), total: AnalyticsFigure.nullable() }),
  notes: z.array(AnalyticsNote),
  links: z.object({
    targetsSummary: z.string().describe('targets against actuals for the programme'),
    clusterTargets: z.string().describe('URI template of one cluster’s targets'),
  }),
});
export type AnalyticsIndicatorResponse = z.infer<typeof AnalyticsIndicatorResponse>;

export const AnalyticsMapResponse = z.object({
  indicator: IndicatorInfo,
  from: z.number().int(),
  to: z.number().int(),
  normalise: z.enum(NORMALISATIONS),
  clusters: z.array(
    z.object({
      key: z.string(),
      name: LocalizedText,
      keyField: z.string(),
      prefectureCodes: z.array(z.string()),
      figure: AnalyticsFigure.nullable(),
    }),
  ),
  prefectures: z.array(
    z.object({
      code: z.string(),
      name: LocalizedText,
      clusterKeys: z.array(z.string()),
      figure: AnalyticsFigure.nullable().describe(
        'the clusters placed on this prefecture together; a cluster spanning several counts in each',
      ),
    }),
  ),
  notes: z.array(AnalyticsNote),
});
export type AnalyticsMapResponse = z.infer<typeof AnalyticsMapResponse>;
