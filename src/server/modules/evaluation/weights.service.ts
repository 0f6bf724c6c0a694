/**
 * The weighting group (重み付けグループ): each member proposes a weight for every criterion item
 * while the round is in self-evaluation or weighting; an officer or the chair computes the round's
 * weights as the mean of the proposals, each scaled to 100 first (a new version each time); the chair may
 * adjust them with a reason (another version); an officer locks one version, after which no
 * proposal or version can change and grading may open. Every version is kept and shown.
 */
import type {
  AdjustWeightsBody,
  ProposeWeightsBody,
  WeightSetView,
  WeightsResponse,
} from '../../../contracts/evaluation-grading';
import { AdjustWeightsBody as AdjustSchema } from '../../../contracts/evaluation-grading';
import { can } from '../../../domain/permissions';
import {
  adjustWeights,
  compareWeightSets,
  displayWeights,
  EvaluationRuleError,
  meanWeights,
  type WeightSet,
  weightIssues,
} from '../../../domain/evaluation';
import type { Db, ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import type { EvaluationRoundRow, WeightSetRow } from './evaluation.table';
import { parseRoundCriteria, roundItemKeys } from './round.presenter';
import {
  loadManagedRound,
  loadReadableRound,
  seesUnpublishedRounds,
  validationFailed,
} from './round.service';
import { isRoundAnnounced } from './round-access.service';

const PROPOSING = new Set(['self_evaluation', 'weighting']);

/** A rule's refusal as a 400 naming the body fields. */
export function ruleFailed(error: unknown, prefix = 'body'): never {
  if (error instanceof EvaluationRuleError)
    throw validationFailed(error.issues.map((i) => ({ field: `${prefix}.${i.field}`, message: i.message })));
  throw error;
}

/** "A", "B", … "Z", "AA": stable anonymous labels by order of first appearance. */
export function anonymousLabel(index: number): string {
  let n = index;
  let label = '';
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

interface MemberRow {
  account_id: number;
  display_name: string;
  is_chair: number;
}

async function weightingMembers(db: Db, roundId: number): Promise<MemberRow[]> {
  return db
    .selectFrom('round_members')
    .innerJoin('accounts', 'accounts.id', 'round_members.account_id')
    .select(['round_members.account_id', 'accounts.display_name', 'round_members.is_chair'])
    .where('round_members.round_id', '=', roundId)
    .where('round_members.role', '=', 'weighting_member')
    .orderBy('round_members.account_id')
    .execute();
}

async function proposalsOf(
  db: Db,
  roundId: number,
): Promise<Map<number, { weights: Record<string, number>; at: string }>> {
  const rows = await db.selectFrom('weight_proposals').selectAll().where('round_id', '=', roundId).execute();
  const out = new Map<number, { weights: Record<string, number>; at: string }>();
  for (const r of rows) {
    const entry = out.get(r.account_id) ?? { weights: {}, at: r.updated_at };
    entry.weights[r.item_key] = Number(r.weight);
    if (r.updated_at > entry.at) entry.at = r.updated_at;
    out.set(r.account_id, entry);
  }
  return out;
}

async function setsOf(db: Db, roundId: number): Promise<WeightSetRow[]> {
  return db
    .selectFrom('weight_sets')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('version')
    .execute();
}

/** The round's locked weight set, if any (the one every score uses). */
export async function lockedWeightSet(db: Db, roundId: number): Promise<WeightSetRow | undefined> {
  return db
    .selectFrom('weight_sets')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('locked_at', 'is not', null)
    .executeTakeFirst();
}

function setView(
  row: EvaluationRoundRow,
  set: WeightSetRow,
  previous: WeightSetRow | undefined,
): WeightSetView {
  const items = roundItemKeys(row);
  const labels = new Map(
    parseRoundCriteria(row).flatMap((g) => g.items.map((i) => [i.key, i.label] as const)),
  );
  const weights = JSON.parse(set.weights_json) as WeightSet;
  const shown = new Map(displayWeights(items, weights).map((d) => [d.item, d.text]));
  return {
    id: set.id,
    version: set.version,
    method: set.method as 'mean' | 'adjusted',
    reason: set.reason,
    memberCount: set.member_count,
    weights: items.map((item) => ({
      item,
      label: labels.get(item)!,
      weight: weights[item]!,
      shown: shown.get(item)!,
    })),
    changes: previous
      ? compareWeightSets(JSON.parse(previous.weights_json) as WeightSet, weights).map((c) => ({
          item: c.item,
          before: c.before,
          after: c.after,
        }))
      : [],
    createdAt: set.created_at,
    lockedAt: set.locked_at,
  };
}

export async function getWeights(ctx: ServiceContext, key: string): Promise<WeightsResponse> {
  const row = await loadReadableRound(ctx, key);
  const officer = seesUnpublishedRounds(ctx);
  const me = actorAccountId(ctx.actor);
  const members = await weightingMembers(ctx.db, row.id);
  const member = members.find((m) => m.account_id === me);
  const [proposals, sets] = await Promise.all([proposalsOf(ctx.db, row.id), setsOf(ctx.db, row.id)]);
  const views = sets.map((s, i) => setView(row, s, sets[i - 1]));
  const locked = views.find((s) => s.lockedAt !== null) ?? null;
  const published = isRoundAnnounced(ctx, row);
  // Proposals are the group's working papers: officers see names, members see each other
  // anonymously, nobody else sees them. Versions before the lock likewise; the locked set is
  // public once the results are (it is shown with every result).
  const insider = officer || member !== undefined;
  const criteria = parseRoundCriteria(row);
  const mine = member ? proposals.get(member.account_id) : undefined;
  return {
    round: { key: row.key, status: row.status, title: { ja: row.title_ja, en: row.title_en } },
    items: criteria.flatMap((g) => g.items.map((i) => ({ key: i.key, label: i.label, group: g.label }))),
    mine: mine ? { weights: mine.weights, updatedAt: mine.at } : null,
    proposals: insider
      ? members
          .filter((m) => proposals.has(m.account_id))
          .map((m, i) => ({
            member: officer ? m.display_name : `${anonymousLabel(i)}`,
            weights: proposals.get(m.account_id)!.weights,
            updatedAt: proposals.get(m.account_id)!.at,
          }))
      : [],
    memberCount: members.length,
    proposedCount: members.filter((m) => proposals.has(m.account_id)).length,
    sets: insider ? views : published && locked ? [locked] : [],
    locked: insider || published ? locked : null,
    isChair: member !== undefined && Number(member.is_chair) === 1,
    canPropose: member !== undefined && PROPOSING.has(row.status) && locked === null,
    canManage: can(ctx.actor, 'round:manage'),
  };
}

function refuseIfLocked(row: EvaluationRoundRow, locked: WeightSetRow | undefined, field: string): void {
  if (locked)
    throw new AppError('WRONG_PHASE', `round ${row.key}'s weights are locked (version ${locked.version})`, {
      errors: [{ field, message: 'the weights are locked' }],
    });
}

/** A weighting member's own proposal (replaces their previous one). */
export async function proposeWeights(
  ctx: ServiceContext,
  key: string,
  body: ProposeWeightsBody,
): Promise<WeightsResponse> {
  requirePermission(ctx.actor, 'weight:propose');
  const row = await loadReadableRound(ctx, key);
  const me = actorAccountId(ctx.actor)!;
  const members = await weightingMembers(ctx.db, row.id);
  if (!members.some((m) => m.account_id === me))
    throw new AppError('FORBIDDEN', `You are not a weighting member of round ${key}`);
  if (!PROPOSING.has(row.status))
    throw new AppError(
      'WRONG_PHASE',
      `round ${key} is ${row.status}: weights are proposed in self-evaluation or weighting`,
      {
        errors: [{ field: 'body.weights', message: `not while the round is ${row.status}` }],
      },
    );
  refuseIfLocked(row, await lockedWeightSet(ctx.db, row.id), 'body.weights');
  const items = roundItemKeys(row);
  const issues = weightIssues(items, body.weights, 'weights');
  if (issues.length > 0)
    throw validationFailed(issues.map((i) => ({ field: `body.${i.field}`, message: i.message })));
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('weight_proposals')
      .select(['item_key', 'weight'])
      .where('round_id', '=', row.id)
      .where('account_id', '=', me)
      .execute();
    await trx
      .deleteFrom('weight_proposals')
      .where('round_id', '=', row.id)
      .where('account_id', '=', me)
      .execute();
    await trx
      .insertInto('weight_proposals')
      .values(
        items.map((item) => ({
          round_id: row.id,
          account_id: me,
          item_key: item,
          weight: body.weights[item]!,
          updated_at: at,
        })),
      )
      .execute();
    await audit(ctx, trx, {
      action: 'weights.propose',
      entityType: 'evaluation_round',
      entityId: row.id,
      before:
        before.length > 0 ? Object.fromEntries(before.map((b) => [b.item_key, Number(b.weight)])) : null,
      after: body.weights,
    });
  });
  return getWeights(ctx, key);
}

