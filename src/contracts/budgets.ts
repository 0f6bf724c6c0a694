/** The budget ledger: money per cluster (or the programme) and fiscal year, by kind, with its source. */
import { z } from 'zod';
import { BUDGET_KINDS } from '../domain/budget';
import { FiscalYearQuery, FiscalYearValue, Id, LocalizedText, PageQuery, pageOf, Version } from './common';
import { exportQueryFields } from './exports';

export const BudgetKindSchema = z.enum(BUDGET_KINDS);
const AmountYen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Source = z.string().trim().min(1).max(500);
const Note = z.string().trim().max(2000).nullable();

export const BudgetLine = z.object({
  id: Id,
  /** null for a programme-level line (the programme's own budget for the year). */
  cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }).nullable(),
  fiscalYear: z.number().int(),
  kind: BudgetKindSchema,
  amountYen: z.number().int(),
  source: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

/** The ledger's filters, shared by the page (GET /budgets) and the download (GET /budgets/export). */
const BudgetFilterFields = {
  /** A cluster key. */
  cluster: z.string().max(40).optional(),
  /** Only programme-level or only cluster lines. */
  level: z.enum(['programme', 'cluster']).optional(),
  fy: FiscalYearQuery.optional(),
  from: FiscalYearQuery.optional(),
  to: FiscalYearQuery.optional(),
  kind: BudgetKindSchema.optional(),
};
type Range = { from?: number | undefined; to?: number | undefined };
const fromNotAfterTo: [(q: Range) => boolean, { message: string; path: string[] }] = [
  (q) => q.from === undefined || q.to === undefined || q.from <= q.to,
  { message: 'from must not be after to', path: ['from'] },
];

export const BudgetListQuery = PageQuery.extend(BudgetFilterFields)
  .strict()
  .refine(...fromNotAfterTo);
export type BudgetListQuery = z.infer<typeof BudgetListQuery>;

/** Every line the filters match, as one file (csv by default). */
export const BudgetExportQuery = z
  .strictObject({ ...BudgetFilterFields, ...exportQueryFields('csv') })
  .refine(...fromNotAfterTo);
export type BudgetExportQuery = z.infer<typeof BudgetExportQuery>;

/** The most lines one ledger download holds; more answers 422 asking for a narrower filter. */
export const MAX_BUDGET_EXPORT_LINES = 200_000;
export const BudgetPage = pageOf(BudgetLine).extend({ totalYen: z.number().int() });
export type BudgetPage = z.infer<typeof BudgetPage>;

/** A new line: `cluster` is a cluster key, or null for the programme's own budget. */
export const CreateBudgetLineBody = z.strictObject({
  cluster: z.string().min(1).max(40).nullable(),
  fiscalYear: FiscalYearValue,
  kind: BudgetKindSchema,
  amountYen: AmountYen,
  source: Source,
  note: Note.optional(),
});
export type CreateBudgetLineBody = z.infer<typeof CreateBudgetLineBody>;

export const UpdateBudgetLineBody = z.strictObject({
  version: Version,
  cluster: z.string().min(1).max(40).nullable().optional(),
  fiscalYear: FiscalYearValue.optional(),
  kind: BudgetKindSchema.optional(),
  amountYen: AmountYen.optional(),
  source: Source.optional(),
  note: Note.optional(),
});
export type UpdateBudgetLineBody = z.infer<typeof UpdateBudgetLineBody>;

export const BudgetLineParam = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const DeleteBudgetLineQuery = z.strictObject({
  version: z.coerce.number().int().positive().max(2_147_483_647),
});

/** format=json (default) answers the summary; csv and xlsx download the per-cluster table. */
export const BudgetSummaryQuery = z
  .strictObject({
    from: FiscalYearQuery.optional(),
    to: FiscalYearQuery.optional(),
    ...exportQueryFields('json'),
  })
  .refine(...fromNotAfterTo);
export type BudgetSummaryQuery = z.infer<typeof BudgetSummaryQuery>;

const ByKind = z.record(BudgetKindSchema, z.number().int());

/**
 * Totals over the visible ledger. `fiscalYears` adds up the cluster lines only: the programme-level
 * budget of a year already contains the clusters' subsidies, so adding both would count them twice.
 */
export const BudgetSummaryResponse = z.object({
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  fiscalYears: z.array(z.object({ fiscalYear: z.number().int(), byKind: ByKind, total: z.number().int() })),
  programme: z.array(z.object({ fiscalYear: z.number().int(), byKind: ByKind, total: z.number().int() })),
  clusters: z.array(
    z.object({
      cluster: z.object({ key: z.string(), name: LocalizedText }),
      fiscalYears: z.array(z.object({ fiscalYear: z.number().int(), total: z.number().int() })),
      byKind: ByKind,
      total: z.number().int(),
    }),
  ),
  /** The programme's stated plan (seed deck): about this much per cluster per year, for this many years. */
  reference: z.object({
    annualBudgetPerClusterYen: z.number().int(),
    durationYears: z.number().int(),
    yenPerUsd: z.number(),
    source: z.string(),
  }),
});
export type BudgetSummaryResponse = z.infer<typeof BudgetSummaryResponse>;
