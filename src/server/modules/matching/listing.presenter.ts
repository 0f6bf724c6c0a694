/** Seeds and needs as they leave the server; a confidential company is removed here for readers who may not know it. */
import type { Need, Seed } from '../../../contracts/seeds-needs';
import type { KeyFieldKey } from '../../../domain/key-fields';
import { isExpired } from '../../../domain/listing-lifecycle';
import type { SeedStage } from '../../../domain/matching/matcher';
import { companyRedactor } from '../../../domain/matching/redact-company';
import type { ServiceContext } from '../../context';
import {
  needActions,
  needEditable,
  seedActions,
  seedEditable,
  seesCompany,
  todayInJapan,
} from './listing-access';
import type { NeedWithCompany, OutcomeItemRef, SeedWithCluster } from './listing.repo';
import type { NeedRow, SeedRow } from './matching.table';

function review(ctx: ServiceContext, row: SeedWithCluster | NeedWithCompany) {
  return {
    status: row.status as Seed['status'],
    reviewNote: row.review_note,
    reviewedBy: row.reviewer_name,
    reviewedAt: row.reviewed_at,
    publishedAt: row.published_at,
    expiresOn: row.expires_on,
    isExpired: row.status === 'published' && isExpired(row.expires_on, todayInJapan(ctx)),
  };
}

export function keywordsOf(row: Pick<SeedRow, 'keywords_json'>): string[] {
  return JSON.parse(row.keywords_json) as string[];
}

export function toSeed(ctx: ServiceContext, row: SeedWithCluster, items: OutcomeItemRef[]): Seed {
  return {
    id: row.id,
    cluster: {
      id: row.cluster_id,
      key: row.cluster_key,
      name: { ja: row.cluster_name_ja, en: row.cluster_name_en },
      prefectureCode: row.cluster_prefecture_code,
    },
    title: { ja: row.title_ja, en: row.title_en },
    summary: { ja: row.summary_ja, en: row.summary_en },
    keyField: row.key_field as KeyFieldKey,
    keywords: keywordsOf(row),
    stage: row.stage as SeedStage,
    licensingStatus: row.licensing_status as Seed['licensingStatus'],
    outcomeItems: items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, fiscalYear: i.fiscal_year })),
    coordinator:
      row.coordinator_account_id === null
        ? null
        : { accountId: row.coordinator_account_id, displayName: row.coordinator_name ?? '' },
    ...review(ctx, row),
    actions: seedActions(ctx, row),
    canEdit: seedEditable(ctx, row),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The company as this reader may see it: null when confidential and not theirs to know. */
export function companyOf(
  ctx: ServiceContext,
  row: NeedRow & { company_name_ja: string; company_name_en: string },
): Need['company'] {
  return seesCompany(ctx, row)
    ? { id: row.organization_id, name: { ja: row.company_name_ja, en: row.company_name_en } }
    : null;
}

/** A need's title and description, without its company's name when anonymous (for readers and the index). */
export function needTexts(row: NeedWithCompany, anonymous: boolean) {
  const text = anonymous
    ? companyRedactor({ ja: row.company_name_ja, en: row.company_name_en })
    : (t: string) => t;
  const orNull = (t: string | null) => (t === null ? null : text(t));
  return {
    title: { ja: orNull(row.title_ja), en: orNull(row.title_en) },
    description: { ja: orNull(row.description_ja), en: orNull(row.description_en) },
  };
}

export function toNeed(ctx: ServiceContext, row: NeedWithCompany): Need {
  const company = companyOf(ctx, row);
  const texts = needTexts(row, company === null);
  return {
    id: row.id,
    company,
    companyHidden: company === null,
    confidential: row.confidential === 1,
    disclosedAt: row.disclosed_at,
    ...texts,
    keyField: row.key_field as KeyFieldKey,
    prefectureCode: row.prefecture_code,
    wantedBy: row.wanted_by,
    ...review(ctx, row),
    actions: needActions(ctx, row),
    canEdit: needEditable(ctx, row),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a seed (texts included: they are what was published). */
export function seedSnapshot(row: SeedRow) {
  const { version, created_at, updated_at, ...rest } = row;
  void created_at;
  return { ...rest, version, updated_at };
}

/** What the audit log keeps of a need. The company id is kept: the log is for administrators. */
export function needSnapshot(row: NeedRow) {
  const { version, created_at, updated_at, ...rest } = row;
  void created_at;
  return { ...rest, version, updated_at };
}