/** The chair of the round's weighting group, or an officer. */
async function requireChairOrOfficer(ctx: ServiceContext, row: EvaluationRoundRow): Promise<void> {
  if (can(ctx.actor, 'round:manage')) return;
  requirePermission(ctx.actor, 'weight:propose');
  const me = actorAccountId(ctx.actor);
  const members = await weightingMembers(ctx.db, row.id);
  if (!members.some((m) => m.account_id === me && Number(m.is_chair) === 1))
    throw new AppError(
      'FORBIDDEN',
      `Only the weighting group's chair or an officer may do this in round ${row.key}`,
    );
}

async function insertSet(
  ctx: ServiceContext,
  trx: Db,
  row: EvaluationRoundRow,
  values: { weights: WeightSet; method: 'mean' | 'adjusted'; reason: string | null; memberCount: number },
): Promise<void> {
  const last = await trx
    .selectFrom('weight_sets')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('round_id', '=', row.id)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const inserted = await trx
    .insertInto('weight_sets')
    .values({
      round_id: row.id,
      version,
      weights_json: JSON.stringify(values.weights),
      method: values.method,
      reason: values.reason,
      member_count: values.memberCount,
      created_by: actorAccountId(ctx.actor),
      created_at: ctx.now().toISOString(),
      locked_at: null,
      locked_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, trx, {
    action: `weights.${values.method === 'mean' ? 'compute' : 'adjust'}`,
    entityType: 'weight_set',
    entityId: inserted.id,
    after: { round: row.key, version, weights: values.weights, reason: values.reason },
  });
}

/** A new version from the members' proposals: the mean per item, normalised to 100. */
export async function computeWeightSet(ctx: ServiceContext, key: string): Promise<WeightsResponse> {
  const row = await loadReadableRound(ctx, key);
  await requireChairOrOfficer(ctx, row);
  refuseIfLocked(row, await lockedWeightSet(ctx.db, row.id), 'params.key');
  const members = await weightingMembers(ctx.db, row.id);
  const proposals = await proposalsOf(ctx.db, row.id);
  const missing = members.filter((m) => !proposals.has(m.account_id));
  // Every member's voice counts: a mean over part of the group is not the group's weights.
  if (members.length === 0 || missing.length > 0)
    throw new AppError(
      'RULE_VIOLATION',
      `round ${key}: ${missing.length} of ${members.length} weighting members have not proposed`,
      {
        errors: [
          {
            field: 'params.key',
            message:
              members.length === 0
                ? 'the round has no weighting member'
                : 'every weighting member must propose first',
          },
        ],
      },
    );
  let weights: WeightSet;
  try {
    weights = meanWeights(
      roundItemKeys(row),
      members.map((m) => ({ memberId: m.account_id, weights: proposals.get(m.account_id)!.weights })),
    );
  } catch (e) {
    ruleFailed(e);
  }
  // Two computes at once both read the same last version; the unique (round, version) index lets
  // one win and the other takes the next number.
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.db
        .transaction()
        .execute((trx) =>
          insertSet(ctx, trx, row, { weights, method: 'mean', reason: null, memberCount: members.length }),
        );
      break;
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 5) throw e;
    }
  }
  return getWeights(ctx, key);
}

