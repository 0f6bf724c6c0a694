/**
 * The reviewer's side: their assignments and reminders, the declaration of conflicts before the
 * proposal opens, the proposal itself with its attachments, and the review (draft, then submitted
 * and locked). A reviewer only ever reaches their own, unconflicted, active assignments: anything
 * else is 404, so they cannot learn that a proposal or another reviewer's assignment exists.
 * Other reviewers appear only as "Reviewer A/B/C", after the own submission and the officer's reveal.
 */
import path from 'node:path';
import type {
  DeclareBody,
  DeclareResponse,
  MyAssignment,
  MyAssignmentsResponse,
  MyReviewResponse,
  RemindersResponse,
  ReviewDraftBody,
  ReviewProposalResponse,
} from '../../../contracts/selection-reviews';
import { ReviewDraftBody as DraftBody } from '../../../contracts/selection-reviews';
import { BudgetPlanYear, Narratives, Participant } from '../../../contracts/selection-common';
import { validateReviewScores } from '../../../domain/selection/scoring';
import type { ServiceContext } from '../../context';
import { AppError, type FieldError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { isPairBlocked, removeBlockedAssignments } from './conflict.service';
import {
  loadCall,
  parseCall,
  requireModerationPhase,
  requireReviewPhase,
  reviewerLabel,
  type ReviewCall,
} from './review.call';
import { findReviewOfAssignment, listScores, listSubmittedReviews, replaceScores } from './review.repo';
import type { ReviewAssignmentRow } from './selection.table';

function accountIdOf(ctx: ServiceContext): number {
  requirePermission(ctx.actor, 'review:submit');
  if (ctx.actor.kind !== 'account') throw new AppError('FORBIDDEN', 'Only a reviewer account reviews');
  return ctx.actor.accountId;
}

/** The actor's own active, unconflicted assignment with its call; 404 for anything else. */
async function loadMyAssignment(
  ctx: ServiceContext,
  id: number,
): Promise<{ assignment: ReviewAssignmentRow; call: ReviewCall }> {
  const me = accountIdOf(ctx);
  const assignment = await ctx.db
    .selectFrom('review_assignments')
    .selectAll()
    .where('id', '=', id)
    .where('reviewer_account_id', '=', me)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!assignment || (await isPairBlocked(ctx.db, assignment.call_id, me, assignment.proposal_id)))
    throw notFound('assignment', id);
  const row = await ctx.db
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', assignment.call_id)
    .executeTakeFirstOrThrow();
  return { assignment, call: parseCall(row) };
}

function requireDeclared(a: ReviewAssignmentRow): void {
  if (a.declared_at === null)
    throw new AppError(
      'DECLARATION_REQUIRED',
      `declare your conflicts of interest with this proposal (or that you have none) before opening it`,
    );
}

export async function listMyAssignments(ctx: ServiceContext): Promise<MyAssignmentsResponse> {
  const me = accountIdOf(ctx);
  const rows = await ctx.db
    .selectFrom('review_assignments as ra')
    .innerJoin('calls as c', 'c.id', 'ra.call_id')
    .innerJoin('proposals as p', 'p.id', 'ra.proposal_id')
    .leftJoin('reviews as r', 'r.assignment_id', 'ra.id')
    .select([
      'ra.id',
      'ra.call_id',
      'ra.proposal_id',
      'ra.declared_at',
      'c.key',
      'c.title_ja as call_ja',
      'c.title_en as call_en',
      'c.review_deadline',
      'p.title_ja',
      'p.title_en',
      'p.region_ja',
      'p.region_en',
      'r.status as review_status',
    ])
    .where('ra.reviewer_account_id', '=', me)
    .where('ra.removed_at', 'is', null)
    .orderBy('c.review_deadline')
    .orderBy('ra.id')
    .execute();
  const now = ctx.now().getTime();
  const out: MyAssignment[] = [];
  for (const r of rows) {
    if (await isPairBlocked(ctx.db, r.call_id, me, r.proposal_id)) continue;
    const status: MyAssignment['status'] =
      r.declared_at === null
        ? 'to_declare'
        : r.review_status === 'submitted'
          ? 'submitted'
          : r.review_status === 'draft'
            ? 'draft'
            : 'to_review';
    out.push({
      id: r.id,
      call: { key: r.key, title: { ja: r.call_ja, en: r.call_en } },
      proposal: {
        id: r.proposal_id,
        title: { ja: r.title_ja, en: r.title_en },
        region: { ja: r.region_ja, en: r.region_en },
      },
      due: r.review_deadline,
      overdue: status !== 'submitted' && now > Date.parse(r.review_deadline),
      declared: r.declared_at !== null,
      status,
    });
  }
  return { assignments: out };
}

export async function getMyReminders(ctx: ServiceContext): Promise<RemindersResponse> {
  const { assignments } = await listMyAssignments(ctx);
  const pending = assignments.filter((a) => a.status !== 'submitted');
  return {
    pending,
    overdue: pending.filter((a) => a.overdue).length,
    nextDue: pending.map((a) => a.due).sort()[0] ?? null,
  };
}

