/**
 * Review assignments: the officer's matrix with declared/submitted state and per-reviewer progress,
 * manual assign/unassign, and the automatic assignment (src/domain/selection/assignment.ts) as a
 * preview (dry run) or a commit. Only the call's submitted proposals and its pool take part.
 */
import type {
  AssignmentsResponse,
  AutoAssignBody,
  AutoAssignResponse,
  ManualAssignmentBody,
  OfficerAssignment,
} from '../../../contracts/selection-reviews';
import { assignReviewers } from '../../../domain/selection/assignment';
import type { ServiceContext } from '../../context';
import { AppError, notFound, unknownReference } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { listCallConflicts, listSubmittedProposalParties } from './conflict.repo';
import { blockingPairs, findDetectedConflicts, persistFindings } from './conflict.service';
import { inReviewPhase, loadCall, requireReviewPhase } from './review.call';
import { countActiveAssignments, findPoolEntry } from './reviewer-pool.repo';

export async function listAssignments(ctx: ServiceContext, key: string): Promise<AssignmentsResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  const callId = call.row.id;
  const [proposals, reviewers, rows, conflicts] = await Promise.all([
    ctx.db
      .selectFrom('proposals')
      .select(['id', 'title_ja', 'title_en', 'region_ja', 'region_en', 'key_field_key'])
      .where('call_id', '=', callId)
      .where('status', '=', 'submitted')
      .orderBy('id')
      .execute(),
    ctx.db
      .selectFrom('call_reviewers as cr')
      .innerJoin('accounts as a', 'a.id', 'cr.account_id')
      .select(['a.id', 'a.display_name'])
      .where('cr.call_id', '=', callId)
      .orderBy('a.display_name')
      .orderBy('a.id')
      .execute(),
    ctx.db
      .selectFrom('review_assignments as ra')
      .leftJoin('reviews as r', 'r.assignment_id', 'ra.id')
      .select([
        'ra.id',
        'ra.proposal_id',
        'ra.reviewer_account_id',
        'ra.method',
        'ra.assigned_at',
        'ra.declared_at',
        'r.status as review_status',
        'r.submitted_at',
      ])
      .where('ra.call_id', '=', callId)
      .where('ra.removed_at', 'is', null)
      .orderBy('ra.id')
      .execute(),
    listCallConflicts(ctx.db, callId),
  ]);
  const assignments: OfficerAssignment[] = rows.map((r) => ({
    id: r.id,
    proposalId: r.proposal_id,
    reviewerAccountId: r.reviewer_account_id,
    method: r.method as OfficerAssignment['method'],
    assignedAt: r.assigned_at,
    declaredAt: r.declared_at,
    reviewStatus: (r.review_status ?? 'none') as OfficerAssignment['reviewStatus'],
    submittedAt: r.submitted_at ?? null,
  }));
  const blocked = blockingPairs(conflicts);
  const pairs = new Map<string, { proposalId: number; reviewerAccountId: number }>();
  for (const c of conflicts)
    if (blocked(c.reviewer_account_id, c.proposal_id))
      pairs.set(`${c.reviewer_account_id}:${c.proposal_id}`, {
        proposalId: c.proposal_id,
        reviewerAccountId: c.reviewer_account_id,
      });
  const overdue = ctx.now().getTime() > Date.parse(call.row.review_deadline);
  return {
    call: {
      key: call.row.key,
      status: call.row.status,
      reviewDeadline: call.row.review_deadline,
      reviewersPerProposal: call.row.reviewers_per_proposal,
      reviewerCap: call.row.reviewer_cap,
      reviewsRevealedAt: call.row.reviews_revealed_at,
      assignable: inReviewPhase(call.row, ctx.now()),
    },
    proposals: proposals.map((p) => ({
      id: p.id,
      title: { ja: p.title_ja, en: p.title_en },
      region: { ja: p.region_ja, en: p.region_en },
      keyField: p.key_field_key,
    })),
    reviewers: reviewers.map((r) => ({ accountId: r.id, displayName: r.display_name })),
    assignments,
    blocked: [...pairs.values()],
    progress: reviewers.map((r) => {
      const mine = assignments.filter((a) => a.reviewerAccountId === r.id);
      const submitted = mine.filter((a) => a.reviewStatus === 'submitted').length;
      return {
        accountId: r.id,
        displayName: r.display_name,
        assigned: mine.length,
        declared: mine.filter((a) => a.declaredAt !== null).length,
        submitted,
        overdue: overdue ? mine.length - submitted : 0,
      };
    }),
  };
}

