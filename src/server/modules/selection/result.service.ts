/**
 * The results of a call for its three audiences. Officers (`call:read-unpublished`) see everything
 * at any status. The proposer and the public see nothing until the call is published (the call is
 * then "not found" to them, so its existence before publication leaks nothing); afterwards the
 * proposer sees its own proposals only — figures per criterion, rank, decision, reason, comment and
 * reviewers' comments under "Reviewer 1/2/3", never a name — and the public sees only who was
 * selected or made a trial region, never scores.
 */
import type {
  CallResults,
  ProposalResult,
  PublicCallSelection,
  PublicSelectionList,
  ResultAudience,
  ResultProposal,
} from '../../../contracts/selection-results';
import { proposerOrganizationIds } from '../../../domain/permissions';
import type { Db, ServiceContext } from '../../context';
import { notFound } from '../../http/app-error';
import { requirePermission } from '../auth/authorize';
import { computeResults } from './result.compute';
import {
  findCallById,
  findCallByKey,
  listPublishedCalls,
  listCallConflicts,
  listConsensus,
  listCurrentDecisions,
  listReviewScores,
  listSubmittedProposals,
  listSubmittedReviews,
} from './result.repo';
import type { CallRow } from './selection.table';

/** Loads and computes the full (officer) results of a call; no permission check — callers check. */
export async function computeCallResults(ctx: ServiceContext, db: Db, call: CallRow): Promise<CallResults> {
  const [proposals, reviews, conflicts, decisions] = await Promise.all([
    listSubmittedProposals(db, call.id),
    listSubmittedReviews(db, call.id),
    listCallConflicts(db, call.id),
    listCurrentDecisions(db, call.id),
  ]);
  const [scores, consensus] = await Promise.all([
    listReviewScores(
      db,
      reviews.map((r) => r.reviewId),
    ),
    listConsensus(
      db,
      proposals.map((p) => p.id),
    ),
  ]);
  return computeResults(
    { call, proposals, reviews, scores, conflicts, consensus, decisions },
    ctx.now().toISOString(),
  );
}

/** The proposer's view of one of its proposals: no names, no other proposals, no officer notes. */
function forProposer(p: ResultProposal): ResultProposal {
  return {
    ...p,
    tiedWith: [],
    excludedConflictedReviews: 0,
    reviewers: p.reviewers.map((r) => ({
      ...r,
      reviewerAccountId: null,
      reviewerName: null,
      weighted: null,
      weightedSum: null,
      weightSum: null,
      scores: r.scores.map((s) => ({ ...s, score: null, used: null })),
      submittedAt: null,
    })),
    criteria: p.criteria.map((c) => ({ ...c, spread: null })),
    overallSpread: null,
    disagreementFlags: [],
    selection: null,
    decision: p.decision && { ...p.decision, overrideReason: null, decidedBy: null },
  };
}

/** The public view: who was selected, nothing of how. */
function forPublic(p: ResultProposal): ResultProposal {
  return {
    ...forProposer(p),
    rank: null,
    rankLabel: null,
    rankIgnoringThresholds: null,
    decidedByCriterion: null,
    score: null,
    reviewCount: 0,
    criteria: [],
    consensusCriteria: [],
    reviewers: [],
    thresholdFailures: [],
    decision: p.decision && {
      ...p.decision,
      reason: '',
      consolidatedComment: null,
      overrideReason: null,
      decidedBy: null,
    },
  };
}

async function visibleCall(ctx: ServiceContext, callKey: string, audience: ResultAudience): Promise<CallRow> {
  const call = await findCallByKey(ctx.db, callKey);
  if (audience === 'officer') {
    requirePermission(ctx.actor, 'call:read-unpublished');
    if (!call) throw notFound('Call', callKey);
    return call;
  }
  if (audience === 'proposer') requirePermission(ctx.actor, 'proposal:edit');
  if (!call || call.status !== 'published') throw notFound('Call', callKey);
  return call;
}

