/**
 * Interviews: officers schedule one or more per target cluster (when, where, who attends on which
 * side) and record minutes against the round's criterion items, until grading ends (409
 * WRONG_PHASE after). Officers and the evaluators assigned to the cluster without a conflict read
 * the minutes; the cluster's headquarters read when and where, and who attends for the cluster.
 */
import type {
  CreateInterviewBody,
  Interview,
  InterviewListQuery,
  InterviewListResponse,
  InterviewMinutes,
  UpdateInterviewBody,
} from '../../../contracts/evaluation-interviews';
import { CreateInterviewBody as CreateInterviewSchema } from '../../../contracts/evaluation-interviews';
import { can } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError, type FieldError, notFound, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import type { EvaluationRoundRow, InterviewRow } from './evaluation.table';
import { interviewSnapshot, type InterviewView, toInterview } from './interview.presenter';
import {
  deleteInterviewAtVersion,
  findInterviewRow,
  type InterviewWithCluster,
  insertInterviewRow,
  listInterviewRows,
  updateInterviewAtVersion,
} from './interview.repo';
import { findRoundClusterByKey } from './round-access.repo';
import { getRoundCluster, readableClusterIds } from './round-access.service';
import { roundItemKeys } from './round.presenter';
import { loadManagedRound, loadReadableRound, validationFailed } from './round.service';

/** Interviews are part of the examination: they change until grading ends (scoring starts). */
const INTERVIEW_STATUSES: ReadonlySet<string> = new Set(['draft', 'self_evaluation', 'weighting', 'grading']);

function requireInterviewPhase(round: EvaluationRoundRow): void {
  if (!INTERVIEW_STATUSES.has(round.status))
    throw new AppError(
      'WRONG_PHASE',
      `round ${round.key} is ${round.status}; interviews change only until grading ends`,
      { errors: [{ field: 'params.key', message: `the round is ${round.status}` }] },
    );
}

function minutesErrors(round: EvaluationRoundRow, minutes: InterviewMinutes | undefined): FieldError[] {
  const items = new Set(roundItemKeys(round));
  return Object.keys(minutes ?? {})
    .filter((k) => !items.has(k))
    .map((k) => ({ field: `body.minutes.${k}`, message: `the round has no criterion item ${k}` }));
}

/** Minutes as kept: blank entries dropped, so an item has minutes or none. */
function keptMinutes(minutes: InterviewMinutes): string {
  return JSON.stringify(Object.fromEntries(Object.entries(minutes).filter(([, t]) => t.trim() !== '')));
}

function present(
  ctx: ServiceContext,
  round: EvaluationRoundRow,
  row: InterviewWithCluster,
  view: InterviewView,
) {
  return toInterview(row, view, can(ctx.actor, 'round:manage') && INTERVIEW_STATUSES.has(round.status));
}

/** The round's interviews the actor may read, soonest first; optionally of one cluster (by key). */
export async function listInterviews(
  ctx: ServiceContext,
  key: string,
  query: InterviewListQuery,
): Promise<InterviewListResponse> {
  const round = await loadReadableRound(ctx, key);
  const readable = await readableClusterIds(ctx, round, 'interviews');
  const only = query.cluster ? (await getRoundCluster(ctx, round, query.cluster)).id : undefined;
  const viewOf = (clusterId: number): InterviewView | null => {
    if (readable === true) return 'officer';
    if (readable.evaluator.includes(clusterId)) return 'evaluator';
    if (readable.headquarters.includes(clusterId)) return 'headquarters';
    return null;
  };
  const ids = readable === true ? true : [...new Set([...readable.evaluator, ...readable.headquarters])];
  const rows = await listInterviewRows(
    ctx.db,
    round.id,
    only === undefined ? ids : ids === true || ids.includes(only) ? [only] : [],
  );
  return {
    items: rows.flatMap((row) => {
      const view = viewOf(row.cluster_id);
      return view ? [present(ctx, round, row, view)] : [];
    }),
  };
}