/**
 * Assigns one reviewer to one proposal by hand. The pair is checked for conflicts first (findings
 * are recorded even when the assignment is then refused, so the officer sees why in the queue);
 * a blocking conflict is 409 CONFLICT_OF_INTEREST, a reviewer at their cap 409 OVER_CAPACITY.
 */
export async function assignManually(
  ctx: ServiceContext,
  key: string,
  body: ManualAssignmentBody,
): Promise<AssignmentsResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  requireReviewPhase(call.row, ctx.now(), 'Assigning reviewers');
  const [proposal] = await listSubmittedProposalParties(ctx.db, call.row.id, [body.proposalId]);
  if (!proposal)
    throw unknownReference('body.proposalId', 'submitted proposal of this call', body.proposalId);
  const entry = await findPoolEntry(ctx.db, call.row.id, body.reviewerAccountId);
  if (!entry)
    throw unknownReference('body.reviewerAccountId', "reviewer in this call's pool", body.reviewerAccountId);

  const refusal = await ctx.db.transaction().execute(async (trx) => {
    const findings = await findDetectedConflicts(trx, call.row, [body.reviewerAccountId], [body.proposalId]);
    await persistFindings(ctx, trx, call.row, findings);
    if (blockingPairs(await listCallConflicts(trx, call.row.id))(body.reviewerAccountId, body.proposalId))
      return new AppError(
        'CONFLICT_OF_INTEREST',
        `reviewer ${body.reviewerAccountId} has a conflict of interest with proposal ${body.proposalId}; an officer must dismiss it first`,
        { errors: [{ field: 'body.reviewerAccountId', message: 'conflict of interest with this proposal' }] },
      );
    const already = await trx
      .selectFrom('review_assignments')
      .select('id')
      .where('proposal_id', '=', body.proposalId)
      .where('reviewer_account_id', '=', body.reviewerAccountId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (already)
      return new AppError('DUPLICATE', 'the reviewer is already assigned to this proposal', {
        errors: [{ field: 'body.reviewerAccountId', message: 'already assigned' }],
      });
    const cap = entry.max_load ?? call.row.reviewer_cap;
    const load = await countActiveAssignments(trx, call.row.id, body.reviewerAccountId);
    if (load >= cap)
      return new AppError(
        'OVER_CAPACITY',
        `the reviewer already holds ${load} of at most ${cap} assignments`,
        {
          errors: [{ field: 'body.reviewerAccountId', message: `at the cap of ${cap}` }],
        },
      );
    const at = ctx.now().toISOString();
    const row = await trx
      .insertInto('review_assignments')
      .values({
        call_id: call.row.id,
        proposal_id: body.proposalId,
        reviewer_account_id: body.reviewerAccountId,
        method: 'manual',
        assigned_by: actorAccountId(ctx.actor),
        assigned_at: at,
        declared_at: null,
        removed_at: null,
        removed_reason: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, {
      action: 'review-assignment.create',
      entityType: 'review_assignment',
      entityId: row.id,
      after: row,
    });
    return null;
  });
  if (refusal) throw refusal;
  return listAssignments(ctx, key);
}

/** Removes an assignment; a submitted review keeps it (409): the review is on record. */
export async function unassign(ctx: ServiceContext, key: string, id: number): Promise<AssignmentsResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  requireReviewPhase(call.row, ctx.now(), 'Unassigning reviewers');
  const row = await ctx.db
    .selectFrom('review_assignments')
    .selectAll()
    .where('id', '=', id)
    .where('call_id', '=', call.row.id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('assignment', id);
  const review = await ctx.db
    .selectFrom('reviews')
    .select('status')
    .where('assignment_id', '=', id)
    .executeTakeFirst();
  if (review?.status === 'submitted')
    throw new AppError('REVIEW_LOCKED', `assignment ${id} has a submitted review and stays on record`);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('review_assignments')
      .set({ removed_at: at, removed_reason: 'unassigned by an officer' })
      .where('id', '=', id)
      .execute();
    await audit(ctx, trx, {
      action: 'review-assignment.remove',
      entityType: 'review_assignment',
      entityId: id,
      before: row,
      after: { removedAt: at, reason: 'unassigned by an officer' },
    });
  });
  return listAssignments(ctx, key);
}

/**
 * The automatic assignment: k reviewers per proposal from the pool, each under their cap (their
 * own max_load, else the request's cap), never on a blocking conflict (those recorded plus those
 * detection finds now), preferring matching expertise; existing assignments are kept and counted.
 * Preview computes and writes nothing; commit records the findings and the new assignments.
 */
