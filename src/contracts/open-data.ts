/**
 * The open data API (in the style of the UK's Gateway to Research): published clusters, organizations,
 * accepted outcomes, outcome items and budgets, paginated, filterable by cluster and fiscal year, as
 * JSON or CSV, with ETags. Nothing here is a draft, an unpublished cluster or a contact detail.
 */
import { z } from 'zod';
import { BUDGET_KINDS } from '../domain/budget';
import { INDICATOR_KEYS } from '../domain/indicators';
import { ORGANIZATION_KINDS } from '../domain/network';
import {
  ITEM_KINDS,
  PAPER_SCOPES,
  PATENT_OWNER_KINDS,
  PATENT_STATUSES,
  PRESS_MEDIA,
} from '../domain/outcome-items';
import { FiscalYearQuery, LocalizedText } from './common';

export const OPEN_DATA_MAX_PAGE_SIZE = 500;
export const OPEN_DATA_DEFAULT_PAGE_SIZE = 100;

const clusterFilter = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a cluster key: lower-case letters, digits and hyphens')
  .optional()
  .describe('cluster key, e.g. kyoto');

/** Paging, format and the filters every open data list shares. */
const base = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe('1-based page number'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(OPEN_DATA_MAX_PAGE_SIZE)
    .default(OPEN_DATA_DEFAULT_PAGE_SIZE)
    .describe(`records per page, at most ${OPEN_DATA_MAX_PAGE_SIZE}`),
  format: z.enum(['json', 'csv']).default('json').describe('csv: UTF-8 with a BOM, header of field names'),
  cluster: clusterFilter,
  fy: FiscalYearQuery.optional().describe('fiscal year (April–March), e.g. 2004'),
};

export const OpenClustersQuery = z.strictObject(base);
export const OpenOrganizationsQuery = z.strictObject({
  ...base,
  kind: z.enum(ORGANIZATION_KINDS).optional(),
});
export const OpenOutcomesQuery = z.strictObject({ ...base, indicator: z.enum(INDICATOR_KEYS).optional() });
export const OpenOutcomeItemsQuery = z.strictObject({ ...base, kind: z.enum(ITEM_KINDS).optional() });
export const OpenBudgetsQuery = z.strictObject({ ...base, kind: z.enum(BUDGET_KINDS).optional() });
export type OpenClustersQuery = z.infer<typeof OpenClustersQuery>;
export type OpenOrganizationsQuery = z.infer<typeof OpenOrganizationsQuery>;
export type OpenOutcomesQuery = z.infer<typeof OpenOutcomesQuery>;
export type OpenOutcomeItemsQuery = z.infer<typeof OpenOutcomeItemsQuery>;
export type OpenBudgetsQuery = z.infer<typeof OpenBudgetsQuery>;
export type OpenDataQuery = z.infer<z.ZodObject<typeof base>>;

export const OpenCluster = z.object({
  key: z.string(),
  name: LocalizedText,
  theme: LocalizedText,
  summary: LocalizedText,
  keyField: z.string(),
  startFy: z.number().int(),
  endFy: z.number().int(),
  status: z.string(),
  prefectureCodes: z.array(z.string()),
  coreOrganizationId: z.number().int().nullable(),
  confidence: z.string().nullable(),
  source: z.string(),
  updatedAt: z.string(),
});
export const OpenOrganization = z.object({
  id: z.number().int(),
  kind: z.string(),
  name: LocalizedText,
  prefectureCode: z.string().nullable(),
  url: z.string().nullable(),
  clusterKeys: z.array(z.string()).describe('published clusters it is or was a member of'),
  withdrawnAt: z.string().nullable(),
  source: z.string(),
  updatedAt: z.string(),
});
export const OpenOutcome = z.object({
  cluster: z.string(),
  fyFrom: z.number().int(),
  fyTo: z.number().int().describe('a multi-year report keeps its whole period'),
  indicator: z.string(),
  unit: z.string(),
  value: z.number().describe('count, or yen for sales'),
  reportId: z.number().int(),
  reportVersion: z.number().int(),
  acceptedAt: z.string().nullable(),
  source: z.string(),
});
export const OpenOutcomeItem = z.object({
  id: z.number().int(),
  cluster: z.string(),
  fiscalYear: z.number().int(),
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  authors: z.string().nullable(),
  venue: z.string().nullable(),
  pubYear: z.number().int().nullable(),
  doi: z.string().nullable(),
  scope: z.enum(PAPER_SCOPES).nullable(),
  applicationNumber: z.string().nullable(),
  filingDate: z.string().nullable(),
  country: z.string().nullable(),
  patentStatus: z.enum(PATENT_STATUSES).nullable(),
  grantedDate: z.string().nullable(),
  ownerKind: z.enum(PATENT_OWNER_KINDS).nullable(),
  ownerName: z.string().nullable(),
  recipient: z.string().nullable(),
  company: z.string().nullable(),
  launchDate: z.string().nullable(),
  media: z.enum(PRESS_MEDIA).nullable(),
  outlet: z.string().nullable(),
  itemDate: z.string().nullable(),
  programmeName: z.string().nullable(),
  funder: z.string().nullable(),
  amountYen: z.number().nullable(),
  periodFromFy: z.number().int().nullable(),
  periodToFy: z.number().int().nullable(),
  reportId: z.number().int(),
});
export const OpenBudgetLine = z.object({
  id: z.number().int(),
  scope: z.enum(['programme', 'cluster']),
  cluster: z.string().nullable(),
  fiscalYear: z.number().int(),
  kind: z.enum(BUDGET_KINDS),
  amountYen: z.number(),
  source: z.string(),
});
export type OpenCluster = z.infer<typeof OpenCluster>;
export type OpenOrganization = z.infer<typeof OpenOrganization>;
export type OpenOutcome = z.infer<typeof OpenOutcome>;
export type OpenOutcomeItem = z.infer<typeof OpenOutcomeItem>;
export type OpenBudgetLine = z.infer<typeof OpenBudgetLine>;

/** One page of records with its place in the whole (as Gateway to Research reports it). */
export function openPageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
    links: z.object({
      self: z.string(),
      first: z.string(),
      last: z.string(),
      next: z.string().nullable(),
      prev: z.string().nullable(),
    }),
  });
}
export interface OpenPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
  links: { self: string; first: string; last: string; next: string | null; prev: string | null };
}
