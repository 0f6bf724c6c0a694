/**
 * Query and params of an evaluation round's result report (XLSX and PDF, Japanese or English):
 * the same contract as the selection report (selection-reports.ts).
 */
import { z } from 'zod';

export const ROUND_REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export const RoundReportFormat = z.enum(ROUND_REPORT_FORMATS);
export type RoundReportFormat = z.infer<typeof RoundReportFormat>;

export const RoundReportQuery = z.strictObject({
  format: RoundReportFormat.default('pdf'),
  lang: z.enum(['ja', 'en']).default('ja'),
});
export type RoundReportQuery = z.infer<typeof RoundReportQuery>;

export const RoundReportParams = z.strictObject({ key: z.string().min(1).max(120) });
export type RoundReportParams = z.infer<typeof RoundReportParams>;
