/**
 * The reviewer pool of a call and reviewer profiles. Officers add accounts holding an evaluator
 * grant (programme-wide, or for this call) with an optional load cap below the call's; profiles
 * (expertise, recent collaborators, prefecture) are kept by officers and by the reviewer themself.
 */
import type {
  AddCallReviewerBody,
  ReviewerCandidatesResponse,
  CallReviewersResponse,
  ReviewerProfile,
  ReviewerProfileBody,
} from '../../../contracts/selection-reviews';
import { AddCallReviewerBody as AddBody } from '../../../contracts/selection-reviews';
import { can } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError, notFound, unknownReference } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { findDetectedConflicts, persistFindings } from './conflict.service';
import { loadCall } from './review.call';
import {
  countActiveAssignments,
  findPoolEntry,
  findProfile,
  holdsEvaluatorGrant,
  listCandidates,
  listPool,
  type ProfileRow,
} from './reviewer-pool.repo';

function toProfile(r: ProfileRow): ReviewerProfile {
  return {
    accountId: r.accountId,
    displayName: r.displayName,
    email: r.email,
    organization:
      r.organizationId === null
        ? null
        : {
            id: r.organizationId,
            name: { ja: r.organizationNameJa ?? '', en: r.organizationNameEn ?? '' },
            prefectureCode: r.organizationPrefecture,
          },
    keyFields: r.keyFieldsJson ? (JSON.parse(r.keyFieldsJson) as string[]) : [],
    collaboratorOrganizationIds: r.collaboratorsJson ? (JSON.parse(r.collaboratorsJson) as number[]) : [],
    prefectureCode: r.prefectureCode,
    version: r.version,
  };
}

/** Officers, or the reviewer reading their own profile; other reviewers learn nothing (404). */
function requireProfileAccess(ctx: ServiceContext, accountId: number): void {
  if (can(ctx.actor, 'call:manage')) return;
  requirePermission(ctx.actor, 'review:submit');
  if (ctx.actor.kind !== 'account' || ctx.actor.accountId !== accountId)
    throw notFound('reviewer', accountId);
}

export async function getReviewerProfile(ctx: ServiceContext, accountId: number): Promise<ReviewerProfile> {
  requireProfileAccess(ctx, accountId);
  const row = await findProfile(ctx.db, accountId);
  if (!row) throw notFound('reviewer', accountId);
  return toProfile(row);
}

/** Creates or replaces the profile; key fields and organizations must exist (422 naming the entry). */
export async function putReviewerProfile(
  ctx: ServiceContext,
  accountId: number,
  body: ReviewerProfileBody,
): Promise<ReviewerProfile> {
  requireProfileAccess(ctx, accountId);
  const before = await findProfile(ctx.db, accountId);
  if (!before) throw notFound('reviewer', accountId);
  const keyFields = [...new Set(body.keyFields)];
  const orgIds = [...new Set(body.collaboratorOrganizationIds)];
  if (keyFields.length > 0) {
    const known = new Set(
      (await ctx.db.selectFrom('key_fields').select('key').where('key', 'in', keyFields).execute()).map(
        (r) => r.key,
      ),
    );
    const i = body.keyFields.findIndex((k) => !known.has(k));
    if (i >= 0) throw unknownReference(`body.keyFields.${i}`, 'key field', body.keyFields[i]!);
  }
  if (orgIds.length > 0) {
    const known = new Set(
      (await ctx.db.selectFrom('organizations').select('id').where('id', 'in', orgIds).execute()).map(
        (r) => r.id,
      ),
    );
    const i = body.collaboratorOrganizationIds.findIndex((id) => !known.has(id));
    if (i >= 0)
      throw unknownReference(
        `body.collaboratorOrganizationIds.${i}`,
        'organization',
        body.collaboratorOrganizationIds[i]!,
      );
  }
  if (body.prefectureCode !== null) {
    const p = await ctx.db
      .selectFrom('prefectures')
      .select('code')
      .where('code', '=', body.prefectureCode)
      .executeTakeFirst();
    if (!p) throw unknownReference('body.prefectureCode', 'prefecture', body.prefectureCode);
  }
  const at = ctx.now().toISOString();
  const values = {
    key_fields_json: JSON.stringify(keyFields),
    collaborator_organization_ids_json: JSON.stringify(orgIds),
    prefecture_code: body.prefectureCode,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (before.version === null)
      await trx
        .insertInto('reviewer_profiles')
        .values({ account_id: accountId, ...values, created_at: at, updated_at: at })
        .execute();
    else
      await trx
        .updateTable('reviewer_profiles')
        .set((eb) => ({ ...values, updated_at: at, version: eb('version', '+', 1) }))
        .where('account_id', '=', accountId)
        .execute();
    await audit(ctx, trx, {
      action: before.version === null ? 'reviewer-profile.create' : 'reviewer-profile.update',
      entityType: 'reviewer_profile',
      entityId: accountId,
      before: before.version === null ? null : toProfile(before),
      after: { keyFields, collaboratorOrganizationIds: orgIds, prefectureCode: body.prefectureCode },
    });
  });
  return toProfile((await findProfile(ctx.db, accountId))!);
}

