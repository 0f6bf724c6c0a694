import { z } from 'zod';
import { FiscalYearQuery, LocalizedText } from './common';
import { ClusterKey } from './clusters';

export const OutcomeTableQuery = z
  .strictObject({
    from: FiscalYearQuery.default(2002),
    to: FiscalYearQuery.default(2004),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    /** CSV only: UTF-8 with a BOM, or Shift_JIS (CP932) for older Excel. */
    encoding: z.enum(['utf-8', 'shift_jis']).default('utf-8'),
    /** Header language of CSV and XLSX; CSV without it keeps keys with both languages' labels. */
    lang: z.enum(['ja', 'en']).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type OutcomeTableQuery = z.infer<typeof OutcomeTableQuery>;

export const OutcomeTableResponse = z.object({
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  indicators: z.array(
    z.object({
      key: z.string(),
      label: LocalizedText,
      groupLabel: LocalizedText,
      group: z.string(),
      unit: z.string(),
    }),
  ),
  rows: z.array(
    z.object({
      cluster: z.object({ key: ClusterKey, name: LocalizedText, startFy: z.number().int() }),
      values: z.record(z.string(), z.number()),
      /** The reports counted, each naming its source by index into `sources`. */
      reports: z.array(
        z.object({ fyFrom: z.number().int(), fyTo: z.number().int(), sourceIndex: z.number().int() }),
      ),
    }),
  ),
  total: z.object({ values: z.record(z.string(), z.number()) }),
  sources: z.array(z.string()),
});
export type OutcomeTableResponse = z.infer<typeof OutcomeTableResponse>;

export const ClusterOutcomesResponse = z.object({
  cluster: z.object({ key: z.string(), name: LocalizedText }),
  reports: z.array(
    z.object({
      id: z.number().int(),
      fyFrom: z.number().int(),
      fyTo: z.number().int(),
      status: z.string(),
      reportVersion: z.number().int(),
      source: z.string(),
      values: z.record(z.string(), z.number()),
    }),
  ),
});
export type ClusterOutcomesResponse = z.infer<typeof ClusterOutcomesResponse>;
