/**
 * Findings: officers record a round's "issues to be solved" per target cluster as tagged
 * recommendations and may carry one into a later round that evaluates the cluster again; the
 * cluster's headquarters respond and move the follow-up forward (open → responded → in_progress →
 * resolved), officers set any status. Officers read every finding, headquarters their own
 * cluster's from the moment they are recorded, and everyone the findings of published rounds.
 */
import {
  FOLLOW_UP_STATUSES,
  type ClusterFindingListQuery,
  type CreateFindingBody,
  type Finding,
  type FindingListQuery,
  type FindingListResponse,
  type RespondFindingBody,
  type UpdateFindingBody,
} from '../../../contracts/evaluation-findings';
import { can, headquartersClusterIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError, notFound, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { getVisibleCluster } from '../clusters/cluster.service';
import type { EvaluationRoundRow, FindingRow } from './evaluation.table';
import { findingSnapshot, toFinding } from './finding.presenter';
import {
  findFindingRow,
  type FindingFilter,
  type FindingWithRefs,
  insertFindingRow,
  isRoundTarget,
  listFindingRows,
  updateFindingAtVersion,
} from './finding.repo';
import { findRoundClusterByKey } from './round-access.repo';
import { announcedBy, getRoundCluster, isRoundAnnounced } from './round-access.service';
import { findRoundById, findRoundByKey } from './round.repo';
import { loadManagedRound, loadReadableRound, validationFailed } from './round.service';

/** Every status but draft: a round the public knows about. */
const OPENED: readonly string[] = [
  'self_evaluation',
  'weighting',
  'grading',
  'scoring',
  'published',
  'closed',
];

function isOfficer(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'round:read-unpublished');
}

function present(ctx: ServiceContext, row: FindingWithRefs): Finding {
  return toFinding(row, {
    canEdit: can(ctx.actor, 'round:manage'),
    canRespond: can(ctx.actor, 'finding:respond', { clusterId: row.cluster_id }),
    showDraftFollowUp: isOfficer(ctx),
  });
}

/** The round's findings the actor may read: all for officers or once published, else their own cluster's. */
export async function listRoundFindings(
  ctx: ServiceContext,
  key: string,
  query: FindingListQuery,
): Promise<FindingListResponse> {
  const round = await loadReadableRound(ctx, key);
  const filter: FindingFilter = { roundId: round.id, tag: query.tag, followUpStatus: query.followUpStatus };
  if (query.cluster) filter.clusterId = (await getRoundCluster(ctx, round, query.cluster)).id;
  // A round's findings are public with its results: published and announced (closing alone does not publish).
  if (!isOfficer(ctx) && !isRoundAnnounced(ctx, round)) filter.clusterIds = headquartersClusterIds(ctx.actor);
  const rows = await listFindingRows(ctx.db, filter);
  return { items: rows.map((r) => present(ctx, r)) };
}

/**
 * A cluster's findings across rounds with their follow-up, newest round first: every round's for
 * officers, opened rounds' for its headquarters, published rounds' for everyone else.
 */
export async function listClusterFindings(
  ctx: ServiceContext,
  clusterKey: string,
  query: ClusterFindingListQuery,
): Promise<FindingListResponse> {
  requirePermission(ctx.actor, 'published:read');
  const cluster = await getVisibleCluster(ctx, clusterKey);
  const scope: Pick<FindingFilter, 'roundStatuses' | 'announcedBy'> = isOfficer(ctx)
    ? {}
    : headquartersClusterIds(ctx.actor).includes(cluster.id)
      ? { roundStatuses: OPENED }
      : { announcedBy: announcedBy(ctx) };
  const rows = await listFindingRows(ctx.db, {
    clusterId: cluster.id,
    ...scope,
    tag: query.tag,
    followUpStatus: query.followUpStatus,
  });
  return { items: rows.map((r) => present(ctx, r)) };
}

function requireOpenRound(round: { key: string; status: string }, field: string): void {
  if (round.status === 'draft' || round.status === 'closed')
    throw new AppError(
      'WRONG_PHASE',
      `round ${round.key} is ${round.status}; its findings are recorded between opening and closing`,
      { errors: [{ field, message: `the round is ${round.status}` }] },
    );
}

/** An officer records a finding on a target cluster of the round. */
export async function createFinding(
  ctx: ServiceContext,
  key: string,
  body: CreateFindingBody,
): Promise<Finding> {
  const round = await loadManagedRound(ctx, key);
  requireOpenRound(round, 'params.key');
  const cluster = await findRoundClusterByKey(ctx.db, round.id, body.clusterKey);
  if (!cluster)
    throw validationFailed([{ field: 'body.clusterKey', message: `not a target cluster of round ${key}` }]);
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertFindingRow(trx, {
      round_id: round.id,
      cluster_id: cluster.id,
      tag: body.tag,
      text_ja: body.text.ja,
      text_en: body.text.en,
      response: null,
      responded_at: null,
      responded_by: null,
      follow_up_status: 'open',
      follow_up_round_id: null,
      created_by: actorAccountId(ctx.actor),
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'finding.create',
      entityType: 'finding',
      entityId: inserted.id,
      after: findingSnapshot(inserted),
    });
    return inserted.id;
  });
  return present(ctx, (await findFindingRow(ctx.db, id))!);
}

