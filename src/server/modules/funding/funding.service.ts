/**
 * Funded projects and the e-Rad-style duplication check. Officers record what each programme
 * funds per fiscal year (the coordinators' pipeline and METI funds add theirs through
 * insertFundedProject); the check flags pairs of the same fiscal year under different programmes
 * with the same principal researcher or a near-identical theme (src/domain/duplication.ts), and an
 * officer marks a flag reviewed with a note, after which it no longer shows as open.
 */
import type {
  CreateFundedProjectBody,
  DuplicatesQuery,
  DuplicatesResponse,
  FundedProject,
  FundedProjectListQuery,
  FundedProjectListResponse,
  ReviewDuplicateBody,
} from '../../../contracts/funding';
import { CreateFundedProjectBody as CreateFundedProjectSchema } from '../../../contracts/funding';
import { duplicationReasons, findDuplicates, THEME_SIMILARITY_THRESHOLD } from '../../../domain/duplication';
import type { ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, type FieldError, notFound, unknownReference } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { findClusterByKey } from '../clusters/cluster.repo';
import { findOrganizationById } from '../organizations/organization.repo';
import { findPersonById } from '../people/person.repo';
import { fundedProjectSnapshot, toFundedProject, toFundedProjectFacts } from './funded-project.presenter';
import {
  findDuplicationReview,
  insertDuplicationReview,
  insertFundedProject,
  listDuplicationReviews,
  listFundedProjects,
} from './funded-project.repo';

/** Officers read every funded project, optionally of one fiscal year or programme. */
export async function listFundedProjectsFor(
  ctx: ServiceContext,
  query: FundedProjectListQuery,
): Promise<FundedProjectListResponse> {
  requirePermission(ctx.actor, 'duplication:read');
  const rows = await listFundedProjects(ctx.db, query);
  return { items: rows.map(toFundedProject) };
}

/** Officers record a funded project; unknown person, organization or cluster is a 422 naming the field. */
export async function createFundedProject(
  ctx: ServiceContext,
  input: CreateFundedProjectBody,
): Promise<FundedProject> {
  requirePermission(ctx.actor, 'budget:edit');
  const body = CreateFundedProjectSchema.parse(input);
  const [person, organization, cluster] = await Promise.all([
    body.principalPersonId === null ? null : findPersonById(ctx.db, body.principalPersonId),
    body.organizationId === null ? null : findOrganizationById(ctx.db, body.organizationId),
    body.cluster === null ? null : findClusterByKey(ctx.db, body.cluster),
  ]);
  if (body.principalPersonId !== null && !person)
    throw unknownReference('body.principalPersonId', 'person', body.principalPersonId);
  if (body.organizationId !== null && !organization)
    throw unknownReference('body.organizationId', 'organization', body.organizationId);
  if (body.cluster !== null && !cluster) throw unknownReference('body.cluster', 'cluster', body.cluster);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertFundedProject(trx, {
      programme: body.programme,
      fiscalYear: body.fiscalYear,
      theme: body.theme,
      principalPersonId: body.principalPersonId,
      // A person record gives the name when none is written.
      researcherName: body.researcherName || person?.name_ja || person?.name_en || '',
      organizationId: body.organizationId ?? person?.organization_id ?? null,
      clusterId: cluster?.id ?? null,
      seedId: body.seedId,
      matchId: body.matchId,
      amountYen: body.amountYen,
      source: body.source,
      createdBy: actorAccountId(ctx.actor),
      at: ctx.now().toISOString(),
    });
    await audit(ctx, trx, {
      action: 'funded-project.create',
      entityType: 'funded_project',
      entityId: row.id,
      after: fundedProjectSnapshot(row),
    });
    return row.id;
  });
  const [created] = await listFundedProjects(ctx.db, { ids: [id] });
  return toFundedProject(created!);
}

/** The flagged pairs (of one fiscal year, or all), open ones by default, each with its reasons. */
export async function listDuplicates(
  ctx: ServiceContext,
  query: DuplicatesQuery,
): Promise<DuplicatesResponse> {
  requirePermission(ctx.actor, 'duplication:read');
  const [rows, reviews] = await Promise.all([
    listFundedProjects(ctx.db, { fiscalYear: query.fiscalYear }),
    listDuplicationReviews(ctx.db),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const reviewOf = new Map(reviews.map((r) => [`${r.funded_project_a_id}-${r.funded_project_b_id}`, r]));
  const items = findDuplicates(rows.map(toFundedProjectFacts)).flatMap((flag) => {
    const review = reviewOf.get(`${flag.aId}-${flag.bId}`);
    if (query.status === 'open' && review) return [];
    if (query.status === 'reviewed' && !review) return [];
    return [
      {
        fiscalYear: flag.fiscalYear,
        a: toFundedProject(byId.get(flag.aId)!),
        b: toFundedProject(byId.get(flag.bId)!),
        reasons: flag.reasons,
        review: review
          ? { note: review.note, reviewedAt: review.reviewed_at, reviewedBy: review.reviewer_label }
          : null,
      },
    ];
  });
  return { threshold: THEME_SIMILARITY_THRESHOLD, items };
}

/** An officer marks a flagged pair reviewed with a note (audited); a pair that is not flagged is a 422. */
export async function reviewDuplicate(
  ctx: ServiceContext,
  body: ReviewDuplicateBody,
): Promise<DuplicatesResponse['items'][number]> {
  requirePermission(ctx.actor, 'duplication:read');
  const [aId, bId] = body.aId < body.bId ? [body.aId, body.bId] : [body.bId, body.aId];
  const rows = await listFundedProjects(ctx.db, { ids: [aId, bId] });
  const a = rows.find((r) => r.id === aId);
  const b = rows.find((r) => r.id === bId);
  const errors: FieldError[] = [];
  if (!a)
    errors.push({ field: body.aId === aId ? 'body.aId' : 'body.bId', message: `no funded project ${aId}` });
  if (!b)
    errors.push({ field: body.bId === bId ? 'body.bId' : 'body.aId', message: `no funded project ${bId}` });
  if (!a || !b) throw new AppError('UNKNOWN_REFERENCE', errors.map((e) => e.message).join('; '), { errors });
  const reasons = aId === bId ? [] : duplicationReasons(toFundedProjectFacts(a), toFundedProjectFacts(b));
  if (reasons.length === 0)
    throw new AppError('RULE_VIOLATION', `funded projects ${aId} and ${bId} are not flagged`, {
      errors: [{ field: 'body.bId', message: 'this pair is not flagged as a possible duplicate' }],
    });
  if (await findDuplicationReview(ctx.db, aId, bId))
    throw new AppError('DUPLICATE', `the pair ${aId}/${bId} has been reviewed already`, {
      errors: [{ field: 'body.bId', message: 'already reviewed' }],
    });
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const review = await insertDuplicationReview(trx, {
        aId,
        bId,
        note: body.note,
        reviewedBy: actorAccountId(ctx.actor),
        at: ctx.now().toISOString(),
      });
      await audit(ctx, trx, {
        action: 'duplication.review',
        entityType: 'duplication_review',
        entityId: review.id,
        after: { aId, bId, note: body.note, reasons },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('DUPLICATE', `the pair ${aId}/${bId} has been reviewed already`, {
        errors: [{ field: 'body.bId', message: 'already reviewed' }],
      });
    throw error;
  }
  const listed = await listDuplicates(ctx, { fiscalYear: a.fiscal_year, status: 'reviewed' });
  const item = listed.items.find((i) => i.a.id === aId && i.b.id === bId);
  if (!item) throw notFound('duplication flag', `${aId}-${bId}`);
  return item;
}