/** An officer schedules an interview of a target cluster, with minutes per criterion item if known. */
export async function createInterview(
  ctx: ServiceContext,
  key: string,
  input: CreateInterviewBody,
): Promise<Interview> {
  const round = await loadManagedRound(ctx, key);
  const body = CreateInterviewSchema.parse(input);
  requireInterviewPhase(round);
  const cluster = await findRoundClusterByKey(ctx.db, round.id, body.clusterKey);
  const errors: FieldError[] = [
    ...(cluster ? [] : [{ field: 'body.clusterKey', message: `not a target cluster of round ${key}` }]),
    ...minutesErrors(round, body.minutes),
  ];
  if (errors.length > 0 || !cluster) throw validationFailed(errors);
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertInterviewRow(trx, {
      round_id: round.id,
      cluster_id: cluster.id,
      held_at: new Date(body.heldAt).toISOString(),
      place: body.place,
      attendees_json: JSON.stringify(body.attendees),
      minutes_json: keptMinutes(body.minutes),
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'interview.create',
      entityType: 'interview',
      entityId: inserted.id,
      after: interviewSnapshot(inserted),
    });
    return inserted.id;
  });
  return present(ctx, round, (await findInterviewRow(ctx.db, round.id, id))!, 'officer');
}

async function loadInterview(
  ctx: ServiceContext,
  key: string,
  id: number,
): Promise<{ round: EvaluationRoundRow; row: InterviewWithCluster }> {
  const round = await loadManagedRound(ctx, key);
  const row = await findInterviewRow(ctx.db, round.id, id);
  if (!row) throw notFound(`interview of round ${key}`, id);
  return { round, row };
}

/** An officer edits an interview (or records its minutes) at the version read. */
export async function updateInterview(
  ctx: ServiceContext,
  key: string,
  id: number,
  body: UpdateInterviewBody,
): Promise<Interview> {
  const { round, row } = await loadInterview(ctx, key, id);
  requireInterviewPhase(round);
  const errors = minutesErrors(round, body.minutes);
  if (errors.length > 0) throw validationFailed(errors);
  if (body.version !== row.version) throw versionConflict('interview', id, row.version);
  const values: Partial<InterviewRow> = {
    ...(body.heldAt !== undefined ? { held_at: new Date(body.heldAt).toISOString() } : {}),
    ...(body.place !== undefined ? { place: body.place } : {}),
    ...(body.attendees !== undefined ? { attendees_json: JSON.stringify(body.attendees) } : {}),
    ...(body.minutes !== undefined ? { minutes_json: keptMinutes(body.minutes) } : {}),
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateInterviewAtVersion(trx, row.id, body.version, values);
    if (!updated) {
      const fresh = await findInterviewRow(trx, round.id, id);
      throw versionConflict('interview', id, fresh?.version ?? body.version);
    }
    await audit(ctx, trx, {
      action: 'interview.update',
      entityType: 'interview',
      entityId: row.id,
      before: interviewSnapshot(row),
      after: interviewSnapshot(updated),
    });
  });
  return present(ctx, round, (await findInterviewRow(ctx.db, round.id, id))!, 'officer');
}

/** An officer deletes an interview at the version read, until grading ends; the audit log keeps it. */
export async function deleteInterview(
  ctx: ServiceContext,
  key: string,
  id: number,
  version: number,
): Promise<void> {
  const { round, row } = await loadInterview(ctx, key, id);
  requireInterviewPhase(round);
  if (version !== row.version) throw versionConflict('interview', id, row.version);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteInterviewAtVersion(trx, row.id, version))) {
      const fresh = await findInterviewRow(trx, round.id, id);
      throw versionConflict('interview', id, fresh?.version ?? version);
    }
    await audit(ctx, trx, {
      action: 'interview.delete',
      entityType: 'interview',
      entityId: row.id,
      before: interviewSnapshot(row),
    });
  });
}
