/** Query and params of the selection report downloads (XLSX and PDF). */
import { z } from 'zod';
import { IdQuery } from './common';

export const SELECTION_REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export const SelectionReportFormat = z.enum(SELECTION_REPORT_FORMATS);
export type SelectionReportFormat = z.infer<typeof SelectionReportFormat>;

export const SelectionReportQuery = z.strictObject({
  format: SelectionReportFormat.default('pdf'),
  lang: z.enum(['ja', 'en']).default('ja'),
});
export type SelectionReportQuery = z.infer<typeof SelectionReportQuery>;

export const SelectionReportCallParams = z.strictObject({ key: z.string().min(1).max(120) });
export const SelectionReportProposalParams = z.strictObject({ id: IdQuery });
