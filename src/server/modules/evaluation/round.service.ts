/**
 * Evaluation rounds: officers open a round for target clusters with a criteria tree, grade scale,
 * bands and phases, name the evaluating group and the weighting group (never the same person in
 * both), assign evaluators to clusters with conflicts of interest detected from affiliations or
 * recorded by hand, and move the round through its phases. Grading cannot open before the
 * weights are locked. Everyone reads a round from the moment it opens; member names are the
 * officers' (a member sees their own row only).
 */
import {
  CreateRoundBody as CreateRoundSchema,
  type AddMemberBody,
  type AssignEvaluatorsBody,
  type BandsInput,
  type CreateRoundBody,
  type GradeScaleInput,
  type RoundConflictBody,
  type RoundCriteria,
  type RoundDetail,
  type RoundListResponse,
  type RoundPhase,
  type RoundTransitionBody,
  type UpdateRoundBody,
  AddMemberBody as AddMemberSchema,
} from '../../../contracts/evaluation-rounds';
import { can } from '../../../domain/permissions';
import { detectConflicts } from '../../../domain/selection/conflicts';
import type { Db, ServiceContext } from '../../context';
import { AppError, type FieldError, notFound, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { findCriteriaTemplate } from '../selection/call.repo';
import { conflictNames } from '../selection/conflict.repo';
import type { EvaluationRoundRow } from './evaluation.table';
import { roundCriteriaOf, roundSnapshot, toRoundDetail, toRoundSummary } from './round.presenter';
import {
  clusterParties,
  countRoundClusters,
  evaluatorAffiliations,
  findClustersByKeys,
  findClustersStartingIn,
  findRoundById,
  findRoundByKey,
  listRoundAssignments,
  listRoundClusters,
  listRoundMembers,
  listRoundRows,
} from './round.repo';

export function validationFailed(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
}

export function seesUnpublishedRounds(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'round:read-unpublished');
}

/** The round as the actor may read it: a draft only for officers (404 otherwise). */
export async function loadReadableRound(ctx: ServiceContext, key: string): Promise<EvaluationRoundRow> {
  requirePermission(ctx.actor, 'published:read');
  const row = await findRoundByKey(ctx.db, key);
  if (!row || (row.status === 'draft' && !seesUnpublishedRounds(ctx))) throw notFound('round', key);
  return row;
}

/** The round for an officer's change; 404 before 403 would leak nothing, so permission first. */
export async function loadManagedRound(ctx: ServiceContext, key: string): Promise<EvaluationRoundRow> {
  requirePermission(ctx.actor, 'round:manage');
  const row = await findRoundByKey(ctx.db, key);
  if (!row) throw notFound('round', key);
  return row;
}