/**
 * The declaration before the proposal opens: no conflict (the proposal opens), or a conflict of
 * a kind with a detail — recorded for an officer's ruling, and the assignment is removed at once
 * (a declared conflict blocks until dismissed). Declared once per assignment.
 */
export async function declare(ctx: ServiceContext, id: number, body: DeclareBody): Promise<DeclareResponse> {
  const { assignment, call } = await loadMyAssignment(ctx, id);
  if (assignment.declared_at !== null)
    throw new AppError('INVALID_TRANSITION', `you declared on this assignment at ${assignment.declared_at}`);
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('review_assignments').set({ declared_at: at }).where('id', '=', id).execute();
    await audit(ctx, trx, {
      action: 'review-assignment.declare',
      entityType: 'review_assignment',
      entityId: id,
      after: body.conflict
        ? { declaredAt: at, conflict: true, kind: body.kind }
        : { declaredAt: at, conflict: false },
    });
    if (!body.conflict) return { declaredAt: at, removed: false };
    const existing = await trx
      .selectFrom('conflicts')
      .selectAll()
      .where('proposal_id', '=', assignment.proposal_id)
      .where('reviewer_account_id', '=', assignment.reviewer_account_id)
      .where('kind', '=', body.kind)
      .executeTakeFirst();
    if (existing) {
      // The reviewer's own word reopens a finding an officer had dismissed.
      await trx
        .updateTable('conflicts')
        .set({
          origin: 'declared',
          detail: body.detail,
          status: 'pending',
          ruled_by: null,
          ruled_at: null,
          ruling_note: null,
        })
        .where('id', '=', existing.id)
        .execute();
      await audit(ctx, trx, {
        action: 'conflict.declare',
        entityType: 'conflict',
        entityId: existing.id,
        before: existing,
        after: { origin: 'declared', detail: body.detail, status: 'pending' },
      });
    } else {
      const row = await trx
        .insertInto('conflicts')
        .values({
          call_id: assignment.call_id,
          proposal_id: assignment.proposal_id,
          reviewer_account_id: assignment.reviewer_account_id,
          kind: body.kind,
          origin: 'declared',
          detail: body.detail,
          status: 'pending',
          created_at: at,
          ruled_by: null,
          ruled_at: null,
          ruling_note: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(ctx, trx, {
        action: 'conflict.declare',
        entityType: 'conflict',
        entityId: row.id,
        after: row,
      });
    }
    await removeBlockedAssignments(ctx, trx, call.row);
    return { declaredAt: at, removed: true };
  });
}

export async function getReviewProposal(ctx: ServiceContext, id: number): Promise<ReviewProposalResponse> {
  const { assignment } = await loadMyAssignment(ctx, id);
  requireDeclared(assignment);
  const p = await ctx.db
    .selectFrom('proposals')
    .selectAll()
    .where('id', '=', assignment.proposal_id)
    .executeTakeFirstOrThrow();
  const attachments = await ctx.db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_type', '=', 'proposal')
    .where('owner_id', '=', p.id)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
  return {
    id: p.id,
    title: { ja: p.title_ja, en: p.title_en },
    region: { ja: p.region_ja, en: p.region_en },
    prefectures: JSON.parse(p.prefectures_json) as string[],
    keyField: p.key_field_key,
    headquartersPlan: p.headquarters_plan,
    participants: Participant.array().parse(JSON.parse(p.participants_json)),
    narratives: Narratives.parse(JSON.parse(p.narratives_json)),
    budgetPlan: BudgetPlanYear.array().parse(JSON.parse(p.budget_plan_json)),
    attachments: attachments.map((a) => ({
      id: a.id,
      documentKey: a.document_key,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: Number(a.size_bytes),
      sha256: a.sha256,
    })),
  };
}

/** Where an attachment of the reviewed proposal lies under the data dir (never outside it). */
export async function locateReviewAttachment(
  ctx: ServiceContext,
  id: number,
  attachmentId: number,
  dataDir: string,
): Promise<{ file: string; fileName: string; mediaType: string; sizeBytes: number }> {
  const { assignment } = await loadMyAssignment(ctx, id);
  requireDeclared(assignment);
  const a = await ctx.db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('owner_type', '=', 'proposal')
    .where('owner_id', '=', assignment.proposal_id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!a) throw notFound('attachment', attachmentId);
  const root = path.resolve(dataDir);
  const file = path.resolve(root, a.storage_key);
  if (!file.startsWith(root + path.sep)) throw notFound('attachment', attachmentId);
  return { file, fileName: a.file_name, mediaType: a.media_type, sizeBytes: Number(a.size_bytes) };
}

