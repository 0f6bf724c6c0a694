/**
 * The coordinators' pipeline: a coordinator proposes a seed × need match (both live), each side
 * answers with an expression of interest or declines, then the coordinator records the dated
 * steps to sales (src/domain/match-pipeline.ts decides which step may follow), linking the
 * outcome items each produced. Every write is audited and moves the match's board column.
 */
import type {
  AnswerMatchBody,
  CloseMatchBody,
  CoordinatorSummary,
  CoordinatorSummaryQuery,
  Match,
  MatchBoard,
  MatchListQuery,
  ProposeMatchBody,
  RecordStepBody,
} from '../../../contracts/matches';
import {
  ProposeMatchBody as ProposeSchema,
  RecordStepBody as RecordStepSchema,
} from '../../../contracts/matches';
import { isLive, type ListingStatus } from '../../../domain/listing-lifecycle';
import {
  MATCH_STAGES,
  type PipelineStep,
  refuseStep,
  stageOf,
  type StepRefusal,
} from '../../../domain/match-pipeline';
import { headquartersClusterIds, partnerCompanyOrganizationIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError, type FieldError, notFound, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { isCoordinator, todayInJapan } from './listing-access';
import { findNeed, findOutcomeItems, findSeed } from './listing.repo';
import {
  findMatch,
  findMatchByPair,
  insertMatch,
  insertStep,
  linkStepOutcomeItems,
  listMatches,
  type MatchWithParties,
  stepOutcomeItems,
  stepsForSummary,
  stepsOf,
  updateMatchAtVersion,
} from './match.repo';
import { answerableSides, stateOf, toMatch, toMatchCard } from './match.presenter';
import { explainPair } from './matching-index.service';
import type { MatchRow } from './matching.table';
import { recordJointResearchFunding } from './joint-research-funding';

function invalid(
  code: 'VALIDATION_FAILED' | 'RULE_VIOLATION' | 'INVALID_TRANSITION',
  errors: FieldError[],
): AppError {
  return new AppError(code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

/** Whether the actor is a party to the match (its cluster's headquarters or its company) or a coordinator. */
function mayRead(ctx: ServiceContext, row: MatchWithParties): boolean {
  return (
    isCoordinator(ctx) ||
    headquartersClusterIds(ctx.actor).includes(row.seed_cluster_id) ||
    partnerCompanyOrganizationIds(ctx.actor).includes(row.need_organization_id)
  );
}

/** Readers of the pipeline: coordinators, headquarters and partner companies (their own matches). */
function requireMatchReader(ctx: ServiceContext): void {
  if (isCoordinator(ctx)) return;
  if (headquartersClusterIds(ctx.actor).length > 0 || partnerCompanyOrganizationIds(ctx.actor).length > 0)
    return;
  requirePermission(ctx.actor, 'matching:coordinate');
}

async function present(ctx: ServiceContext, id: number): Promise<Match> {
  const row = (await findMatch(ctx.db, id))!;
  const steps = (await stepsOf(ctx.db, [id])).get(id) ?? [];
  const items = await stepOutcomeItems(
    ctx.db,
    steps.map((s) => s.id),
  );
  return toMatch(ctx, row, steps, items);
}

async function loadReadableMatch(ctx: ServiceContext, id: number): Promise<MatchWithParties> {
  requireMatchReader(ctx);
  const row = await findMatch(ctx.db, id);
  if (!row || !mayRead(ctx, row)) throw notFound('match', id);
  return row;
}

export async function getMatch(ctx: ServiceContext, id: number): Promise<Match> {
  await loadReadableMatch(ctx, id);
  return present(ctx, id);
}

/** A coordinator proposes a match between a live seed and a live need; one match per pair. */
export async function proposeMatch(ctx: ServiceContext, input: ProposeMatchBody): Promise<Match> {
  requirePermission(ctx.actor, 'matching:coordinate');
  const body = ProposeSchema.parse(input);
  const [seed, need] = await Promise.all([findSeed(ctx.db, body.seedId), findNeed(ctx.db, body.needId)]);
  const today = todayInJapan(ctx);
  const errors: FieldError[] = [];
  if (!seed) errors.push({ field: 'body.seedId', message: `no seed ${body.seedId}` });
  if (!need) errors.push({ field: 'body.needId', message: `no need ${body.needId}` });
  if (errors.length > 0)
    throw new AppError('UNKNOWN_REFERENCE', errors.map((e) => e.message).join('; '), { errors });
  if (!isLive(seed!.status as ListingStatus, seed!.expires_on, today))
    errors.push({ field: 'body.seedId', message: 'the seed is not published or has expired' });
  if (!isLive(need!.status as ListingStatus, need!.expires_on, today))
    errors.push({ field: 'body.needId', message: 'the need is not published or has expired' });
  if (errors.length > 0) throw invalid('RULE_VIOLATION', errors);
  const existing = await findMatchByPair(ctx.db, seed!.id, need!.id);
  if (existing)
    throw new AppError(
      'DUPLICATE',
      `seed ${seed!.id} and need ${need!.id} are already matched (match ${existing.id})`,
      {
        errors: [{ field: 'body.needId', message: `already matched as match ${existing.id}` }],
      },
    );
  const explanation = await explainPair(ctx.db, seed!, need!);
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertMatch(trx, {
      seed_id: seed!.id,
      need_id: need!.id,
      note: body.note,
      explanation_json: explanation ? JSON.stringify(explanation) : null,
      proposed_by: actorAccountId(ctx.actor)!,
      seed_answer: 'pending',
      need_answer: 'pending',
      stage: 'proposed',
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, { action: 'match.propose', entityType: 'match', entityId: row.id, after: row });
    return row.id;
  });
  return present(ctx, id);
}

function checkVersion(row: MatchRow, version: number): void {
  if (row.version !== version) throw versionConflict('match', row.id, row.version);
}

/** One side answers: interested (with the three questions) or declined; a coordinator may record it on its behalf. */
export async function answerMatch(ctx: ServiceContext, id: number, body: AnswerMatchBody): Promise<Match> {
  const row = await loadReadableMatch(ctx, id);
  const steps = (await stepsOf(ctx.db, [id])).get(id) ?? [];
  if (row.closed_at !== null || steps.length > 0)
    throw invalid('INVALID_TRANSITION', [
      {
        field: 'body.side',
        message: row.closed_at ? 'the match is closed' : 'the pipeline has started; answers are final',
      },
    ]);
  if (!answerableSides(ctx, row, steps.length).includes(body.side))
    throw new AppError('FORBIDDEN', `you may not answer for the ${body.side} side of match ${id}`);
  if (body.answer === 'interested' && !body.interest)
    throw invalid('VALIDATION_FAILED', [
      { field: 'body.interest', message: 'say what you offer, what you seek and what next' },
    ]);
  if (body.answer === 'declined' && body.interest)
    throw invalid('VALIDATION_FAILED', [
      { field: 'body.interest', message: 'an expression of interest is not a decline' },
    ]);
  checkVersion(row, body.version);
  const at = ctx.now().toISOString();
  const side = body.side;
  const values: Partial<MatchRow> = {
    [`${side}_answer`]: body.answer,
    [`${side}_interest_json`]: body.interest ? JSON.stringify(body.interest) : null,
    [`${side}_reason`]: body.reason ?? null,
    [`${side}_answered_by`]: actorAccountId(ctx.actor),
    [`${side}_answered_at`]: at,
  };
  const next = { ...row, ...values } as MatchRow;
  values.stage = stageOf(stateOf(next, steps));
  values.updated_at = at;
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateMatchAtVersion(trx, id, body.version, values);
    if (!updated) throw versionConflict('match', id, (await findMatch(trx, id))?.version ?? body.version);
    await audit(ctx, trx, {
      action: `match.answer.${side}`,
      entityType: 'match',
      entityId: id,
      before: { answer: row[`${side}_answer`] },
      after: { answer: body.answer, interest: body.interest ?? null, reason: body.reason ?? null },
    });
  });
  return present(ctx, id);
}