export async function listRounds(ctx: ServiceContext): Promise<RoundListResponse> {
  requirePermission(ctx.actor, 'published:read');
  const rows = await listRoundRows(ctx.db, seesUnpublishedRounds(ctx));
  const counts = await countRoundClusters(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.now();
  return { items: rows.map((r) => toRoundSummary(r, counts.get(r.id) ?? 0, now)) };
}

export async function roundDetail(ctx: ServiceContext, row: EvaluationRoundRow): Promise<RoundDetail> {
  const officer = seesUnpublishedRounds(ctx);
  const me = actorAccountId(ctx.actor);
  const [clusters, members, assignments] = await Promise.all([
    listRoundClusters(ctx.db, row.id),
    listRoundMembers(ctx.db, row.id),
    listRoundAssignments(ctx.db, row.id),
  ]);
  const mine = members.filter((m) => m.account_id === me);
  return toRoundDetail(row, {
    clusters,
    // Evaluators stay anonymous to headquarters and the public, and to each other.
    members: officer ? members : mine,
    assignments: officer ? assignments : assignments.filter((a) => a.evaluator_account_id === me),
    canManage: can(ctx.actor, 'round:manage'),
    myRoles: mine.map((m) => m.role as 'evaluator' | 'weighting_member'),
    now: ctx.now(),
  });
}

export async function getRound(ctx: ServiceContext, key: string): Promise<RoundDetail> {
  return roundDetail(ctx, await loadReadableRound(ctx, key));
}

// ---------------------------------------------------------------------------------------------
// Settings: criteria, scale, bands, phases

interface RoundSettings {
  criteria: RoundCriteria;
  scale: GradeScaleInput;
  bands: BandsInput;
  phases: RoundPhase[];
}

function checkSettings(s: RoundSettings): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  s.criteria.forEach((g, gi) => {
    if (keys.has(g.key))
      errors.push({ field: `body.criteria.${gi}.key`, message: `key ${g.key} is used twice` });
    keys.add(g.key);
    g.items.forEach((item, ii) => {
      if (keys.has(item.key))
        errors.push({
          field: `body.criteria.${gi}.items.${ii}.key`,
          message: `key ${item.key} is used twice`,
        });
      keys.add(item.key);
    });
  });
  const grades = new Set<string>();
  s.scale.forEach((g, i) => {
    if (grades.has(g.grade))
      errors.push({ field: `body.scale.${i}.grade`, message: `grade ${g.grade} is listed twice` });
    grades.add(g.grade);
    if (i > 0 && !(g.points < s.scale[i - 1]!.points))
      errors.push({
        field: `body.scale.${i}.points`,
        message: 'grades go best first with strictly fewer points',
      });
  });
  const bands = new Set<string>();
  s.bands.forEach((b, i) => {
    if (bands.has(b.band))
      errors.push({ field: `body.bands.${i}.band`, message: `band ${b.band} is listed twice` });
    bands.add(b.band);
    if (i > 0 && !(b.minScore < s.bands[i - 1]!.minScore))
      errors.push({
        field: `body.bands.${i}.minScore`,
        message: 'bands go best first with strictly lower minimums',
      });
  });
  const phases = new Set<string>();
  s.phases.forEach((p, i) => {
    if (phases.has(p.phase))
      errors.push({ field: `body.phases.${i}.phase`, message: `${p.phase} is listed twice` });
    phases.add(p.phase);
    if (p.to < p.from) errors.push({ field: `body.phases.${i}.to`, message: 'ends before it starts' });
  });
  return errors;
}

async function criteriaFromTemplate(
  ctx: ServiceContext,
  key: string,
): Promise<{ criteria: RoundCriteria; templateId: number }> {
  const found = await findCriteriaTemplate(ctx.db, key);
  if (!found)
    throw new AppError('UNKNOWN_REFERENCE', `criteria template "${key}" does not exist`, {
      errors: [{ field: 'body.criteriaTemplateKey', message: `unknown criteria template "${key}"` }],
    });
  const criteria = roundCriteriaOf(found.items);
  if (criteria.length === 0)
    throw new AppError('RULE_VIOLATION', `criteria template "${key}" has no items`, {
      errors: [{ field: 'body.criteriaTemplateKey', message: 'the template has no groups with items' }],
    });
  return { criteria, templateId: found.template.id };
}

