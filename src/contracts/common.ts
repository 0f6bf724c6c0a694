/** Shapes shared by every feature's contract. */
import { z } from 'zod';

export const LOCALES = ['ja', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A name a person reads, in both languages (the UI falls back to the other when one is empty). */
export const LocalizedText = z.object({ ja: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Input form of a localized name: at least one language given, each at most `max` characters. */
export function localizedTextInput(max: number) {
  return z
    .strictObject({
      ja: z.string().trim().max(max).default(''),
      en: z.string().trim().max(max).default(''),
    })
    .refine((t) => t.ja !== '' || t.en !== '', { message: 'give the name in Japanese or English' });
}

export const FiscalYearValue = z.number().int().min(1950).max(2100);
export const FiscalYearQuery = z.coerce.number().int().min(1950).max(2100);

/** Ids are 32-bit serials on PostgreSQL: anything larger cannot exist and is a 400, not a 500. */
const MAX_ID = 2_147_483_647;
export const Id = z.number().int().positive().max(MAX_ID);
export const IdQuery = z.coerce.number().int().positive().max(MAX_ID);
export const IdParam = z.strictObject({ id: IdQuery });

/** Offset pagination for every list: `limit` 1–200 (default 50), `offset` from 0. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Optimistic concurrency: every update names the version it was made against. */
/** The version a client read; capped like ids (a 32-bit column on PostgreSQL). */
export const Version = z.number().int().positive().max(MAX_ID);
export const VersionBody = z.strictObject({ version: Version });

export const ProblemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});
export type ProblemResponse = z.infer<typeof ProblemResponse>;

/** Responses every route may give besides its success: declared so OpenAPI shows them. */
export const errorResponses = {
  400: ProblemResponse,
  401: ProblemResponse,
  403: ProblemResponse,
  404: ProblemResponse,
  409: ProblemResponse,
  422: ProblemResponse,
  429: ProblemResponse,
} as const;

export const OkResponse = z.object({ ok: z.literal(true) });
