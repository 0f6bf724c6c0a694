import { z } from 'zod';
import { Id, IdQuery, LocalizedText, PageQuery, Version, localizedTextInput, pageOf } from './common';
import { OrganizationRef } from './organizations';

export const PersonResponse = z.object({
  id: z.number().int(),
  name: LocalizedText,
  organization: OrganizationRef.nullable(),
  title: LocalizedText,
  /** Shown only to roles that may contact people (officers, coordinators, administrators). */
  email: z.string().nullable(),
  source: z.string(),
  withdrawnAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PersonResponse = z.infer<typeof PersonResponse>;

export const PersonPage = pageOf(PersonResponse);

export const PersonListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  organizationId: IdQuery.optional(),
});

const Title = z.strictObject({
  ja: z.string().trim().max(200).default(''),
  en: z.string().trim().max(200).default(''),
});

export const CreatePersonBody = z.strictObject({
  name: localizedTextInput(100),
  organizationId: Id.nullable().default(null),
  title: Title.default({ ja: '', en: '' }),
  email: z.email().max(254).nullable().default(null),
  source: z.string().trim().min(1).max(500),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const UpdatePersonBody = z.strictObject({
  version: Version,
  name: localizedTextInput(100).optional(),
  organizationId: Id.nullable().optional(),
  title: Title.optional(),
  email: z.email().max(254).nullable().optional(),
  source: z.string().trim().min(1).max(500).optional(),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;
