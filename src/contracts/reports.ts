/** Yearly outcome reports: values, itemised evidence, the workflow and deadlines. */
import { z } from 'zod';
import { INDICATOR_KEYS } from '../domain/indicators';
import {
  ITEM_KINDS,
  PAPER_SCOPES,
  PATENT_OWNER_KINDS,
  PATENT_STATUSES,
  PRESS_MEDIA,
} from '../domain/outcome-items';
import { FiscalYearQuery, FiscalYearValue, LocalizedText, PageQuery, pageOf, Version } from './common';
import { exportQueryFields } from './exports';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const IndicatorKeySchema = z.enum(INDICATOR_KEYS);

const IsoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** An item as written by headquarters. Which fields a kind needs is checked by the service (`REQUIRED_FIELDS`). */
export const OutcomeItemInput = z.strictObject({
  kind: z.enum(ITEM_KINDS),
  title: text(500),
  authors: optionalText(2000),
  venue: optionalText(500),
  pubYear: z.number().int().min(1950).max(2100).nullish(),
  doi: optionalText(200),
  scope: z.enum(PAPER_SCOPES).nullish(),
  applicationNumber: optionalText(100),
  filingDate: IsoDate.nullish(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter country code such as JP or US')
    .transform((c) => c.toUpperCase())
    .nullish(),
  patentStatus: z.enum(PATENT_STATUSES).nullish(),
  grantedDate: IsoDate.nullish(),
  ownerKind: z.enum(PATENT_OWNER_KINDS).nullish(),
  ownerName: optionalText(300),
  recipient: optionalText(300),
  company: optionalText(300),
  launchDate: IsoDate.nullish(),
  media: z.enum(PRESS_MEDIA).nullish(),
  outlet: optionalText(300),
  itemDate: IsoDate.nullish(),
  programmeName: optionalText(300),
  funder: optionalText(300),
  amountYen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish(),
  periodFromFy: FiscalYearValue.nullish(),
  periodToFy: FiscalYearValue.nullish(),
  note: optionalText(2000),
});
export type OutcomeItemInput = z.infer<typeof OutcomeItemInput>;

export const OutcomeItem = OutcomeItemInput.extend({
  // Responses are encoded through the schema, and a transform (upper-casing) cannot run backwards.
  country: z.string().nullish(),
  id: z.number().int(),
  reportId: z.number().int(),
  fiscalYear: z.number().int(),
  version: z.number().int(),
}).strip();
export type OutcomeItem = z.infer<typeof OutcomeItem>;

export const ReportIssue = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  field: z.string(),
  message: LocalizedText,
});
export type ReportIssue = z.infer<typeof ReportIssue>;

export const ReportEvent = z.object({
  action: z.enum(['created', 'submitted', 'returned', 'accepted', 'corrected']),
  comment: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});

/** One indicator's line in a report: the value, whether items decide it, and the note behind an aggregate. */
export const ReportValue = z.object({
  indicator: IndicatorKeySchema,
  value: z.number().nullable(),
  itemBacked: z.boolean(),
  note: z.string().nullable(),
});

export const OutcomeReport = z.object({
  id: z.number().int(),
  cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }),
  fyFrom: z.number().int(),
  fyTo: z.number().int(),
  status: ReportStatus,
  reportVersion: z.number().int(),
  supersedesId: z.number().int().nullable(),
  /** The accepted version that replaced this one (an open correction does not count until accepted). */
  supersededById: z.number().int().nullable(),
  reason: z.string().nullable(),
  researcherCount: z.number().int().nullable(),
  source: z.string(),
  returnComment: z.string().nullable(),
  /** A correction of this report still being prepared or reviewed (only for those who see drafts). */
  openCorrectionId: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  values: z.array(ReportValue),
  items: z.array(OutcomeItem),
  issues: z.array(ReportIssue),
  events: z.array(ReportEvent),
  /** Whether the caller may edit it now (a draft or returned report of their cluster). */
  editable: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutcomeReport = z.infer<typeof OutcomeReport>;

