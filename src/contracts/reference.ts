/** The programme and its vocabulary: the data every page needs to label things. */
import { z } from 'zod';
import { LocalizedText } from './common';

export const IndicatorResponse = z.object({
  key: z.string(),
  group: z.string(),
  label: LocalizedText,
  groupLabel: LocalizedText,
  unit: z.enum(['count', 'yen']),
  order: z.number().int(),
});
export type IndicatorResponse = z.infer<typeof IndicatorResponse>;

export const KeyFieldResponse = z.object({
  key: z.string(),
  name: LocalizedText,
  isBasicPlanPriority: z.boolean(),
});
export type KeyFieldResponse = z.infer<typeof KeyFieldResponse>;

export const PrefectureResponse = z.object({ code: z.string(), name: LocalizedText, region: z.string() });
export type PrefectureResponse = z.infer<typeof PrefectureResponse>;

export const ProgrammeResponse = z.object({
  key: z.string(),
  name: LocalizedText,
  ministry: LocalizedText,
  yenPerUsd: z.number(),
  annualBudgetPerClusterYen: z.number().int(),
  durationYears: z.number().int(),
  candidateRegions: z.number().int().nullable(),
  participants: z.object({
    organizations: z.number().int().nullable(),
    researchers: z.number().int().nullable(),
  }),
  source: z.string(),
  clusterCount: z.number().int(),
  clustersByStartFy: z.array(z.object({ fy: z.number().int(), count: z.number().int() })),
  clustersByKeyField: z.array(z.object({ keyField: z.string(), count: z.number().int() })),
});
export type ProgrammeResponse = z.infer<typeof ProgrammeResponse>;

const Coded = z.object({ key: z.string(), label: LocalizedText });

export const ReferenceResponse = z.object({
  keyFields: z.array(KeyFieldResponse),
  prefectures: z.array(PrefectureResponse),
  regions: z.array(Coded),
  indicators: z.array(IndicatorResponse),
  organizationKinds: z.array(z.string()),
  memberRoles: z.array(z.string()),
  staffRoles: z.array(z.string()),
  clusterStatuses: z.array(z.string()),
  roles: z.array(z.string()),
});
export type ReferenceResponse = z.infer<typeof ReferenceResponse>;

export const HealthResponse = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