export async function createRound(ctx: ServiceContext, input: CreateRoundBody): Promise<RoundDetail> {
  requirePermission(ctx.actor, 'round:manage');
  const body = CreateRoundSchema.parse(input);
  const fromTemplate = body.criteria ? null : await criteriaFromTemplate(ctx, body.criteriaTemplateKey);
  const criteria = body.criteria ?? fromTemplate!.criteria;
  const errors = checkSettings({ criteria, scale: body.scale, bands: body.bands, phases: body.phases });

  let clusters: { id: number; key: string }[] = [];
  if (body.clusterKeys && body.clusterKeys.length > 0) {
    clusters = await findClustersByKeys(ctx.db, body.clusterKeys);
    const found = new Set(clusters.map((c) => c.key));
    body.clusterKeys.forEach((k, i) => {
      if (!found.has(k)) errors.push({ field: `body.clusterKeys.${i}`, message: `no cluster "${k}"` });
    });
  } else if (body.targetStartFiscalYear !== undefined) {
    clusters = await findClustersStartingIn(ctx.db, body.targetStartFiscalYear);
    if (clusters.length === 0)
      errors.push({
        field: 'body.targetStartFiscalYear',
        message: `no cluster started in FY${body.targetStartFiscalYear}`,
      });
  } else
    errors.push({ field: 'body.clusterKeys', message: 'name the target clusters or a start fiscal year' });
  if (errors.length > 0) throw validationFailed(errors);
  if (await findRoundByKey(ctx.db, body.key))
    throw new AppError('DUPLICATE', `a round with key "${body.key}" already exists`, {
      errors: [{ field: 'body.key', message: 'already used' }],
    });

  const programme = await ctx.db
    .selectFrom('programmes')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const at = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('evaluation_rounds')
      .values({
        programme_id: programme.id,
        key: body.key,
        kind: body.kind,
        fiscal_year: body.fiscalYear,
        allocation_fiscal_year: body.allocationFiscalYear ?? body.fiscalYear + 1,
        title_ja: body.title.ja,
        title_en: body.title.en,
        status: 'draft',
        criteria_template_id: fromTemplate?.templateId ?? null,
        criteria_json: JSON.stringify(criteria),
        scale_json: JSON.stringify(body.scale),
        bands_json: JSON.stringify(body.bands),
        phases_json: JSON.stringify(body.phases),
        announce_on: body.announceOn,
        published_at: null,
        source: 'platform',
        created_by: actorAccountId(ctx.actor),
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (clusters.length > 0)
      await trx
        .insertInto('round_clusters')
        .values(clusters.map((c) => ({ round_id: inserted.id, cluster_id: c.id })))
        .execute();
    await audit(ctx, trx, {
      action: 'round.create',
      entityType: 'evaluation_round',
      entityId: inserted.id,
      after: { ...roundSnapshot(inserted), clusters: clusters.map((c) => c.key) },
    });
    return inserted;
  });
  return roundDetail(ctx, row);
}

async function updateAtVersion(
  trx: Db,
  row: EvaluationRoundRow,
  key: string,
  values: Partial<EvaluationRoundRow>,
): Promise<EvaluationRoundRow> {
  const next = await trx
    .updateTable('evaluation_rounds')
    .set({ ...values, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!next) {
    const fresh = await findRoundById(trx, row.id);
    throw versionConflict('round', key, fresh?.version ?? row.version);
  }
  return next;
}

export async function updateRound(
  ctx: ServiceContext,
  key: string,
  body: UpdateRoundBody,
): Promise<RoundDetail> {
  const row = await loadManagedRound(ctx, key);
  if (body.version !== row.version) throw versionConflict('round', key, row.version);
  const frozen = (['criteria', 'scale', 'bands', 'fiscalYear', 'kind'] as const).filter(
    (f) => body[f] !== undefined,
  );
  if (row.status !== 'draft' && frozen.length > 0)
    throw new AppError('ROUND_FROZEN', `round ${key} is ${row.status}: ${frozen.join(', ')} are frozen`, {
      errors: frozen.map((f) => ({ field: `body.${f}`, message: 'frozen once the round has opened' })),
    });
  const errors = checkSettings({
    criteria: body.criteria ?? (JSON.parse(row.criteria_json) as RoundCriteria),
    scale: body.scale ?? (JSON.parse(row.scale_json) as GradeScaleInput),
    bands: body.bands ?? (JSON.parse(row.bands_json) as BandsInput),
    phases: body.phases ?? (JSON.parse(row.phases_json) as RoundPhase[]),
  });
  if (errors.length > 0) throw validationFailed(errors);
  const values: Partial<EvaluationRoundRow> = {
    ...(body.title ? { title_ja: body.title.ja, title_en: body.title.en } : {}),
    ...(body.kind ? { kind: body.kind } : {}),
    ...(body.fiscalYear !== undefined ? { fiscal_year: body.fiscalYear } : {}),
    ...(body.allocationFiscalYear !== undefined ? { allocation_fiscal_year: body.allocationFiscalYear } : {}),
    ...(body.criteria ? { criteria_json: JSON.stringify(body.criteria) } : {}),
    ...(body.scale ? { scale_json: JSON.stringify(body.scale) } : {}),
    ...(body.bands ? { bands_json: JSON.stringify(body.bands) } : {}),
    ...(body.phases ? { phases_json: JSON.stringify(body.phases) } : {}),
    ...(body.announceOn !== undefined ? { announce_on: body.announceOn } : {}),
    updated_at: ctx.now().toISOString(),
  };
  const next = await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateAtVersion(trx, row, key, values);
    await audit(ctx, trx, {
      action: 'round.update',
      entityType: 'evaluation_round',
      entityId: row.id,
      before: roundSnapshot(row),
      after: roundSnapshot(updated),
    });
    return updated;
  });
  return roundDetail(ctx, next);
}

