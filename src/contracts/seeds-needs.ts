/**
 * Seeds (technology offers from a cluster) and needs (technology requests from a company or an
 * Industrial Cluster member): the listings coordinators review, publish and renew, and match.
 * A confidential need's company is shown only to coordinators (and the company itself) until it
 * agrees to disclose; everyone else reads `company: null` and `companyHidden: true`.
 */
import { z } from 'zod';
import { KEY_FIELD_KEYS } from '../domain/key-fields';
import { LISTING_ACTIONS, LISTING_STATUSES } from '../domain/listing-lifecycle';
import { SEED_STAGES } from '../domain/matching/matcher';
import { IdQuery, LocalizedText, localizedTextInput, PageQuery, pageOf, Version } from './common';

export const MAX_LISTING_TITLE = 200;
export const MAX_LISTING_TEXT = 4000;
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 60;

export const SeedStage = z.enum(SEED_STAGES);
export type SeedStage = z.infer<typeof SeedStage>;
export const ListingStatus = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof ListingStatus>;
export const ListingAction = z.enum(LISTING_ACTIONS);
export type ListingAction = z.infer<typeof ListingAction>;
export const KeyField = z.enum(KEY_FIELD_KEYS);

export const LICENSING_STATUSES = ['available', 'under_negotiation', 'licensed', 'not_for_license'] as const;
export const LicensingStatus = z.enum(LICENSING_STATUSES);
export type LicensingStatus = z.infer<typeof LicensingStatus>;

const IsoDate = z.iso.date();
const Keyword = z.string().trim().min(1).max(MAX_KEYWORD_LENGTH);
const PrefectureCode = z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'a JIS prefecture code, 01–47');

const seedFields = {
  clusterKey: z.string().min(1).max(120),
  title: localizedTextInput(MAX_LISTING_TITLE),
  summary: localizedTextInput(MAX_LISTING_TEXT),
  keyField: KeyField,
  keywords: z.array(Keyword).max(MAX_KEYWORDS),
  stage: SeedStage,
  licensingStatus: LicensingStatus,
  /** Patents and papers among the cluster's outcome items. */
  outcomeItemIds: z.array(z.number().int().positive()).max(50),
  /** The responsible S&T coordinator's account. */
  coordinatorAccountId: z.number().int().positive().nullable(),
};

export const CreateSeedBody = z.strictObject({
  ...seedFields,
  keywords: seedFields.keywords.default([]),
  licensingStatus: seedFields.licensingStatus.default('available'),
  outcomeItemIds: seedFields.outcomeItemIds.default([]),
  coordinatorAccountId: seedFields.coordinatorAccountId.default(null),
});
export type CreateSeedBody = z.input<typeof CreateSeedBody>;

export const UpdateSeedBody = z
  .strictObject(seedFields)
  .omit({ clusterKey: true })
  .partial()
  .extend({ version: Version });
export type UpdateSeedBody = z.infer<typeof UpdateSeedBody>;

const needFields = {
  organizationId: z.number().int().positive(),
  title: localizedTextInput(MAX_LISTING_TITLE),
  description: localizedTextInput(MAX_LISTING_TEXT),
  keyField: KeyField,
  prefectureCode: PrefectureCode.nullable(),
  wantedBy: IsoDate.nullable(),
  confidential: z.boolean(),
};

export const CreateNeedBody = z.strictObject({
  ...needFields,
  prefectureCode: needFields.prefectureCode.default(null),
  wantedBy: needFields.wantedBy.default(null),
  confidential: needFields.confidential.default(false),
});
export type CreateNeedBody = z.input<typeof CreateNeedBody>;

/** `confidential: false` on a confidential need records the company's consent to disclose. */
export const UpdateNeedBody = z
  .strictObject(needFields)
  .omit({ organizationId: true })
  .partial()
  .extend({ version: Version });
export type UpdateNeedBody = z.infer<typeof UpdateNeedBody>;

/** A review or lifecycle action: `note` is required to return; `expiresOn` optional on publish/renew. */
export const ListingActionBody = z.strictObject({
  action: ListingAction,
  version: Version,
  note: z.string().trim().max(2000).optional(),
  expiresOn: IsoDate.optional(),
});
export type ListingActionBody = z.infer<typeof ListingActionBody>;

export const ListingParams = z.strictObject({ id: IdQuery });

export const SeedListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  cluster: z.string().max(120).optional(),
  keyField: KeyField.optional(),
  stage: SeedStage.optional(),
  status: ListingStatus.optional(),
  /** Include expired listings (coordinators' and owners' views only). */
  expired: z.enum(['include', 'only', 'exclude']).default('exclude'),
});
export type SeedListQuery = z.infer<typeof SeedListQuery>;

export const NeedListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  keyField: KeyField.optional(),
  prefectureCode: PrefectureCode.optional(),
  status: ListingStatus.optional(),
  organizationId: IdQuery.optional(),
  expired: z.enum(['include', 'only', 'exclude']).default('exclude'),
});
export type NeedListQuery = z.infer<typeof NeedListQuery>;

const OptionalText = z.object({ ja: z.string().nullable(), en: z.string().nullable() });

const ListingReview = z.object({
  status: ListingStatus,
  /** The coordinator's note when the listing was returned (or last reviewed). */
  reviewNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  expiresOn: z.string().nullable(),
  isExpired: z.boolean(),
  /** The actions this reader may take now. */
  actions: z.array(ListingAction),
  canEdit: z.boolean(),
});

export const LinkedOutcomeItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  fiscalYear: z.number().int(),
});

export const Seed = z.object({
  id: z.number().int(),
  cluster: z.object({
    id: z.number().int(),
    key: z.string(),
    name: LocalizedText,
    prefectureCode: z.string().nullable(),
  }),
  title: OptionalText,
  summary: OptionalText,
  keyField: KeyField,
  keywords: z.array(z.string()),
  stage: SeedStage,
  licensingStatus: LicensingStatus,
  outcomeItems: z.array(LinkedOutcomeItem),
  coordinator: z.object({ accountId: z.number().int(), displayName: z.string() }).nullable(),
  ...ListingReview.shape,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Seed = z.infer<typeof Seed>;

export const Need = z.object({
  id: z.number().int(),
  /** null when confidential and the reader is not a coordinator or the company itself. */
  company: z.object({ id: z.number().int(), name: LocalizedText }).nullable(),
  companyHidden: z.boolean(),
  confidential: z.boolean(),
  disclosedAt: z.string().nullable(),
  title: OptionalText,
  description: OptionalText,
  keyField: KeyField,
  prefectureCode: z.string().nullable(),
  wantedBy: z.string().nullable(),
  ...ListingReview.shape,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof Need>;

export const SeedPage = pageOf(Seed);
export type SeedPage = z.infer<typeof SeedPage>;
export const NeedPage = pageOf(Need);
export type NeedPage = z.infer<typeof NeedPage>;

/** The programme's S&T coordinators, for choosing a seed's responsible coordinator. */
export const CoordinatorList = z.object({
  items: z.array(z.object({ accountId: z.number().int(), displayName: z.string() })),
});
export type CoordinatorList = z.infer<typeof CoordinatorList>;
