import { z } from 'zod';
import { KEY_FIELD_KEYS } from '../domain/key-fields';
import { CLUSTER_STATUSES, MEMBER_ROLES, STAFF_ROLES } from '../domain/network';
import {
  FiscalYearQuery,
  FiscalYearValue,
  Id,
  IdQuery,
  LocalizedText,
  PageQuery,
  Version,
  localizedTextInput,
  pageOf,
} from './common';
import { OrganizationRef } from './organizations';

export const ClusterStatus = z.enum(CLUSTER_STATUSES);
export const KeyField = z.enum(KEY_FIELD_KEYS);
export const MemberRole = z.enum(MEMBER_ROLES);
export const StaffRole = z.enum(STAFF_ROLES);

export const ClusterKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lower-case letters, digits and hyphens, 2–40 characters')
  // The web app's /clusters/new is the registration page.
  .refine((key) => key !== 'new', 'this key is reserved');
export const ClusterKeyParam = z.strictObject({ key: z.string().max(40) });

const OptionalText = z.strictObject({
  ja: z.string().trim().max(2000).default(''),
  en: z.string().trim().max(2000).default(''),
});

export const ClusterSummary = z.object({
  id: z.number().int(),
  key: z.string(),
  name: LocalizedText,
  theme: LocalizedText,
  keyField: KeyField,
  prefectures: z.array(z.object({ code: z.string(), name: LocalizedText })),
  startFy: z.number().int(),
  endFy: z.number().int(),
  status: ClusterStatus,
  isPublished: z.boolean(),
  coreOrganization: OrganizationRef.nullable(),
  confidence: z.string().nullable(),
  source: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;

export const ClusterMemberResponse = z.object({
  id: z.number().int(),
  organization: OrganizationRef,
  role: MemberRole,
  fromFy: z.number().int(),
  toFy: z.number().int().nullable(),
  note: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  version: z.number().int(),
});
export type ClusterMemberResponse = z.infer<typeof ClusterMemberResponse>;

export const ClusterStaffResponse = z.object({
  id: z.number().int(),
  person: z.object({ id: z.number().int(), name: LocalizedText, organization: OrganizationRef.nullable() }),
  role: StaffRole,
  fromFy: z.number().int(),
  toFy: z.number().int().nullable(),
  note: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  version: z.number().int(),
});
export type ClusterStaffResponse = z.infer<typeof ClusterStaffResponse>;

export const ClusterDetail = ClusterSummary.extend({
  summary: LocalizedText,
  members: z.array(ClusterMemberResponse),
  staff: z.array(ClusterStaffResponse),
  canEdit: z.boolean(),
});
export type ClusterDetail = z.infer<typeof ClusterDetail>;

export const ClusterPage = pageOf(ClusterSummary);

export const ClusterListQuery = PageQuery.extend({
  keyField: KeyField.optional(),
  startFy: FiscalYearQuery.optional(),
  status: ClusterStatus.optional(),
  q: z.string().trim().max(100).optional(),
});

const PrefectureCodes = z
  .array(z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'a JIS prefecture code 01–47'))
  .min(1)
  .max(47);

export const CreateClusterBody = z.strictObject({
  key: ClusterKey,
  name: localizedTextInput(200),
  theme: OptionalText.default({ ja: '', en: '' }),
  summary: OptionalText.default({ ja: '', en: '' }),
  keyField: KeyField,
  prefectureCodes: PrefectureCodes,
  startFy: FiscalYearValue,
  /** Defaults to the programme's duration from the start year. */
  endFy: FiscalYearValue.optional(),
  status: ClusterStatus.default('full'),
  coreOrganizationId: Id.nullable().default(null),
  isPublished: z.boolean().default(false),
  confidence: z.string().trim().max(500).nullable().default(null),
  source: z.string().trim().min(1).max(500),
});
export type CreateClusterBody = z.infer<typeof CreateClusterBody>;

export const UpdateClusterBody = z.strictObject({
  version: Version,
  name: localizedTextInput(200).optional(),
  theme: OptionalText.optional(),
  summary: OptionalText.optional(),
  keyField: KeyField.optional(),
  prefectureCodes: PrefectureCodes.optional(),
  startFy: FiscalYearValue.optional(),
  endFy: FiscalYearValue.optional(),
  status: ClusterStatus.optional(),
  coreOrganizationId: Id.nullable().optional(),
  isPublished: z.boolean().optional(),
  confidence: z.string().trim().max(500).nullable().optional(),
  source: z.string().trim().min(1).max(500).optional(),
});
export type UpdateClusterBody = z.infer<typeof UpdateClusterBody>;

export const MemberParams = z.strictObject({
  key: z.string().max(40),
  id: IdQuery,
});

export const AddMemberBody = z.strictObject({
  organizationId: Id,
  role: MemberRole,
  fromFy: FiscalYearValue,
  toFy: FiscalYearValue.nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

export const UpdateMemberBody = z.strictObject({
  version: Version,
  role: MemberRole.optional(),
  fromFy: FiscalYearValue.optional(),
  toFy: FiscalYearValue.nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

export const AddStaffBody = z.strictObject({
  personId: Id,
  role: StaffRole,
  fromFy: FiscalYearValue,
  toFy: FiscalYearValue.nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type AddStaffBody = z.infer<typeof AddStaffBody>;

export const UpdateStaffBody = z.strictObject({
  version: Version,
  role: StaffRole.optional(),
  fromFy: FiscalYearValue.optional(),
  toFy: FiscalYearValue.nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;