/** The chair's adjustment of the latest version, with a reason: a new version. */
export async function adjustWeightSet(
  ctx: ServiceContext,
  key: string,
  input: AdjustWeightsBody,
): Promise<WeightsResponse> {
  const row = await loadReadableRound(ctx, key);
  await requireChairOrOfficer(ctx, row);
  const body = AdjustSchema.parse(input);
  refuseIfLocked(row, await lockedWeightSet(ctx.db, row.id), 'body.changes');
  const sets = await setsOf(ctx.db, row.id);
  const latest = sets[sets.length - 1];
  if (!latest)
    throw new AppError('RULE_VIOLATION', `round ${key} has no weight set to adjust`, {
      errors: [{ field: 'body.fromVersion', message: 'compute the mean weights first' }],
    });
  if (latest.version !== body.fromVersion)
    throw new AppError('VERSION_CONFLICT', `round ${key}'s latest weights are version ${latest.version}`, {
      errors: [{ field: 'body.fromVersion', message: `the latest version is ${latest.version}` }],
    });
  let adjusted: { weights: WeightSet; reason: string };
  try {
    adjusted = adjustWeights(
      roundItemKeys(row),
      JSON.parse(latest.weights_json) as WeightSet,
      body.changes,
      body.reason,
      body.mode,
    );
  } catch (e) {
    ruleFailed(e);
  }
  try {
    await ctx.db.transaction().execute((trx) =>
      insertSet(ctx, trx, row, {
        weights: adjusted.weights,
        method: 'adjusted',
        reason: adjusted.reason,
        memberCount: latest.member_count,
      }),
    );
  } catch (e) {
    // Someone added a version since fromVersion was read: the adjustment was made on stale weights.
    if (isUniqueViolation(e))
      throw new AppError('VERSION_CONFLICT', `round ${key}'s weights changed meanwhile`, {
        errors: [{ field: 'body.fromVersion', message: 'a newer version exists' }],
      });
    throw e;
  }
  return getWeights(ctx, key);
}