/**
 * The results of a call for an audience: 'officer' (needs `call:read-unpublished`), 'proposer'
 * (needs `proposal:edit`; own organizations' proposals, after publication) or 'public' (after
 * publication; selected and trial regions only). 404 when the audience may not see the call.
 */
export async function getCallResults(
  ctx: ServiceContext,
  callKey: string,
  options: { audience: ResultAudience },
): Promise<CallResults> {
  const call = await visibleCall(ctx, callKey, options.audience);
  const full = await computeCallResults(ctx, ctx.db, call);
  if (options.audience === 'officer') return full;
  if (options.audience === 'proposer') {
    const own = new Set(proposerOrganizationIds(ctx.actor));
    return {
      ...full,
      audience: 'proposer',
      limits: null,
      proposals: full.proposals.filter((p) => own.has(p.proposerOrganization.id)).map(forProposer),
    };
  }
  return {
    ...full,
    audience: 'public',
    limits: null,
    proposals: full.proposals
      .filter((p) => p.decision?.outcome === 'selected' || p.decision?.outcome === 'trial')
      .map(forPublic),
  };
}

/** One proposal's published result for its proposer; 404 for anyone else's or before publication. */
export async function getProposalResult(ctx: ServiceContext, proposalId: number): Promise<ProposalResult> {
  requirePermission(ctx.actor, 'proposal:edit');
  const proposal = await ctx.db
    .selectFrom('proposals')
    .select(['id', 'call_id', 'proposer_organization_id'])
    .where('id', '=', proposalId)
    .executeTakeFirst();
  const own = proposerOrganizationIds(ctx.actor);
  if (!proposal || !own.includes(proposal.proposer_organization_id)) throw notFound('Proposal', proposalId);
  const call = await findCallById(ctx.db, proposal.call_id);
  // Before publication the proposal is the proposer's own, but its result does not exist yet.
  if (!call || call.status !== 'published') throw notFound('Published result of proposal', proposalId);
  const full = await computeCallResults(ctx, ctx.db, call);
  const line = full.proposals.find((p) => p.proposalId === proposalId);
  if (!line) throw notFound('Published result of proposal', proposalId);
  return {
    call: full.call,
    criteria: full.criteria,
    proposal: forProposer(line),
    rankedCount: full.proposals.filter((p) => p.group === line.group && p.rank !== null).length,
  };
}

function toPublicSelection(full: CallResults, call: CallRow): PublicCallSelection {
  return {
    key: call.key,
    fiscalYear: call.fiscal_year,
    stage: call.stage,
    title: { ja: call.title_ja, en: call.title_en },
    description: { ja: call.description_ja ?? '', en: call.description_en ?? '' },
    publishedAt: call.published_at ?? '',
    isDemo: Number(call.is_demo) === 1,
    proposalCount: full.proposals.length,
    regions: full.proposals.flatMap((p) => {
      const outcome = p.decision?.outcome;
      if (outcome !== 'selected' && outcome !== 'trial') return [];
      return [
        {
          proposalId: p.proposalId,
          outcome,
          region: p.region,
          title: p.title,
          coreOrganization: p.coreOrganization?.name ?? null,
          keyFieldKey: p.keyFieldKey,
          prefectures: p.prefectures,
          cluster: p.cluster ? { key: p.cluster.key } : null,
        },
      ];
    }),
  };
}

/** Every published (real, not demo) call with its selected and trial regions, newest first. Anyone may read it. */
export async function listPublicSelection(ctx: ServiceContext): Promise<PublicSelectionList> {
  requirePermission(ctx.actor, 'published:read');
  const calls = await listPublishedCalls(ctx.db);
  const items: PublicCallSelection[] = [];
  for (const call of calls) items.push(toPublicSelection(await computeCallResults(ctx, ctx.db, call), call));
  return { items };
}

/** One published call's selected and trial regions; 404 before publication. */
export async function getPublicSelection(ctx: ServiceContext, callKey: string): Promise<PublicCallSelection> {
  requirePermission(ctx.actor, 'published:read');
  const call = await visibleCall(ctx, callKey, 'public');
  return toPublicSelection(await computeCallResults(ctx, ctx.db, call), call);
}