const TRANSITIONS: Record<string, readonly string[]> = {
  draft: ['self_evaluation', 'closed'],
  self_evaluation: ['weighting', 'closed'],
  weighting: ['grading', 'closed'],
  grading: ['scoring', 'closed'],
  scoring: ['grading', 'closed'],
  published: ['closed'],
};

export async function transitionRound(
  ctx: ServiceContext,
  key: string,
  body: RoundTransitionBody,
): Promise<RoundDetail> {
  const row = await loadManagedRound(ctx, key);
  if (body.version !== row.version) throw versionConflict('round', key, row.version);
  if (!(TRANSITIONS[row.status] ?? []).includes(body.status))
    throw new AppError(
      'INVALID_TRANSITION',
      `round ${key} cannot move from ${row.status} to ${body.status}`,
      {
        errors: [{ field: 'body.status', message: `not possible from ${row.status}` }],
      },
    );
  if (body.status === 'self_evaluation') {
    const count = (await countRoundClusters(ctx.db, [row.id])).get(row.id) ?? 0;
    if (count === 0)
      throw new AppError('RULE_VIOLATION', `round ${key} has no target cluster`, {
        errors: [{ field: 'body.status', message: 'name the target clusters first' }],
      });
  }
  if (body.status === 'grading') {
    const locked = await ctx.db
      .selectFrom('weight_sets')
      .select('id')
      .where('round_id', '=', row.id)
      .where('locked_at', 'is not', null)
      .executeTakeFirst();
    if (!locked)
      throw new AppError('WEIGHTS_NOT_LOCKED', `round ${key}'s weights are not locked`, {
        errors: [
          { field: 'body.status', message: 'lock the weighting group’s weights before grading opens' },
        ],
      });
  }
  const next = await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateAtVersion(trx, row, key, {
      status: body.status,
      updated_at: ctx.now().toISOString(),
    });
    await audit(ctx, trx, {
      action: `round.${body.status}`,
      entityType: 'evaluation_round',
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: updated.status, version: updated.version },
    });
    return updated;
  });
  return roundDetail(ctx, next);
}

// ---------------------------------------------------------------------------------------------
// Members, assignments and conflicts

export async function addMember(
  ctx: ServiceContext,
  key: string,
  input: AddMemberBody,
): Promise<RoundDetail> {
  const row = await loadManagedRound(ctx, key);
  const body = AddMemberSchema.parse(input);
  if (row.status === 'published' || row.status === 'closed')
    throw new AppError('WRONG_PHASE', `round ${key} is ${row.status}`, {
      errors: [{ field: 'body.accountId', message: 'the round is over' }],
    });
  const account = await ctx.db
    .selectFrom('accounts')
    .select(['id', 'status'])
    .where('id', '=', body.accountId)
    .executeTakeFirst();
  if (!account || account.status !== 'active')
    throw new AppError('UNKNOWN_REFERENCE', `no active account ${body.accountId}`, {
      errors: [{ field: 'body.accountId', message: 'no such active account' }],
    });
  const grants = await ctx.db
    .selectFrom('role_grants')
    .select('role')
    .where('account_id', '=', body.accountId)
    .where('revoked_at', 'is', null)
    .execute();
  if (!grants.some((g) => g.role === body.role))
    throw new AppError('RULE_VIOLATION', `account ${body.accountId} does not hold the ${body.role} role`, {
      errors: [{ field: 'body.role', message: `grant the ${body.role} role first` }],
    });
  const existing = await ctx.db
    .selectFrom('round_members')
    .selectAll()
    .where('round_id', '=', row.id)
    .where('account_id', '=', body.accountId)
    .executeTakeFirst();
  // The people who weight are not the people who grade: one role per person per round.
  if (existing)
    throw new AppError(
      'DUPLICATE',
      `account ${body.accountId} is already a ${existing.role} of round ${key}`,
      {
        errors: [{ field: 'body.accountId', message: `already a ${existing.role} of this round` }],
      },
    );
  if (body.isChair && body.role !== 'weighting_member')
    throw new AppError('RULE_VIOLATION', 'only a weighting member chairs the weighting group', {
      errors: [{ field: 'body.isChair', message: 'only for a weighting member' }],
    });
  await ctx.db.transaction().execute(async (trx) => {
    if (body.isChair)
      await trx.updateTable('round_members').set({ is_chair: 0 }).where('round_id', '=', row.id).execute();
    await trx
      .insertInto('round_members')
      .values({
        round_id: row.id,
        account_id: body.accountId,
        role: body.role,
        is_chair: body.isChair ? 1 : 0,
        added_at: ctx.now().toISOString(),
      })
      .execute();
    await audit(ctx, trx, {
      action: 'round.member-add',
      entityType: 'evaluation_round',
      entityId: row.id,
      after: { accountId: body.accountId, role: body.role, isChair: body.isChair },
    });
  });
  return roundDetail(ctx, row);
}

