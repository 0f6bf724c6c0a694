import { z } from 'zod';
import { Id, IdQuery, Locale, LocalizedText, PageQuery, Version, pageOf } from './common';
import { GrantResponse, Role, ScopeType } from './auth';
import { OrganizationRef } from './organizations';

export const AccountStatus = z.enum(['active', 'disabled']);

export const AccountResponse = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  status: AccountStatus,
  grants: z.array(GrantResponse),
  /**
   * The person this account is (name and affiliation): conflicts of interest in selection and
   * evaluation are detected from the person's organization and its prefecture.
   */
  person: z
    .object({ id: z.number().int(), name: LocalizedText, organization: OrganizationRef.nullable() })
    .nullable(),
  lastSignInAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type AccountResponse = z.infer<typeof AccountResponse>;

export const AccountPage = pageOf(AccountResponse);
export const AccountListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
});

export const GrantInput = z.strictObject({
  role: Role,
  scopeType: ScopeType.optional(),
  /** For a headquarters grant: the cluster's key (or give scopeId). */
  clusterKey: z.string().max(40).optional(),
  scopeId: Id.nullable().optional(),
});
export type GrantInput = z.infer<typeof GrantInput>;

export const CreateAccountBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  displayName: z.string().trim().min(1).max(100),
  locale: Locale.default('ja'),
  /** Omit to have the platform generate one, shown once in the response. */
  password: z.string().min(12, 'at least 12 characters').max(1024).optional(),
  grants: z.array(GrantInput).max(50).default([]),
  /** The person record this account belongs to (one account per person). */
  personId: Id.nullable().optional(),
});
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

export const CreatedAccountResponse = z.object({
  account: AccountResponse,
  generatedPassword: z.string().nullable(),
});

export const UpdateAccountBody = z.strictObject({
  version: Version,
  displayName: z.string().trim().min(1).max(100).optional(),
  locale: Locale.optional(),
  status: AccountStatus.optional(),
  /** Links the account to a person record, or unlinks it (null). */
  personId: Id.nullable().optional(),
});

export const GrantParams = z.strictObject({
  id: IdQuery,
  grantId: IdQuery,
});

export const ResetPasswordResponse = z.object({ generatedPassword: z.string() });
