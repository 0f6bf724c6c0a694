/**
 * The consensus step: officers, as moderators, see where reviewers disagree (the call's range and
 * SD limits, src/domain/selection/disagreement.ts) and record an agreed score and comment per
 * criterion. Individual review scores are never changed; the agreed score sits beside them in
 * consensus_scores and the ranking uses it for that criterion.
 */
import type {
  ConsensusListResponse,
  ConsensusProposalResponse,
  ConsensusScoreBody,
} from '../../../contracts/selection-reviews';
import { ConsensusScoreBody as ScoreBody } from '../../../contracts/selection-reviews';
import { measureDisagreement } from '../../../domain/selection/disagreement';
import { validateScore, weightedScore } from '../../../domain/selection/scoring';
import type { ServiceContext } from '../../context';
import { AppError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { loadCall, requireModerationPhase, reviewerLabel, type ReviewCall } from './review.call';
import { listSubmittedReviews, type ScoredReview } from './review.repo';

function disagreementOf(call: ReviewCall, reviews: ScoredReview[]) {
  return measureDisagreement(
    reviews.map((r) => ({
      reviewerId: r.reviewerAccountId,
      scores: Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, v.score])),
    })),
    call.weighted,
    { range: call.disagreement.maxRange, sd: call.disagreement.maxSd },
  );
}

export async function listConsensus(ctx: ServiceContext, key: string): Promise<ConsensusListResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  const [proposals, reviews, assigned, agreed] = await Promise.all([
    ctx.db
      .selectFrom('proposals')
      .select(['id', 'title_ja', 'title_en'])
      .where('call_id', '=', call.row.id)
      .where('status', '=', 'submitted')
      .orderBy('id')
      .execute(),
    listSubmittedReviews(ctx.db, call.row.id),
    ctx.db
      .selectFrom('review_assignments')
      .select(['proposal_id', (e) => e.fn.countAll().as('n')])
      .where('call_id', '=', call.row.id)
      .where('removed_at', 'is', null)
      .groupBy('proposal_id')
      .execute(),
    ctx.db
      .selectFrom('consensus_scores as cs')
      .innerJoin('proposals as p', 'p.id', 'cs.proposal_id')
      .select(['cs.proposal_id', 'cs.criterion_key'])
      .where('p.call_id', '=', call.row.id)
      .execute(),
  ]);
  const assignedOf = new Map(assigned.map((a) => [a.proposal_id, Number(a.n)]));
  return {
    proposals: proposals.map((p) => {
      const mine = reviews.filter((r) => r.proposalId === p.id);
      const d = disagreementOf(call, mine);
      return {
        id: p.id,
        title: { ja: p.title_ja, en: p.title_en },
        submittedReviews: mine.length,
        assignedReviews: assignedOf.get(p.id) ?? 0,
        flagged: d.flagged,
        flaggedCriteria: [...new Set(d.flags.filter((f) => f.criterion !== null).map((f) => f.criterion!))],
        agreedCriteria: agreed.filter((a) => a.proposal_id === p.id).map((a) => a.criterion_key),
      };
    }),
  };
}

async function loadProposal(ctx: ServiceContext, call: ReviewCall, proposalId: number) {
  const p = await ctx.db
    .selectFrom('proposals')
    .select(['id', 'title_ja', 'title_en'])
    .where('id', '=', proposalId)
    .where('call_id', '=', call.row.id)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (!p) throw notFound('proposal', proposalId);
  return p;
}

