/**
 * Decisions on a call's proposals (status 'decision'): select, trial region, shortlist or reject,
 * each with a reason. Thresholds bind whatever the rank: a proposal under one is never selected
 * nor made a trial region (422 BELOW_THRESHOLD). Slots and budget bind unless an officer gives an
 * explicit override reason (409 OVER_SLOTS / OVER_BUDGET). A changed decision supersedes the old
 * row, so the history stays; every write is audited.
 */
import type {
  ApplySuggestedBody,
  ApplySuggestedResponse,
  DecisionBody,
  DecisionResponse,
} from '../../../contracts/selection-decisions';
import type { CallResults, ResultProposal } from '../../../contracts/selection-results';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { costOf } from './result.compute';
import { computeCallResults } from './result.service';
import { findCallByKey, listCurrentDecisions } from './result.repo';
import type { CallRow } from './selection.table';
import { insertDecision, lockCall, supersedeDecision } from './decision.repo';

/** The call an officer may decide on: `call:manage` and status 'decision'. */
export async function decidableCall(ctx: ServiceContext, db: Db, key: string): Promise<CallRow> {
  requirePermission(ctx.actor, 'call:manage');
  await lockCall(db, key);
  const call = await findCallByKey(db, key);
  if (!call) throw notFound('Call', key);
  if (call.status !== 'decision')
    throw new AppError(
      'INVALID_TRANSITION',
      `Call "${key}" is ${call.status}; decisions are taken while it is in the decision step`,
    );
  return call;
}

function proposalLine(results: CallResults, proposalId: number, key: string): ResultProposal {
  const line = results.proposals.find((p) => p.proposalId === proposalId);
  if (!line) throw notFound(`Submitted proposal of call ${key}`, proposalId);
  return line;
}

/** Refuses selecting (or making trial) a proposal under a threshold, naming it and each failure. */
function checkThresholdRule(line: ResultProposal, outcome: DecisionBody['outcome']): void {
  if (outcome !== 'selected' && outcome !== 'trial') return;
  if (line.thresholdFailures.length === 0) return;
  const region = line.region.en || line.region.ja;
  throw new AppError(
    'BELOW_THRESHOLD',
    `Proposal ${line.proposalId} (${region}) is under a threshold and cannot be ${outcome}: ${line.thresholdFailures.map((f) => f.message).join('; ')}`,
    { errors: [{ field: 'body.outcome', message: `proposal ${line.proposalId} is under a threshold` }] },
  );
}

/** Refuses selecting beyond the slots or the total budget unless an override reason is given. */
function checkLimits(call: CallRow, results: CallResults, line: ResultProposal, body: DecisionBody): void {
  if (body.outcome !== 'selected' || body.overrideReason !== null) return;
  const others = results.proposals.filter(
    (p) => p.proposalId !== line.proposalId && p.decision?.outcome === 'selected',
  );
  if (others.length + 1 > call.slots)
    throw new AppError(
      'OVER_SLOTS',
      `Selecting proposal ${line.proposalId} would make ${others.length + 1} selections for ${call.slots} slot(s); give an override reason to do so`,
      { errors: [{ field: 'body.overrideReason', message: 'required to select beyond the slots' }] },
    );
  if (call.total_budget_yen === null) return;
  const used = others.reduce((s, p) => s + costOf(call, p.requestedYen), 0);
  const cost = costOf(call, line.requestedYen);
  if (used + cost > call.total_budget_yen)
    throw new AppError(
      'OVER_BUDGET',
      `Selecting proposal ${line.proposalId} (¥${cost}) would use ¥${used + cost} of the ¥${call.total_budget_yen} budget; give an override reason to do so`,
      { errors: [{ field: 'body.overrideReason', message: 'required to select beyond the budget' }] },
    );
}