function refusalError(refusal: StepRefusal, step: PipelineStep): AppError {
  const message = {
    closed: 'the match is closed',
    declined: 'a side declined the match',
    awaiting_answers: 'both sides must be interested first',
    missing_prerequisite: `record ${'requires' in refusal ? refusal.requires : ''} first`,
    already_recorded: `${step} is recorded once per match`,
    before_prerequisite: `cannot be before the ${'requires' in refusal ? refusal.requires : ''} (${'earliest' in refusal ? refusal.earliest : ''})`,
    in_future: `cannot be after today (${'today' in refusal ? refusal.today : ''})`,
  }[refusal.reason];
  const field =
    refusal.reason === 'before_prerequisite' || refusal.reason === 'in_future'
      ? 'body.occurredOn'
      : 'body.step';
  return invalid('INVALID_TRANSITION', [{ field, message }]);
}

/** The details each step needs and refuses. */
function detailErrors(body: ReturnType<typeof RecordStepSchema.parse>): FieldError[] {
  const errors: FieldError[] = [];
  if (body.step === 'joint_research' && !body.jointResearch)
    errors.push({ field: 'body.jointResearch', message: 'partners, budget, funder and theme are required' });
  if (body.step !== 'joint_research' && body.jointResearch)
    errors.push({ field: 'body.jointResearch', message: 'only for the joint research step' });
  if (body.jointResearch?.funder === 'other' && !body.jointResearch.funderName)
    errors.push({ field: 'body.jointResearch.funderName', message: 'name the funder when it is other' });
  if (body.step === 'sales' && body.salesYen === undefined)
    errors.push({ field: 'body.salesYen', message: 'the sales amount is required' });
  if (body.step !== 'sales' && body.salesYen !== undefined)
    errors.push({ field: 'body.salesYen', message: 'only for the sales step' });
  if (body.step !== 'meeting' && body.attendees.length > 0)
    errors.push({ field: 'body.attendees', message: 'only for meetings' });
  return errors;
}