async function writeFinding(
  ctx: ServiceContext,
  row: FindingWithRefs,
  version: number,
  values: Partial<FindingRow>,
  action: string,
): Promise<Finding> {
  if (version !== row.version) throw versionConflict('finding', row.id, row.version);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateFindingAtVersion(trx, row.id, version, {
      ...values,
      updated_at: ctx.now().toISOString(),
    });
    if (!updated) {
      const fresh = await findFindingRow(trx, row.id);
      throw versionConflict('finding', row.id, fresh?.version ?? version);
    }
    await audit(ctx, trx, {
      action,
      entityType: 'finding',
      entityId: row.id,
      before: findingSnapshot(row),
      after: findingSnapshot(updated),
    });
  });
  return present(ctx, (await findFindingRow(ctx.db, row.id))!);
}

/** The later round a finding is carried into: it exists, comes after, and evaluates the cluster again. */
async function followUpRoundOf(
  ctx: ServiceContext,
  row: FindingWithRefs,
  roundKey: string,
): Promise<EvaluationRoundRow> {
  const field = 'body.followUpRoundKey';
  const next = await findRoundByKey(ctx.db, roundKey);
  if (!next)
    throw new AppError('UNKNOWN_REFERENCE', `round "${roundKey}" does not exist`, {
      errors: [{ field, message: `unknown round "${roundKey}"` }],
    });
  const source = (await findRoundById(ctx.db, row.round_id))!;
  const isLater =
    next.fiscal_year > source.fiscal_year || (next.fiscal_year === source.fiscal_year && next.id > source.id);
  if (!isLater)
    throw new AppError('RULE_VIOLATION', `round ${roundKey} does not come after round ${source.key}`, {
      errors: [{ field, message: `not a round after ${source.key}` }],
    });
  if (!(await isRoundTarget(ctx.db, next.id, row.cluster_id)))
    throw new AppError('RULE_VIOLATION', `round ${roundKey} does not evaluate cluster ${row.cluster_key}`, {
      errors: [{ field, message: `${row.cluster_key} is not a target cluster of ${roundKey}` }],
    });
  return next;
}

/** An officer edits a finding, sets its follow-up status, or carries it into a later round. */
export async function updateFinding(
  ctx: ServiceContext,
  id: number,
  body: UpdateFindingBody,
): Promise<Finding> {
  requirePermission(ctx.actor, 'round:manage');
  const row = await findFindingRow(ctx.db, id);
  if (!row) throw notFound('finding', id);
  // Follow-up goes on after a round closes; what the round found does not change then.
  if (body.tag !== undefined || body.text !== undefined)
    requireOpenRound({ key: row.round_key, status: row.round_status }, body.text ? 'body.text' : 'body.tag');
  let followUpRoundId: number | null | undefined;
  if (body.followUpRoundKey === null) followUpRoundId = null;
  else if (body.followUpRoundKey !== undefined)
    followUpRoundId = (await followUpRoundOf(ctx, row, body.followUpRoundKey)).id;
  const values: Partial<FindingRow> = {
    ...(body.tag !== undefined ? { tag: body.tag } : {}),
    ...(body.text !== undefined ? { text_ja: body.text.ja, text_en: body.text.en } : {}),
    ...(body.followUpStatus !== undefined ? { follow_up_status: body.followUpStatus } : {}),
    ...(followUpRoundId !== undefined ? { follow_up_round_id: followUpRoundId } : {}),
  };
  return writeFinding(ctx, row, body.version, values, 'finding.update');
}

/** The cluster's headquarters respond to a finding and move its follow-up forward. */
export async function respondToFinding(
  ctx: ServiceContext,
  id: number,
  body: RespondFindingBody,
): Promise<Finding> {
  const row = await findFindingRow(ctx.db, id);
  if (!row) throw notFound('finding', id);
  requirePermission(ctx.actor, 'finding:respond', { clusterId: row.cluster_id });
  const current = row.follow_up_status as (typeof FOLLOW_UP_STATUSES)[number];
  const next = body.followUpStatus ?? (current === 'open' ? 'responded' : current);
  if (FOLLOW_UP_STATUSES.indexOf(next) < FOLLOW_UP_STATUSES.indexOf(current))
    throw new AppError(
      'INVALID_TRANSITION',
      `finding ${id} is ${current}; headquarters move it forward only`,
      {
        errors: [{ field: 'body.followUpStatus', message: `cannot go back from ${current} to ${next}` }],
      },
    );
  return writeFinding(
    ctx,
    row,
    body.version,
    {
      response: body.response,
      responded_at: ctx.now().toISOString(),
      responded_by: actorAccountId(ctx.actor),
      follow_up_status: next,
    },
    'finding.respond',
  );
}
