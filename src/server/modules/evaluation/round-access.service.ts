/**
 * Who reads what the evaluation keeps per cluster (self-evaluations, interviews): officers every
 * cluster, a cluster's headquarters their own, and an evaluator the clusters assigned to them with
 * no conflict of interest. A conflicted evaluator is refused like anyone else, so the content never
 * reaches them.
 */
import { announcedFrom, isAnnounced } from '../../../domain/evaluation/announcement';
import { japanDate } from '../../../domain/fiscal-year';
import { can, headquartersClusterIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError, notFound } from '../../http/app-error';
import { actorAccountId } from '../auth/authorize';
import type { EvaluationRoundRow } from './evaluation.table';
import { findRoundClusterByKey, listClearAssignedClusterIds } from './round-access.repo';
import type { RoundClusterInfo } from './round.repo';

export type ClusterReader = 'officer' | 'headquarters' | 'evaluator';

/**
 * Whether everyone (the public, headquarters, evaluators) reads the round's published results now:
 * published, and its announcement date has come in Japan. Officers read them from publication.
 */
export function isRoundAnnounced(ctx: ServiceContext, round: EvaluationRoundRow): boolean {
  return isAnnounced({ publishedAt: round.published_at, announceOn: round.announce_on }, ctx.now());
}

/** Today in Japan: results of rounds announced on or before it are public (for SQL filters). */
export function announcedBy(ctx: ServiceContext): string {
  return japanDate(ctx.now());
}

/** 409 for a published round read before its announcement date by someone who is not an officer. */
export function notYetAnnounced(round: EvaluationRoundRow): AppError {
  const from = announcedFrom({ publishedAt: round.published_at, announceOn: round.announce_on });
  return new AppError('WRONG_PHASE', `round ${round.key}'s results are announced on ${from}`, {
    errors: [{ field: 'params.key', message: `announced on ${from}` }],
  });
}

/** The refusal for someone who may not read: 401 for the public, 403 for an account. */
export function readRefused(ctx: ServiceContext, what: string): AppError {
  if (ctx.actor.kind === 'anonymous') return new AppError('UNAUTHENTICATED', 'Sign in to do this');
  return new AppError('FORBIDDEN', `You may not read ${what}`);
}

/** The round's target cluster by key; 404 when the round does not evaluate it. */
export async function getRoundCluster(
  ctx: ServiceContext,
  round: EvaluationRoundRow,
  clusterKey: string,
): Promise<RoundClusterInfo> {
  const cluster = await findRoundClusterByKey(ctx.db, round.id, clusterKey);
  if (!cluster) throw notFound(`cluster of round ${round.key}`, clusterKey);
  return cluster;
}

/** The round's clusters the actor evaluates without a conflict of interest (none for non-evaluators). */
export async function clearEvaluatorClusterIds(
  ctx: ServiceContext,
  round: EvaluationRoundRow,
): Promise<number[]> {
  const me = actorAccountId(ctx.actor);
  if (me === null || !can(ctx.actor, 'grade:submit')) return [];
  return listClearAssignedClusterIds(ctx.db, round.id, me);
}

/**
 * How the actor reads the round's cluster: as an officer, as its headquarters, or as an evaluator
 * assigned to it without a conflict; everyone else is refused (401/403).
 */
export async function requireClusterReader(
  ctx: ServiceContext,
  round: EvaluationRoundRow,
  clusterId: number,
  what: string,
): Promise<ClusterReader> {
  if (can(ctx.actor, 'round:read-unpublished')) return 'officer';
  if (headquartersClusterIds(ctx.actor).includes(clusterId)) return 'headquarters';
  if ((await clearEvaluatorClusterIds(ctx, round)).includes(clusterId)) return 'evaluator';
  throw readRefused(ctx, what);
}

/**
 * The round's clusters the actor may read per cluster, for lists: every one (true) for officers,
 * else their headquarters' and clearly assigned ones; refused (401/403) when the actor is none of
 * officer, headquarters or evaluator.
 */
export async function readableClusterIds(
  ctx: ServiceContext,
  round: EvaluationRoundRow,
  what: string,
): Promise<true | { headquarters: number[]; evaluator: number[] }> {
  if (can(ctx.actor, 'round:read-unpublished')) return true;
  const headquarters = headquartersClusterIds(ctx.actor);
  const isEvaluator = can(ctx.actor, 'grade:submit');
  if (headquarters.length === 0 && !isEvaluator) throw readRefused(ctx, what);
  return { headquarters, evaluator: await clearEvaluatorClusterIds(ctx, round) };
}