export async function getConsensus(
  ctx: ServiceContext,
  key: string,
  proposalId: number,
): Promise<ConsensusProposalResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  const p = await loadProposal(ctx, call, proposalId);
  const [reviews, agreed] = await Promise.all([
    listSubmittedReviews(ctx.db, call.row.id, proposalId),
    ctx.db.selectFrom('consensus_scores').selectAll().where('proposal_id', '=', proposalId).execute(),
  ]);
  const d = disagreementOf(call, reviews);
  return {
    proposal: { id: p.id, title: { ja: p.title_ja, en: p.title_en } },
    criteria: call.criteria,
    scale: call.scale,
    reviews: reviews.map((r, i) => ({
      label: reviewerLabel(i),
      reviewerAccountId: r.reviewerAccountId,
      displayName: r.displayName,
      scores: r.scores,
      weighted: weightedScore(
        Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, v.score])),
        call.weighted,
      ),
      overallComment: r.overallComment,
    })),
    disagreement: {
      flagged: d.flagged,
      criteria: Object.fromEntries(
        Object.entries(d.criteria).map(([k, s]) => [
          k,
          s && { count: s.count, min: s.min, max: s.max, range: s.range, sd: s.populationSd },
        ]),
      ),
      flags: d.flags.map((f) => ({
        criterion: f.criterion,
        measure: f.measure,
        value: f.value,
        limit: f.limit,
        message: f.message,
      })),
    },
    consensus: Object.fromEntries(
      agreed.map((a) => [
        a.criterion_key,
        {
          score: Number(a.score),
          comment: a.comment,
          moderatorAccountId: a.moderator_account_id,
          recordedAt: a.recorded_at,
        },
      ]),
    ),
  };
}

function requireCriterion(call: ReviewCall, criterion: string): void {
  if (!call.weighted.some((c) => c.key === criterion))
    throw new AppError('NOT_FOUND', `the call has no criterion ${criterion}`, {
      errors: [{ field: 'params.criterion', message: 'unknown criterion' }],
    });
}

/** Records or replaces the agreed score of one criterion (on the call's scale); audited. */
export async function putConsensusScore(
  ctx: ServiceContext,
  key: string,
  proposalId: number,
  criterion: string,
  input: ConsensusScoreBody,
): Promise<ConsensusProposalResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const body = ScoreBody.parse(input);
  const call = await loadCall(ctx.db, key);
  await loadProposal(ctx, call, proposalId);
  requireCriterion(call, criterion);
  requireModerationPhase(call.row, ctx.now(), 'Recording a consensus score');
  const problem = validateScore(criterion, body.score, call.scale);
  if (problem)
    throw new AppError('RULE_VIOLATION', problem.message, {
      errors: [{ field: 'body.score', message: problem.message }],
    });
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('consensus_scores')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .where('criterion_key', '=', criterion)
      .executeTakeFirst();
    const values = {
      score: body.score,
      comment: body.comment?.trim() ? body.comment.trim() : null,
      moderator_account_id: actorAccountId(ctx.actor),
      recorded_at: at,
    };
    if (before)
      await trx
        .updateTable('consensus_scores')
        .set(values)
        .where('proposal_id', '=', proposalId)
        .where('criterion_key', '=', criterion)
        .execute();
    else
      await trx
        .insertInto('consensus_scores')
        .values({ proposal_id: proposalId, criterion_key: criterion, ...values })
        .execute();
    await audit(ctx, trx, {
      action: before ? 'consensus.update' : 'consensus.create',
      entityType: 'consensus_score',
      entityId: `${proposalId}:${criterion}`,
      before: before ?? null,
      after: { proposalId, criterion, ...values },
    });
  });
  return getConsensus(ctx, key, proposalId);
}

export async function deleteConsensusScore(
  ctx: ServiceContext,
  key: string,
  proposalId: number,
  criterion: string,
): Promise<ConsensusProposalResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  await loadProposal(ctx, call, proposalId);
  requireCriterion(call, criterion);
  requireModerationPhase(call.row, ctx.now(), 'Removing a consensus score');
  const before = await ctx.db
    .selectFrom('consensus_scores')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .where('criterion_key', '=', criterion)
    .executeTakeFirst();
  if (!before) throw notFound('consensus score', `${proposalId}:${criterion}`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('consensus_scores')
      .where('proposal_id', '=', proposalId)
      .where('criterion_key', '=', criterion)
      .execute();
    await audit(ctx, trx, {
      action: 'consensus.delete',
      entityType: 'consensus_score',
      entityId: `${proposalId}:${criterion}`,
      before,
    });
  });
  return getConsensus(ctx, key, proposalId);
}
