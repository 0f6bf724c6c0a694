/**
 * Funded projects (what each programme funds per fiscal year) and the e-Rad-style duplication
 * check: the same researcher or a near-identical theme funded by two programmes in one fiscal year.
 */
import { z } from 'zod';
import { FUNDING_PROGRAMMES } from '../domain/duplication';
import { FiscalYearQuery, FiscalYearValue, Id, LocalizedText, localizedTextInput } from './common';

export const FundingProgrammeSchema = z.enum(FUNDING_PROGRAMMES);

export const FundedProject = z.object({
  id: z.number().int(),
  programme: FundingProgrammeSchema,
  fiscalYear: z.number().int(),
  theme: LocalizedText,
  principalPersonId: z.number().int().nullable(),
  researcherName: z.string(),
  organization: z.object({ id: z.number().int(), name: LocalizedText }).nullable(),
  cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }).nullable(),
  seedId: z.number().int().nullable(),
  matchId: z.number().int().nullable(),
  amountYen: z.number().int(),
  source: z.string(),
  createdAt: z.string(),
});
export type FundedProject = z.infer<typeof FundedProject>;

export const FundedProjectListQuery = z.strictObject({
  fiscalYear: FiscalYearQuery.optional(),
  programme: FundingProgrammeSchema.optional(),
});
export type FundedProjectListQuery = z.infer<typeof FundedProjectListQuery>;

export const FundedProjectListResponse = z.object({ items: z.array(FundedProject) });
export type FundedProjectListResponse = z.infer<typeof FundedProjectListResponse>;

/** A funded project recorded by an officer; the researcher is a person record, a name, or both. */
export const CreateFundedProjectBody = z
  .strictObject({
    programme: FundingProgrammeSchema,
    fiscalYear: FiscalYearValue,
    theme: localizedTextInput(500),
    principalPersonId: Id.nullable().default(null),
    researcherName: z.string().trim().max(200).default(''),
    organizationId: Id.nullable().default(null),
    /** A cluster key. */
    cluster: z.string().min(1).max(120).nullable().default(null),
    seedId: Id.nullable().default(null),
    matchId: Id.nullable().default(null),
    amountYen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    source: z.string().trim().min(1).max(500),
  })
  .refine((b) => b.principalPersonId !== null || b.researcherName !== '', {
    message: 'name the principal researcher (a person id or a name)',
    path: ['researcherName'],
  });
export type CreateFundedProjectBody = z.input<typeof CreateFundedProjectBody>;

export const DuplicatesQuery = z.strictObject({
  fiscalYear: FiscalYearQuery.optional(),
  /** open (default): flags not yet reviewed; reviewed; all. */
  status: z.enum(['open', 'reviewed', 'all']).default('open'),
});
export type DuplicatesQuery = z.infer<typeof DuplicatesQuery>;

export const DuplicationReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('same_researcher'),
    via: z.enum(['person', 'name']),
    researcherName: z.string(),
  }),
  z.object({
    kind: z.literal('similar_theme'),
    similarity: z.number(),
    sharedTerms: z.array(z.string()),
  }),
]);

export const DuplicationFlagResponse = z.object({
  fiscalYear: z.number().int(),
  a: FundedProject,
  b: FundedProject,
  reasons: z.array(DuplicationReasonSchema),
  review: z
    .object({ note: z.string(), reviewedAt: z.string(), reviewedBy: z.string().nullable() })
    .nullable(),
});
export type DuplicationFlagResponse = z.infer<typeof DuplicationFlagResponse>;

export const DuplicatesResponse = z.object({
  threshold: z.number(),
  items: z.array(DuplicationFlagResponse),
});
export type DuplicatesResponse = z.infer<typeof DuplicatesResponse>;

export const ReviewDuplicateBody = z.strictObject({
  aId: Id,
  bId: Id,
  note: z.string().trim().min(1).max(2000),
});
export type ReviewDuplicateBody = z.infer<typeof ReviewDuplicateBody>;