export const ReportSummary = OutcomeReport.pick({
  id: true,
  cluster: true,
  fyFrom: true,
  fyTo: true,
  status: true,
  reportVersion: true,
  supersedesId: true,
  supersededById: true,
  reason: true,
  submittedAt: true,
  acceptedAt: true,
  version: true,
  updatedAt: true,
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportListQuery = PageQuery.extend({
  cluster: z.string().max(64).optional(),
  fy: FiscalYearQuery.optional(),
  status: ReportStatus.optional(),
}).strict();
export const ReportListResponse = pageOf(ReportSummary);
/** Every version of one cluster's report for one period, oldest first (drafts only for those who see drafts). */
export const ReportVersionsResponse = z.array(ReportSummary);

/** Start the yearly report of a cluster (one single-year report per cluster and fiscal year). */
export const CreateReportBody = z.strictObject({
  cluster: z.string().min(1).max(64),
  fiscalYear: FiscalYearValue,
});

/** Values and notes for indicators without items; the researcher count for per-researcher analytics. */
export const UpdateReportBody = z.strictObject({
  version: Version,
  researcherCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  values: z
    .array(
      z.strictObject({
        indicator: IndicatorKeySchema,
        value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
        note: z.string().trim().max(2000).nullable().optional(),
      }),
    )
    .max(INDICATOR_KEYS.length)
    .optional(),
});

export const ItemBody = OutcomeItemInput;
export const UpdateItemBody = OutcomeItemInput.extend({ version: Version });
/** DELETE …/items/:itemId?version=N: the item's version the client read. */
export const DeleteItemQuery = z.strictObject({
  version: z.coerce.number().int().positive().max(2_147_483_647),
});

export const ReportIdParam = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const ReportItemParam = ReportIdParam.extend({
  itemId: z.coerce.number().int().positive().max(2_147_483_647),
}).strict();

export const SubmitReportBody = z.strictObject({ version: Version });
export const ReturnReportBody = z.strictObject({ version: Version, comment: text(4000) });
export const AcceptReportBody = z.strictObject({ version: Version, comment: optionalText(4000) });
/** A correction of an accepted report opens a new draft version that copies it. */
export const CorrectReportBody = z.strictObject({ version: Version, reason: text(2000) });

/** Who has and has not reported for a fiscal year, with the deadline. */
export const ReportingStatusResponse = z.object({
  fiscalYear: z.number().int(),
  dueOn: z.string().nullable(),
  clusters: z.array(
    z.object({
      cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }),
      reportId: z.number().int().nullable(),
      status: z.union([ReportStatus, z.literal('missing')]),
      submittedAt: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});
/** format=json (default) answers the status; csv and xlsx download it as a table. */
export const ReportingStatusQuery = z.strictObject({ fy: FiscalYearQuery, ...exportQueryFields('json') });
export type ReportingStatusQuery = z.infer<typeof ReportingStatusQuery>;

export const Deadline = z.object({
  id: z.number().int(),
  fiscalYear: z.number().int(),
  dueOn: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const DeadlineListResponse = z.object({ items: z.array(Deadline) });
export const PutDeadlineBody = z.strictObject({
  dueOn: IsoDate,
  note: optionalText(1000),
  version: Version.optional(),
});
export const DeadlineParam = z.strictObject({ fy: FiscalYearQuery });

/** The home page of a headquarters account: its clusters' reports due, with deadlines. */
export const MyReportingResponse = z.object({
  items: z.array(
    z.object({
      cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }),
      fiscalYear: z.number().int(),
      dueOn: z.string().nullable(),
      reportId: z.number().int().nullable(),
      status: z.union([ReportStatus, z.literal('missing')]),
      overdue: z.boolean(),
      returnComment: z.string().nullable(),
    }),
  ),
});