export async function removeMember(
  ctx: ServiceContext,
  key: string,
  accountId: number,
): Promise<RoundDetail> {
  const row = await loadManagedRound(ctx, key);
  const member = await ctx.db
    .selectFrom('round_members')
    .selectAll()
    .where('round_id', '=', row.id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!member) throw notFound('round member', accountId);
  const graded = await ctx.db
    .selectFrom('round_assignments')
    .innerJoin('grades', 'grades.assignment_id', 'round_assignments.id')
    .select('round_assignments.id')
    .where('round_assignments.round_id', '=', row.id)
    .where('round_assignments.evaluator_account_id', '=', accountId)
    .executeTakeFirst();
  const proposed = await ctx.db
    .selectFrom('weight_proposals')
    .select('item_key')
    .where('round_id', '=', row.id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  // Removing someone whose grades or weights already count would rewrite the record silently.
  if (graded || proposed)
    throw new AppError(
      'RULE_VIOLATION',
      `account ${accountId} has already ${graded ? 'graded' : 'proposed weights'}`,
      {
        errors: [{ field: 'params.accountId', message: 'their grades or weights are part of the record' }],
      },
    );
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('round_assignments')
      .where('round_id', '=', row.id)
      .where('evaluator_account_id', '=', accountId)
      .execute();
    await trx
      .deleteFrom('round_members')
      .where('round_id', '=', row.id)
      .where('account_id', '=', accountId)
      .execute();
    await audit(ctx, trx, {
      action: 'round.member-remove',
      entityType: 'evaluation_round',
      entityId: row.id,
      before: { accountId, role: member.role },
    });
  });
  return roundDetail(ctx, row);
}

/**
 * Assigns evaluators to clusters (every evaluator to every target cluster unless pairs are
 * named) and records the conflicts affiliations reveal: the same organization (core or member)
 * or the same prefecture. Existing pairs keep their grades and rulings.
 */