export async function autoAssign(
  ctx: ServiceContext,
  key: string,
  body: AutoAssignBody,
): Promise<AutoAssignResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  requireReviewPhase(call.row, ctx.now(), 'Assigning reviewers');
  const run = async (db: typeof ctx.db) => {
    const pool = await db
      .selectFrom('call_reviewers as cr')
      .leftJoin('reviewer_profiles as rp', 'rp.account_id', 'cr.account_id')
      .select(['cr.account_id', 'cr.max_load', 'rp.key_fields_json'])
      .where('cr.call_id', '=', call.row.id)
      .orderBy('cr.account_id')
      .execute();
    const proposals = await listSubmittedProposalParties(db, call.row.id);
    const findings = await findDetectedConflicts(
      db,
      call.row,
      pool.map((p) => p.account_id),
    );
    const recorded = await listCallConflicts(db, call.row.id);
    const blockedRecorded = blockingPairs(recorded);
    // A finding already ruled on is judged by its ruling; a new one blocks until ruled.
    const ruled = new Set(recorded.map((r) => `${r.reviewer_account_id}:${r.proposal_id}:${r.kind}`));
    const conflicts = new Map<string, { reviewerId: number; proposalId: number }>();
    for (const p of proposals)
      for (const r of pool)
        if (blockedRecorded(r.account_id, p.id))
          conflicts.set(`${r.account_id}:${p.id}`, { reviewerId: r.account_id, proposalId: p.id });
    for (const f of findings)
      if (!ruled.has(`${f.reviewerId}:${f.proposalId}:${f.kind}`))
        conflicts.set(`${f.reviewerId}:${f.proposalId}`, {
          reviewerId: f.reviewerId,
          proposalId: f.proposalId,
        });
    const existing = await db
      .selectFrom('review_assignments')
      .select(['proposal_id', 'reviewer_account_id'])
      .where('call_id', '=', call.row.id)
      .where('removed_at', 'is', null)
      .execute();
    const kept = existing.filter((e) => !conflicts.has(`${e.reviewer_account_id}:${e.proposal_id}`));
    const result = assignReviewers({
      proposals: proposals.map((p) => ({ proposalId: p.id, keyField: p.keyField })),
      reviewers: pool.map((r) => ({
        reviewerId: r.account_id,
        expertise: r.key_fields_json ? (JSON.parse(r.key_fields_json) as string[]) : [],
        cap: r.max_load,
      })),
      perProposal: body.perProposal,
      defaultCap: body.cap,
      conflicts: [...conflicts.values()],
      existing: kept.map((e) => ({ reviewerId: e.reviewer_account_id, proposalId: e.proposal_id })),
      seed: body.seed,
    });
    const had = new Set(kept.map((e) => `${e.reviewer_account_id}:${e.proposal_id}`));
    return { findings, result, had };
  };

  const respond = (out: Awaited<ReturnType<typeof run>>, committed: boolean): AutoAssignResponse => ({
    committed,
    assignments: out.result.assignments.map((a) => ({
      proposalId: a.proposalId,
      reviewerAccountId: a.reviewerId,
      manual: a.manual,
      expertiseMatch: a.expertiseMatch,
      added: !out.had.has(`${a.reviewerId}:${a.proposalId}`),
    })),
    loads: out.result.loads.map((l) => ({ reviewerAccountId: l.reviewerId, load: l.load })),
    shortfalls: out.result.shortfalls,
    warnings: out.result.warnings,
    balanced: out.result.balanced,
  });

  if (!body.commit) return respond(await run(ctx.db), false);
  return ctx.db.transaction().execute(async (trx) => {
    const out = await run(trx);
    await persistFindings(ctx, trx, call.row, out.findings);
    const at = ctx.now().toISOString();
    let added = 0;
    for (const a of out.result.assignments) {
      if (out.had.has(`${a.reviewerId}:${a.proposalId}`)) continue;
      await trx
        .insertInto('review_assignments')
        .values({
          call_id: call.row.id,
          proposal_id: a.proposalId,
          reviewer_account_id: a.reviewerId,
          method: 'automatic',
          assigned_by: actorAccountId(ctx.actor),
          assigned_at: at,
          declared_at: null,
          removed_at: null,
          removed_reason: null,
        })
        .execute();
      added++;
    }
    await audit(ctx, trx, {
      action: 'review-assignment.auto',
      entityType: 'call',
      entityId: call.row.id,
      after: {
        perProposal: body.perProposal,
        cap: body.cap,
        seed: body.seed,
        added,
        shortfalls: out.result.shortfalls.length,
      },
    });
    return respond(out, true);
  });
}