/** A proposal that already became a cluster keeps a funding outcome; the cluster is handled on its own page. */
function checkClusterLink(line: ResultProposal, outcome: DecisionBody['outcome']): void {
  if (line.cluster === null || outcome === 'selected' || outcome === 'trial') return;
  throw new AppError(
    'INVALID_TRANSITION',
    `Proposal ${line.proposalId} already became cluster "${line.cluster.key}"; it cannot be ${outcome} — end or withdraw the cluster instead`,
    {
      errors: [
        { field: 'body.outcome', message: `proposal ${line.proposalId} is cluster ${line.cluster.key}` },
      ],
    },
  );
}

function sameDecision(line: ResultProposal, body: DecisionBody): boolean {
  const d = line.decision;
  return (
    d !== null &&
    d.outcome === body.outcome &&
    d.reason === body.reason &&
    d.consolidatedComment === body.consolidatedComment &&
    d.overrideReason === body.overrideReason
  );
}

/** Writes a decision inside a transaction: supersedes the current one and audits both. */
async function writeDecision(
  ctx: ServiceContext,
  trx: Db,
  call: CallRow,
  line: ResultProposal,
  body: DecisionBody,
): Promise<void> {
  const at = ctx.now().toISOString();
  if (line.decision) await supersedeDecision(trx, line.decision.id, at);
  const id = await insertDecision(trx, {
    call_id: call.id,
    proposal_id: line.proposalId,
    outcome: body.outcome,
    reason: body.reason,
    consolidated_comment: body.consolidatedComment,
    override_reason: body.overrideReason,
    decided_by: actorAccountId(ctx.actor),
    decided_at: at,
    superseded_at: null,
  });
  await audit(ctx, trx, {
    action: line.decision ? 'selection.decision.change' : 'selection.decision.record',
    entityType: 'proposal_decision',
    entityId: id,
    before: line.decision,
    after: { proposalId: line.proposalId, callKey: call.key, ...body },
  });
}

/** Records (or changes) the decision on one proposal. */
export async function decideProposal(
  ctx: ServiceContext,
  key: string,
  proposalId: number,
  body: DecisionBody,
): Promise<DecisionResponse> {
  let changed = false;
  await ctx.db.transaction().execute(async (trx) => {
    const call = await decidableCall(ctx, trx, key);
    const results = await computeCallResults(ctx, trx, call);
    const line = proposalLine(results, proposalId, key);
    checkThresholdRule(line, body.outcome);
    checkClusterLink(line, body.outcome);
    if (sameDecision(line, body)) return;
    checkLimits(call, results, line, body);
    await writeDecision(ctx, trx, call, line, body);
    changed = true;
  });
  const call = (await findCallByKey(ctx.db, key))!;
  const current = (await listCurrentDecisions(ctx.db, call.id)).find((d) => d.proposalId === proposalId)!;
  return {
    proposalId,
    changed,
    decision: {
      id: current.id,
      outcome: current.outcome as DecisionBody['outcome'],
      reason: current.reason,
      consolidatedComment: current.consolidatedComment,
      overrideReason: current.overrideReason ?? null,
      decidedAt: current.decidedAt,
      decidedBy:
        current.decidedBy === null ? null : { id: current.decidedBy, name: current.decidedByName ?? '' },
    },
  };
}

/**
 * Selects every proposal `selectWithinLimits` suggests that has no decision yet. A tie at the
 * cut-off is left for the officer, and a proposal an officer already decided is kept as decided.
 */
export async function applySuggestedSelection(
  ctx: ServiceContext,
  key: string,
  body: ApplySuggestedBody,
): Promise<ApplySuggestedResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const call = await decidableCall(ctx, trx, key);
    const results = await computeCallResults(ctx, trx, call);
    const applied: number[] = [];
    const kept: number[] = [];
    for (const id of results.limits!.suggested.selected) {
      const line = proposalLine(results, id, key);
      if (line.decision) {
        kept.push(id);
        continue;
      }
      await writeDecision(ctx, trx, call, line, {
        outcome: 'selected',
        reason: body.reason,
        consolidatedComment: body.consolidatedComment,
        overrideReason: null,
      });
      applied.push(id);
    }
    return { applied, kept, tieAtCutoff: results.limits!.suggested.decisionNeeded?.proposalIds ?? [] };
  });
}
