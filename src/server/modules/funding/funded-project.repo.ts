/** Funded projects and reviews of duplication flags: Kysely only, portable across SQLite and PostgreSQL. */
import type { FundingProgramme } from '../../../domain/duplication';
import type { Db } from '../../context';
import type { DuplicationReviewRow, FundedProjectRow } from './funding.table';

/**
 * What a funded project records. The coordinators' pipeline calls insertFundedProject with
 * programme, fiscal year, theme, researcher, amount, source and its seedId/matchId when a joint
 * research agreement is recorded; METI funds call it too. Fields left out are null.
 */
export interface FundedProjectValues {
  programme: FundingProgramme;
  fiscalYear: number;
  /** At least one language; the other may be ''. */
  theme: { ja: string; en: string };
  principalPersonId?: number | null;
  /** The principal researcher's name as written (compared NFKC-normalised without spaces). */
  researcherName?: string;
  organizationId?: number | null;
  clusterId?: number | null;
  seedId?: number | null;
  matchId?: number | null;
  amountYen: number;
  /** Where the figure comes from, e.g. "joint research agreement of match 12". */
  source: string;
  createdBy?: number | null;
  /** ISO timestamp; defaults to now. */
  at?: string;
}

/**
 * Inserts a funded project inside the caller's transaction and returns the row. No audit here:
 * the caller audits the change it is part of, in the same transaction.
 */
export async function insertFundedProject(db: Db, values: FundedProjectValues): Promise<FundedProjectRow> {
  const at = values.at ?? new Date().toISOString();
  const row = await db
    .insertInto('funded_projects')
    .values({
      programme: values.programme,
      fiscal_year: values.fiscalYear,
      theme_ja: values.theme.ja,
      theme_en: values.theme.en,
      principal_person_id: values.principalPersonId ?? null,
      researcher_name: values.researcherName ?? '',
      organization_id: values.organizationId ?? null,
      cluster_id: values.clusterId ?? null,
      seed_id: values.seedId ?? null,
      match_id: values.matchId ?? null,
      amount_yen: values.amountYen,
      source: values.source,
      created_by: values.createdBy ?? null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, amount_yen: Number(row.amount_yen) };
}

export interface FundedProjectWithNames extends FundedProjectRow {
  organization_name_ja: string | null;
  organization_name_en: string | null;
  cluster_key: string | null;
  cluster_name_ja: string | null;
  cluster_name_en: string | null;
}

/** Funded projects with their organization and cluster names, by fiscal year then id. */
export async function listFundedProjects(
  db: Db,
  filter: { fiscalYear?: number | undefined; programme?: string | undefined; ids?: number[] },
): Promise<FundedProjectWithNames[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('funded_projects as f')
    .leftJoin('organizations as o', 'o.id', 'f.organization_id')
    .leftJoin('clusters as c', 'c.id', 'f.cluster_id')
    .selectAll('f')
    .select([
      'o.name_ja as organization_name_ja',
      'o.name_en as organization_name_en',
      'c.key as cluster_key',
      'c.name_ja as cluster_name_ja',
      'c.name_en as cluster_name_en',
    ]);
  if (filter.fiscalYear !== undefined) query = query.where('f.fiscal_year', '=', filter.fiscalYear);
  if (filter.programme !== undefined) query = query.where('f.programme', '=', filter.programme);
  if (filter.ids) query = query.where('f.id', 'in', filter.ids);
  const rows = await query.orderBy('f.fiscal_year', 'desc').orderBy('f.id').execute();
  return rows.map((r) => ({ ...r, amount_yen: Number(r.amount_yen) }));
}

export interface DuplicationReviewWithName extends DuplicationReviewRow {
  reviewer_label: string | null;
}

/** Every review of a pair among these projects (all reviews when ids is undefined). */
export async function listDuplicationReviews(db: Db): Promise<DuplicationReviewWithName[]> {
  return db
    .selectFrom('duplication_reviews as r')
    .leftJoin('accounts as a', 'a.id', 'r.reviewed_by')
    .selectAll('r')
    .select('a.display_name as reviewer_label')
    .execute();
}

export async function findDuplicationReview(
  db: Db,
  aId: number,
  bId: number,
): Promise<DuplicationReviewRow | undefined> {
  return db
    .selectFrom('duplication_reviews')
    .selectAll()
    .where('funded_project_a_id', '=', aId)
    .where('funded_project_b_id', '=', bId)
    .executeTakeFirst();
}

export async function insertDuplicationReview(
  db: Db,
  values: { aId: number; bId: number; note: string; reviewedBy: number | null; at: string },
): Promise<DuplicationReviewRow> {
  return db
    .insertInto('duplication_reviews')
    .values({
      funded_project_a_id: values.aId,
      funded_project_b_id: values.bId,
      note: values.note,
      reviewed_by: values.reviewedBy,
      reviewed_at: values.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
