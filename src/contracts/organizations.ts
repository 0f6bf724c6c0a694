import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../domain/network';
import { LocalizedText, PageQuery, Version, localizedTextInput, pageOf } from './common';

export const OrganizationKind = z.enum(ORGANIZATION_KINDS);
const PrefectureCode = z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'a JIS prefecture code 01–47');

export const OrganizationRef = z.object({ id: z.number().int(), kind: z.string(), name: LocalizedText });
export type OrganizationRef = z.infer<typeof OrganizationRef>;

export const OrganizationResponse = z.object({
  id: z.number().int(),
  kind: OrganizationKind,
  name: LocalizedText,
  prefecture: z.object({ code: z.string(), name: LocalizedText }).nullable(),
  url: z.string().nullable(),
  source: z.string(),
  withdrawnAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type OrganizationResponse = z.infer<typeof OrganizationResponse>;

export const OrganizationPage = pageOf(OrganizationResponse);

export const OrganizationListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: OrganizationKind.optional(),
});

export const CreateOrganizationBody = z.strictObject({
  kind: OrganizationKind,
  name: localizedTextInput(200),
  prefectureCode: PrefectureCode.nullable().default(null),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  source: z.string().trim().min(1).max(500),
});
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = z.strictObject({
  version: Version,
  kind: OrganizationKind.optional(),
  name: localizedTextInput(200).optional(),
  prefectureCode: PrefectureCode.nullable().optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  source: z.string().trim().min(1).max(500).optional(),
});
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;
