import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../domain/permissions';
import { Locale } from './common';

export const Role = z.enum(ROLES);
export const ScopeType = z.enum(SCOPE_TYPES);

export const GrantResponse = z.object({
  id: z.number().int(),
  role: Role,
  scopeType: ScopeType,
  scopeId: z.number().int().nullable(),
  /** What the scope names, e.g. the cluster's key, for display. */
  scopeLabel: z.string().nullable(),
});
export type GrantResponse = z.infer<typeof GrantResponse>;

export const SelfResponse = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  grants: z.array(GrantResponse),
  permissions: z.array(z.string()),
});
export type SelfResponse = z.infer<typeof SelfResponse>;

export const SessionResponse = z.object({ account: SelfResponse.nullable(), csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const SignInBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const UpdateSelfBody = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  locale: Locale.optional(),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12, 'at least 12 characters').max(1024),
});