/** A coordinator records the next dated step, with the outcome items (of the seed's cluster) it produced. */
export async function recordStep(ctx: ServiceContext, id: number, input: RecordStepBody): Promise<Match> {
  requirePermission(ctx.actor, 'matching:coordinate');
  const row = await loadReadableMatch(ctx, id);
  const body = RecordStepSchema.parse(input);
  const errors = detailErrors(body);
  if (errors.length > 0) throw invalid('VALIDATION_FAILED', errors);
  const itemIds = [...new Set(body.outcomeItemIds)];
  const items = new Map((await findOutcomeItems(ctx.db, itemIds)).map((i) => [i.id, i]));
  itemIds.forEach((itemId, n) => {
    const item = items.get(itemId);
    if (!item) errors.push({ field: `body.outcomeItemIds.${n}`, message: `no outcome item ${itemId}` });
    else if (item.cluster_id !== row.seed_cluster_id)
      errors.push({
        field: `body.outcomeItemIds.${n}`,
        message: `outcome item ${itemId} belongs to another cluster`,
      });
  });
  if (errors.length > 0)
    throw new AppError('UNKNOWN_REFERENCE', errors.map((e) => e.message).join('; '), { errors });
  const steps = (await stepsOf(ctx.db, [id])).get(id) ?? [];
  const refusal = refuseStep(stateOf(row, steps), body.step, body.occurredOn, todayInJapan(ctx));
  if (refusal) throw refusalError(refusal, body.step);
  checkVersion(row, body.version);
  const at = ctx.now().toISOString();
  const stage = stageOf(stateOf(row, [...steps, { step: body.step, occurred_on: body.occurredOn }]));
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateMatchAtVersion(trx, id, body.version, { stage, updated_at: at });
    if (!updated) throw versionConflict('match', id, (await findMatch(trx, id))?.version ?? body.version);
    const step = await insertStep(trx, {
      match_id: id,
      step: body.step,
      occurred_on: body.occurredOn,
      notes: body.notes,
      attendees_json: JSON.stringify(body.attendees),
      joint_research_json: body.jointResearch ? JSON.stringify(body.jointResearch) : null,
      sales_yen: body.salesYen ?? null,
      recorded_by: actorAccountId(ctx.actor)!,
      recorded_at: at,
    });
    await linkStepOutcomeItems(trx, step.id, itemIds);
    if (body.jointResearch)
      await recordJointResearchFunding(trx, row, step.id, body.occurredOn, body.jointResearch);
    await audit(ctx, trx, {
      action: `match.step.${body.step}`,
      entityType: 'match',
      entityId: id,
      before: { stage: row.stage },
      after: { stage, step: { ...step, outcomeItemIds: itemIds } },
    });
  });
  return present(ctx, id);
}