export async function listCallReviewers(ctx: ServiceContext, key: string): Promise<CallReviewersResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  const rows = await listPool(ctx.db, call.row.id);
  return {
    call: {
      key: call.row.key,
      reviewerCap: call.row.reviewer_cap,
      reviewersPerProposal: call.row.reviewers_per_proposal,
    },
    reviewers: rows.map((r) => ({
      ...toProfile(r),
      maxLoad: r.maxLoad,
      cap: r.maxLoad ?? call.row.reviewer_cap,
      load: r.load,
      addedAt: r.addedAt,
    })),
  };
}

/**
 * Adds an evaluator to the pool (or changes their cap when already in it) and runs conflict
 * detection for them against the call's submitted proposals, in one transaction.
 */
export async function addCallReviewer(
  ctx: ServiceContext,
  key: string,
  input: AddCallReviewerBody,
): Promise<CallReviewersResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const body = AddBody.parse(input);
  const call = await loadCall(ctx.db, key);
  if (!(await holdsEvaluatorGrant(ctx.db, body.accountId, call.row.id)))
    throw new AppError(
      'UNKNOWN_REFERENCE',
      `account ${body.accountId} is not an active evaluator for the programme or this call`,
      { errors: [{ field: 'body.accountId', message: 'not an active evaluator for this call' }] },
    );
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await findPoolEntry(trx, call.row.id, body.accountId);
    if (existing) {
      await trx
        .updateTable('call_reviewers')
        .set({ max_load: body.maxLoad })
        .where('call_id', '=', call.row.id)
        .where('account_id', '=', body.accountId)
        .execute();
    } else {
      await trx
        .insertInto('call_reviewers')
        .values({ call_id: call.row.id, account_id: body.accountId, max_load: body.maxLoad, added_at: at })
        .execute();
    }
    await audit(ctx, trx, {
      action: existing ? 'call-reviewer.update' : 'call-reviewer.add',
      entityType: 'call_reviewer',
      entityId: `${call.row.id}:${body.accountId}`,
      before: existing ?? null,
      after: { callId: call.row.id, accountId: body.accountId, maxLoad: body.maxLoad },
    });
    const findings = await findDetectedConflicts(trx, call.row, [body.accountId]);
    await persistFindings(ctx, trx, call.row, findings);
  });
  return listCallReviewers(ctx, key);
}

/** Removes a reviewer from the pool; refused (409) while they hold active assignments in the call. */
export async function removeCallReviewer(ctx: ServiceContext, key: string, accountId: number): Promise<void> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  const entry = await findPoolEntry(ctx.db, call.row.id, accountId);
  if (!entry) throw notFound('call reviewer', accountId);
  const load = await countActiveAssignments(ctx.db, call.row.id, accountId);
  if (load > 0)
    throw new AppError(
      'INVALID_TRANSITION',
      `the reviewer holds ${load} assignment(s) in this call; unassign them first`,
      { errors: [{ field: 'params.accountId', message: `${load} active assignment(s)` }] },
    );
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('call_reviewers')
      .where('call_id', '=', call.row.id)
      .where('account_id', '=', accountId)
      .execute();
    await audit(ctx, trx, {
      action: 'call-reviewer.remove',
      entityType: 'call_reviewer',
      entityId: `${call.row.id}:${accountId}`,
      before: entry,
    });
  });
}

/** Evaluators who could join the pool (for the officer's picker). */
export async function listReviewerCandidates(
  ctx: ServiceContext,
  key: string,
): Promise<ReviewerCandidatesResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  const rows = await listCandidates(ctx.db, call.row.id);
  return { candidates: rows.map((r) => ({ accountId: r.id, displayName: r.display_name, email: r.email })) };
}