/** An officer locks one version; from then on the weights cannot change and grading may open. */
export async function lockWeightSet(
  ctx: ServiceContext,
  key: string,
  version: number,
): Promise<WeightsResponse> {
  const row = await loadManagedRound(ctx, key);
  refuseIfLocked(row, await lockedWeightSet(ctx.db, row.id), 'params.version');
  if (!PROPOSING.has(row.status))
    throw new AppError('WRONG_PHASE', `round ${key} is ${row.status}`, {
      errors: [
        { field: 'params.version', message: 'weights are locked during self-evaluation or weighting' },
      ],
    });
  const set = await ctx.db
    .selectFrom('weight_sets')
    .selectAll()
    .where('round_id', '=', row.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!set)
    throw new AppError('NOT_FOUND', `round ${key} has no weight set version ${version}`, {
      errors: [{ field: 'params.version', message: 'no such version' }],
    });
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // The partial guard makes a second, concurrent lock a no-op instead of two locked sets.
    const updated = await trx
      .updateTable('weight_sets')
      .set({ locked_at: at, locked_by: actorAccountId(ctx.actor) })
      .where('id', '=', set.id)
      .where('locked_at', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('weight_sets as other')
              .select('other.id')
              .where('other.round_id', '=', row.id)
              .where('other.locked_at', 'is not', null),
          ),
        ),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('WRONG_PHASE', `round ${key}'s weights were locked meanwhile`, {
        errors: [{ field: 'params.version', message: 'already locked' }],
      });
    await audit(ctx, trx, {
      action: 'weights.lock',
      entityType: 'weight_set',
      entityId: set.id,
      after: { round: key, version, weights: JSON.parse(set.weights_json) as unknown },
    });
  });
  return getWeights(ctx, key);
}