/** A coordinator closes a match that will go no further, with the reason. */
export async function closeMatch(ctx: ServiceContext, id: number, body: CloseMatchBody): Promise<Match> {
  requirePermission(ctx.actor, 'matching:coordinate');
  const row = await loadReadableMatch(ctx, id);
  if (row.closed_at !== null)
    throw invalid('INVALID_TRANSITION', [{ field: 'params.id', message: 'the match is already closed' }]);
  checkVersion(row, body.version);
  const at = ctx.now().toISOString();
  const steps = (await stepsOf(ctx.db, [id])).get(id) ?? [];
  const stage = stageOf({ ...stateOf(row, steps), closed: true });
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateMatchAtVersion(trx, id, body.version, {
      closed_at: at,
      closed_reason: body.reason,
      stage,
      updated_at: at,
    });
    if (!updated) throw versionConflict('match', id, (await findMatch(trx, id))?.version ?? body.version);
    await audit(ctx, trx, {
      action: 'match.close',
      entityType: 'match',
      entityId: id,
      before: { stage: row.stage },
      after: { stage, reason: body.reason },
    });
  });
  return present(ctx, id);
}

/** The board: the matches the actor may read, in one column per stage. */
export async function matchBoard(ctx: ServiceContext, query: MatchListQuery): Promise<MatchBoard> {
  requireMatchReader(ctx);
  const rows = await listMatches(ctx.db, {
    stage: query.stage,
    proposedBy: query.coordinator,
    seedId: query.seed,
    needId: query.need,
    parties: isCoordinator(ctx)
      ? null
      : {
          clusterIds: headquartersClusterIds(ctx.actor),
          organizationIds: partnerCompanyOrganizationIds(ctx.actor),
        },
  });
  const steps = await stepsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const cards = rows.map((r) => {
    const mine = steps.get(r.id) ?? [];
    return toMatchCard(ctx, r, mine.length > 0 ? mine[mine.length - 1]!.occurred_on : null);
  });
  return {
    columns: MATCH_STAGES.map((stage) => ({ stage, items: cards.filter((c) => c.stage === stage) })),
    total: cards.length,
  };
}

/** Per coordinator: matches proposed, answered, by stage, steps recorded in the period, money that followed. */
export async function coordinatorSummary(
  ctx: ServiceContext,
  query: CoordinatorSummaryQuery,
): Promise<CoordinatorSummary> {
  requirePermission(ctx.actor, 'matching:coordinate');
  if (query.from && query.to && query.from > query.to)
    throw invalid('VALIDATION_FAILED', [{ field: 'query.to', message: 'must be on or after from' }]);
  const matches = await listMatches(ctx.db, { parties: null });
  const steps = await stepsForSummary(ctx.db, query.from, query.to);
  const byCoordinator = new Map<number, CoordinatorSummary['items'][number]>();
  const entry = (accountId: number, displayName: string) => {
    let e = byCoordinator.get(accountId);
    if (!e) {
      e = {
        accountId,
        displayName,
        proposed: 0,
        bothInterested: 0,
        declined: 0,
        byStage: {},
        stepsRecorded: {},
        jointResearchYen: 0,
        salesYen: 0,
        lastActivityAt: null,
      };
      byCoordinator.set(accountId, e);
    }
    return e;
  };
  const inPeriod = (at: string) =>
    (!query.from || at.slice(0, 10) >= query.from) && (!query.to || at.slice(0, 10) <= query.to);
  for (const m of matches) {
    const e = entry(m.proposed_by, m.proposer_name);
    if (inPeriod(m.created_at)) e.proposed += 1;
    if (m.seed_answer === 'interested' && m.need_answer === 'interested') e.bothInterested += 1;
    if (m.seed_answer === 'declined' || m.need_answer === 'declined') e.declined += 1;
    e.byStage[m.stage] = (e.byStage[m.stage] ?? 0) + 1;
    if (e.lastActivityAt === null || m.updated_at > e.lastActivityAt) e.lastActivityAt = m.updated_at;
  }
  for (const s of steps) {
    const e = byCoordinator.get(s.proposed_by);
    if (!e) continue;
    e.stepsRecorded[s.step] = (e.stepsRecorded[s.step] ?? 0) + 1;
    if (s.joint_research_json)
      e.jointResearchYen += (JSON.parse(s.joint_research_json) as { budgetYen: number }).budgetYen;
    if (s.sales_yen !== null) e.salesYen += Number(s.sales_yen);
  }
  return {
    items: [...byCoordinator.values()].sort((a, b) => b.proposed - a.proposed || a.accountId - b.accountId),
  };
}