export async function getMyReview(ctx: ServiceContext, id: number): Promise<MyReviewResponse> {
  const { assignment, call } = await loadMyAssignment(ctx, id);
  requireDeclared(assignment);
  const review = await findReviewOfAssignment(ctx.db, id);
  const scores: MyReviewResponse['scores'] = {};
  if (review)
    for (const s of await listScores(ctx.db, review.id))
      scores[s.criterion_key] = { score: Number(s.score), comment: s.comment };
  const revealed = call.row.reviews_revealed_at !== null;
  let others: MyReviewResponse['others'] = null;
  if (revealed && review?.status === 'submitted') {
    const all = await listSubmittedReviews(ctx.db, call.row.id, assignment.proposal_id);
    others = all
      .map((r, i) => ({ r, label: reviewerLabel(i) }))
      .filter(({ r }) => r.assignmentId !== id)
      .map(({ r, label }) => ({ label, scores: r.scores, overallComment: r.overallComment }));
  }
  return {
    assignmentId: id,
    status: review?.status === 'submitted' ? 'submitted' : 'draft',
    version: review?.version ?? null,
    submittedAt: review?.submitted_at ?? null,
    due: call.row.review_deadline,
    criteria: call.criteria,
    scale: call.scale,
    scores,
    overallComment: review?.overall_comment ?? null,
    others,
    revealed,
  };
}

/** Every problem with the scores and comments, naming body.scores.<criterion> / body.comments.<criterion>. */
function problemsOf(call: ReviewCall, body: ReviewDraftBody, complete: boolean): FieldError[] {
  const parsed = DraftBody.parse(body);
  const errors: FieldError[] = validateReviewScores(parsed.scores, call.weighted, call.scale, {
    complete,
  }).map((p) => ({
    field: `body.scores.${p.criterion}`,
    message: p.message,
  }));
  const known = new Set(call.weighted.map((c) => c.key));
  for (const key of Object.keys(parsed.comments))
    if (!known.has(key))
      errors.push({ field: `body.comments.${key}`, message: `The call has no criterion ${key}` });
  return errors;
}

/** Saves (draft) or submits the review; a submitted review is locked (409 REVIEW_LOCKED). */
async function writeReview(
  ctx: ServiceContext,
  id: number,
  body: ReviewDraftBody,
  submit: boolean,
): Promise<MyReviewResponse> {
  const { assignment, call } = await loadMyAssignment(ctx, id);
  requireDeclared(assignment);
  const current = await findReviewOfAssignment(ctx.db, id);
  if (current?.status === 'submitted')
    throw new AppError('REVIEW_LOCKED', `this review was submitted at ${current.submitted_at} and is locked`);
  requireReviewPhase(call.row, ctx.now(), 'Reviewing');
  const parsed = DraftBody.parse(body);
  const errors = problemsOf(call, body, submit);
  if (errors.length > 0)
    throw new AppError(
      'RULE_VIOLATION',
      submit
        ? 'The review cannot be submitted: ' + errors.map((e) => e.message).join('; ')
        : errors.map((e) => e.message).join('; '),
      { errors },
    );
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await findReviewOfAssignment(trx, id);
    if (existing?.status === 'submitted')
      throw new AppError(
        'REVIEW_LOCKED',
        `this review was submitted at ${existing.submitted_at} and is locked`,
      );
    const status = submit ? 'submitted' : 'draft';
    let reviewId: number;
    if (existing) {
      reviewId = existing.id;
      await trx
        .updateTable('reviews')
        .set((eb) => ({
          status,
          overall_comment: parsed.overallComment,
          submitted_at: submit ? at : null,
          updated_at: at,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', existing.id)
        .where('status', '=', 'draft')
        .execute();
    } else {
      const row = await trx
        .insertInto('reviews')
        .values({
          assignment_id: id,
          call_id: assignment.call_id,
          proposal_id: assignment.proposal_id,
          reviewer_account_id: assignment.reviewer_account_id,
          status,
          overall_comment: parsed.overallComment,
          submitted_at: submit ? at : null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      reviewId = row.id;
    }
    await replaceScores(trx, reviewId, parsed.scores, parsed.comments);
    await audit(ctx, trx, {
      action: submit ? 'review.submit' : existing ? 'review.update' : 'review.create',
      entityType: 'review',
      entityId: reviewId,
      after: { status, scores: parsed.scores, overallComment: parsed.overallComment },
    });
  });
  return getMyReview(ctx, id);
}

export function saveReviewDraft(
  ctx: ServiceContext,
  id: number,
  body: ReviewDraftBody,
): Promise<MyReviewResponse> {
  return writeReview(ctx, id, body, false);
}

export function submitReview(
  ctx: ServiceContext,
  id: number,
  body: ReviewDraftBody,
): Promise<MyReviewResponse> {
  return writeReview(ctx, id, body, true);
}

/** The officer reveals reviews: from now on a reviewer who has submitted sees the others' scores. */
export async function revealReviews(
  ctx: ServiceContext,
  key: string,
): Promise<{ reviewsRevealedAt: string }> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  if (call.row.reviews_revealed_at !== null) return { reviewsRevealedAt: call.row.reviews_revealed_at };
  requireModerationPhase(call.row, ctx.now(), 'Revealing reviews');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('calls')
      .set({ reviews_revealed_at: at, updated_at: at })
      .where('id', '=', call.row.id)
      .execute();
    await audit(ctx, trx, {
      action: 'call.reveal-reviews',
      entityType: 'call',
      entityId: call.row.id,
      before: { reviewsRevealedAt: null },
      after: { reviewsRevealedAt: at },
    });
  });
  return { reviewsRevealedAt: at };
}