export async function assignEvaluators(
  ctx: ServiceContext,
  key: string,
  body: AssignEvaluatorsBody,
): Promise<RoundDetail> {
  const row = await loadManagedRound(ctx, key);
  if (row.status === 'scoring' || row.status === 'published' || row.status === 'closed')
    throw new AppError('WRONG_PHASE', `round ${key} is ${row.status}`, {
      errors: [{ field: 'body', message: 'assignments are fixed once scoring starts' }],
    });
  const [clusters, members, existing] = await Promise.all([
    listRoundClusters(ctx.db, row.id),
    listRoundMembers(ctx.db, row.id),
    listRoundAssignments(ctx.db, row.id),
  ]);
  const evaluators = members.filter((m) => m.role === 'evaluator').map((m) => m.account_id);
  const clusterIds = new Set(clusters.map((c) => c.id));
  const evaluatorIds = new Set(evaluators);
  const errors: FieldError[] = [];
  const pairs =
    body.pairs ??
    clusters.flatMap((c) => evaluators.map((evaluatorId) => ({ clusterId: c.id, evaluatorId })));
  pairs.forEach((p, i) => {
    if (!clusterIds.has(p.clusterId))
      errors.push({ field: `body.pairs.${i}.clusterId`, message: 'not a target cluster of this round' });
    if (!evaluatorIds.has(p.evaluatorId))
      errors.push({ field: `body.pairs.${i}.evaluatorId`, message: 'not an evaluator of this round' });
  });
  if (errors.length > 0) throw validationFailed(errors);
  if (pairs.length === 0)
    throw validationFailed([{ field: 'body.pairs', message: 'the round has no evaluators or clusters yet' }]);
  const have = new Set(existing.map((a) => `${a.cluster_id}:${a.evaluator_account_id}`));
  const fresh = pairs.filter((p) => !have.has(`${p.clusterId}:${p.evaluatorId}`));
  const [affiliations, parties] = await Promise.all([
    evaluatorAffiliations(ctx.db, [...new Set(fresh.map((p) => p.evaluatorId))]),
    clusterParties(ctx.db, [...new Set(fresh.map((p) => p.clusterId))]),
  ]);
  const names = await conflictNames(
    ctx.db,
    [...affiliations.values()].flatMap((list) => list.map((a) => a.organizationId)),
    [...parties.values()].flatMap((p) => p.prefectureCodes),
  );
  const nameOf = {
    organization: (id: number) => names.organizations.get(id) ?? `#${id}`,
    prefecture: (code: string) => names.prefectures.get(code) ?? code,
    person: (id: number) => `#${id}`,
  };
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of fresh) {
      const party = parties.get(p.clusterId)!;
      const found = detectConflicts(
        {
          reviewerId: p.evaluatorId,
          personId: null,
          affiliations: affiliations.get(p.evaluatorId) ?? [],
          collaborations: [],
          declared: [],
        },
        {
          proposalId: p.clusterId,
          coreOrganizationId: null,
          participatingOrganizationIds: party.organizationIds,
          prefectureCodes: party.prefectureCodes,
          personIds: [],
        },
        row.fiscal_year,
        0,
        nameOf,
      );
      const first = found[0];
      await trx
        .insertInto('round_assignments')
        .values({
          round_id: row.id,
          cluster_id: p.clusterId,
          evaluator_account_id: p.evaluatorId,
          conflict_kind: first ? first.kind : null,
          conflict_note: first ? first.reason : null,
          submitted_at: null,
          assigned_at: at,
        })
        .execute();
    }
    await audit(ctx, trx, {
      action: 'round.assign',
      entityType: 'evaluation_round',
      entityId: row.id,
      after: { added: fresh.length },
    });
  });
  return roundDetail(ctx, row);
}

/** An officer records (or clears) a conflict of interest on one evaluator × cluster pair. */
export async function setRoundConflict(
  ctx: ServiceContext,
  key: string,
  body: RoundConflictBody,
): Promise<RoundDetail> {
  const row = await loadManagedRound(ctx, key);
  if (row.status === 'published' || row.status === 'closed')
    throw new AppError('WRONG_PHASE', `round ${key} is ${row.status}`, {
      errors: [{ field: 'body.kind', message: 'the round is over' }],
    });
  const assignment = await ctx.db
    .selectFrom('round_assignments')
    .selectAll()
    .where('round_id', '=', row.id)
    .where('cluster_id', '=', body.clusterId)
    .where('evaluator_account_id', '=', body.evaluatorId)
    .executeTakeFirst();
  if (!assignment)
    throw new AppError('UNKNOWN_REFERENCE', 'the evaluator is not assigned to the cluster', {
      errors: [{ field: 'body.evaluatorId', message: 'not assigned to this cluster' }],
    });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('round_assignments')
      .set({ conflict_kind: body.kind, conflict_note: body.note })
      .where('id', '=', assignment.id)
      .execute();
    await audit(ctx, trx, {
      action: body.kind ? 'round.conflict-record' : 'round.conflict-clear',
      entityType: 'round_assignment',
      entityId: assignment.id,
      before: { kind: assignment.conflict_kind, note: assignment.conflict_note },
      after: { kind: body.kind, note: body.note },
    });
  });
  return roundDetail(ctx, row);
}

/** Whether the account is a member of the round in the role. */
export async function isRoundMember(
  db: Db,
  roundId: number,
  accountId: number | null,
  role: 'evaluator' | 'weighting_member',
): Promise<boolean> {
  if (accountId === null) return false;
  const row = await db
    .selectFrom('round_members')
    .select('role')
    .where('round_id', '=', roundId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.role === role;
}
