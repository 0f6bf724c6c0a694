/**
 * A round's scores and published results. Officers read the scores from the scoring phase on (no
 * one sees totals while grading runs); an evaluator of the round reads them in the scoring phase
 * once every grading assigned to them is submitted, with the other evaluators anonymised; the
 * public and headquarters read them once published, from the round_results snapshot. Officers
 * write a consolidated comment per cluster and publish: a result row per cluster, the round
 * published, audited, once.
 */
import {
  type ClusterEvaluationsResponse,
  type ClusterScoreEntry,
  type EvaluatorRef,
  PublishRoundBody as PublishRoundSchema,
  type PublishRoundBody,
  type ResultCommentBody,
  type ResultCommentResponse,
  type RoundResultsResponse,
  type RoundScoresQuery,
  type RoundScoresResponse,
  ResultCommentBody as ResultCommentSchema,
} from '../../../contracts/evaluation-results';
import type { BandsInput, GradeScaleInput, RoundCriteria } from '../../../contracts/evaluation-rounds';
import {
  type ClusterGrading,
  defineGradeScale,
  displayWeights,
  EvaluationRuleError,
  evaluatorLeniency,
  type GradeScale,
  gradeDistribution,
  type RankedClusterScore,
  rankingStability,
  roundAgreement,
  scoreRound,
  type WeightSet,
} from '../../../domain/evaluation';
import { can, headquartersClusterIds } from '../../../domain/permissions';
import type { Db, ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, type FieldError, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { getVisibleCluster } from '../clusters/cluster.service';
import type { EvaluationRoundRow, RoundResultRow, WeightSetRow } from './evaluation.table';
import {
  announcedBy,
  getRoundCluster,
  isRoundAnnounced,
  notYetAnnounced,
  readRefused,
} from './round-access.service';
import { parseRoundBands, parseRoundCriteria, parseRoundScale } from './round.presenter';
import { isRoundMember, loadManagedRound, loadReadableRound } from './round.service';
import {
  evaluatorRefs,
  toItemDistribution,
  toResultClusterRef,
  toResultItems,
  toResultRoundRef,
  toResultWeightSet,
} from './results.presenter';
import {
  countRoundResults,
  findLockedWeightSet,
  findResultComment,
  findWeightSetById,
  insertResultComment,
  insertRoundResults,
  listClusterEvaluations,
  listResultComments,
  listRoundGrades,
  listRoundResults,
  listScoredAssignments,
  listScoredClusters,
  markRoundPublished,
  type ScoredAssignmentRow,
  type ScoredClusterRow,
  updateResultCommentAtVersion,
} from './results.repo';

// ---------------------------------------------------------------------------------------------
// Loading and scoring a round

/** Everything the rules need to score a round, read once. */
export interface RoundScoring {
  round: EvaluationRoundRow;
  criteria: RoundCriteria;
  items: string[];
  scaleInput: GradeScaleInput;
  scale: GradeScale;
  bands: BandsInput;
  weightSet: WeightSetRow;
  weights: WeightSet;
  clusters: ScoredClusterRow[];
  assignments: ScoredAssignmentRow[];
  /** One per cluster, in `clusters` order. */
  gradings: ClusterGrading[];
  /** The live scores, in rank order. */
  ranked: RankedClusterScore[];
  /** Non-conflicted assignments not submitted yet. */
  pending: ScoredAssignmentRow[];
}

function wrongPhase(round: EvaluationRoundRow, detail: string): AppError {
  return new AppError('WRONG_PHASE', `round ${round.key} is ${round.status}: ${detail}`, {
    errors: [{ field: 'params.key', message: detail }],
  });
}

/**
 * Runs a rule on what is stored: a refusal means the stored weights or grades break the rules
 * (another slice let them in), which the officer must correct; it is not the request's fault.
 */
function fromStored<T>(round: EvaluationRoundRow, rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    throw storedDataError(round, error);
  }
}

function storedDataError(round: EvaluationRoundRow, error: unknown): unknown {
  if (!(error instanceof EvaluationRuleError)) return error;
  return new AppError(
    'RULE_VIOLATION',
    `round ${round.key}'s stored weights or grades cannot be scored (${error.code}): ${error.message}`,
  );
}

/** The weight set the scores use: the snapshot's when published, else the locked one. */
async function weightSetFor(
  db: Db,
  round: EvaluationRoundRow,
  snapshot: RoundResultRow[],
): Promise<WeightSetRow> {
  const id = snapshot[0]?.weight_set_id;
  const row = id !== undefined ? await findWeightSetById(db, id) : await findLockedWeightSet(db, round.id);
  if (!row)
    throw new AppError('WEIGHTS_NOT_LOCKED', `round ${round.key} has no locked weight set`, {
      errors: [{ field: 'params.key', message: 'the weighting group’s weights are not locked' }],
    });
  return row;
}

/** Reads the round's weights, assignments and grades and scores it live (rank order, ties shared). */
export async function loadRoundScoring(
  db: Db,
  round: EvaluationRoundRow,
  snapshot: RoundResultRow[] = [],
): Promise<RoundScoring> {
  const criteria = parseRoundCriteria(round);
  const items = criteria.flatMap((g) => g.items.map((i) => i.key));
  const scaleInput = parseRoundScale(round);
  const bands = parseRoundBands(round);
  const [weightSet, clusters, assignments, grades] = await Promise.all([
    weightSetFor(db, round, snapshot),
    listScoredClusters(db, round.id),
    listScoredAssignments(db, round.id),
    listRoundGrades(db, round.id),
  ]);
  const weights = JSON.parse(weightSet.weights_json) as WeightSet;
  const byAssignment = new Map<number, Record<string, string>>();
  for (const g of grades) {
    const record = byAssignment.get(g.assignment_id) ?? {};
    record[g.item_key] = g.grade;
    byAssignment.set(g.assignment_id, record);
  }
  const gradings: ClusterGrading[] = clusters.map((c) => ({
    clusterId: c.id,
    gradings: assignments
      .filter((a) => a.cluster_id === c.id)
      .map((a) => ({
        evaluatorId: a.evaluator_account_id,
        submitted: a.submitted_at !== null,
        conflicted: a.conflict_kind !== null,
        grades: byAssignment.get(a.id) ?? {},
      })),
  }));
  const scale = fromStored(round, () => defineGradeScale(scaleInput));
  const ranked = fromStored(round, () => scoreRound({ items, weights, scale, clusters: gradings, bands }));
  return {
    round,
    criteria,
    items,
    scaleInput,
    scale,
    bands,
    weightSet,
    weights,
    clusters,
    assignments,
    gradings,
    ranked,
    pending: assignments.filter((a) => a.conflict_kind === null && a.submitted_at === null),
  };
}

/** A cluster's figures as results and allocation use them. */
export interface ClusterTotal {
  cluster: ScoredClusterRow;
  totalScore: number | null;
  score100: number | null;
  rank: number | null;
  band: string | null;
  evaluatorCount: number;
}

/**
 * Every cluster's total, score on 100, rank and band: the published snapshot once the round is
 * published, else computed live in the scoring phase; refused (409) earlier. Rank order.
 */
export async function loadRoundTotals(
  db: Db,
  round: EvaluationRoundRow,
): Promise<{ source: 'published' | 'live'; totals: ClusterTotal[] }> {
  if (round.published_at !== null) {
    const [results, clusters] = await Promise.all([
      listRoundResults(db, round.id),
      listScoredClusters(db, round.id),
    ]);
    const byId = new Map(results.map((r) => [r.cluster_id, r]));
    const totals = clusters
      .filter((c) => byId.has(c.id))
      .map((c) => {
        const r = byId.get(c.id)!;
        return {
          cluster: c,
          totalScore: r.total_score,
          score100: r.score_100,
          rank: r.rank,
          band: r.band,
          evaluatorCount: r.evaluator_count,
        };
      });
    return { source: 'published', totals: byRank(totals) };
  }
  if (round.status !== 'scoring')
    throw wrongPhase(round, 'scores exist from the scoring phase on (and once published)');
  const scoring = await loadRoundScoring(db, round);
  const clusters = new Map(scoring.clusters.map((c) => [c.id, c]));
  return {
    source: 'live',
    totals: scoring.ranked.map((s) => ({
      cluster: clusters.get(s.clusterId)!,
      totalScore: s.score,
      score100: s.score100,
      rank: s.rank,
      band: s.band,
      evaluatorCount: s.evaluatorCount,
    })),
  };
}

function byRank<T extends { rank: number | null; cluster: { key: string } }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.cluster.key.localeCompare(b.cluster.key),
  );
}

/**
 * The round's clusters the actor may see, as the ledger and cluster pages decide: every one for
 * officers, else published clusters and a headquarters' own.
 */
export function clusterVisibility(ctx: ServiceContext): (c: ScoredClusterRow) => boolean {
  if (can(ctx.actor, 'unpublished:read')) return () => true;
  const own = new Set(headquartersClusterIds(ctx.actor));
  return (c) => c.is_published === 1 || own.has(c.id);
}

function weightSetOf(scoring: RoundScoring) {
  const display = fromStored(scoring.round, () => displayWeights(scoring.items, scoring.weights, 1));
  return toResultWeightSet(scoring.weightSet, scoring.weights, display);
}

function commentOf(row: { comment_ja: string | null; comment_en: string | null } | undefined) {
  if (!row || (row.comment_ja === null && row.comment_en === null)) return null;
  return { ja: row.comment_ja ?? '', en: row.comment_en ?? '' };
}

// ---------------------------------------------------------------------------------------------
// GET /rounds/:key/scores

type Audience = RoundScoresResponse['audience'];

/**
 * Who reads the scores, and as what: officers from the scoring phase on; an evaluator of the round
 * in the scoring phase once every clear assignment of theirs is submitted; everyone once published.
 */
async function scoresAudience(ctx: ServiceContext, round: EvaluationRoundRow): Promise<Audience> {
  if (can(ctx.actor, 'round:read-unpublished')) {
    if (round.published_at === null && round.status !== 'scoring' && round.status !== 'closed')
      throw wrongPhase(round, 'no one sees totals before the scoring phase');
    return 'officer';
  }
  if (isRoundAnnounced(ctx, round)) return 'public';
  if (round.published_at !== null) throw notYetAnnounced(round);
  const me = actorAccountId(ctx.actor);
  if (
    me !== null &&
    can(ctx.actor, 'grade:submit') &&
    (await isRoundMember(ctx.db, round.id, me, 'evaluator'))
  ) {
    if (round.status !== 'scoring') throw wrongPhase(round, 'no one sees totals before the scoring phase');
    const mine = (await listScoredAssignments(ctx.db, round.id)).filter(
      (a) => a.evaluator_account_id === me && a.conflict_kind === null,
    );
    if (mine.length === 0 || mine.some((a) => a.submitted_at === null))
      throw new AppError(
        'FORBIDDEN',
        `submit every grading assigned to you in round ${round.key} before reading its scores`,
      );
    return 'evaluator';
  }
  throw readRefused(ctx, `round ${round.key}'s scores before they are published`);
}

/** Maps the stability rule's option fields onto the query's names. */
function stabilityQueryError(error: EvaluationRuleError): AppError {
  const names: Record<string, string> = { trials: 'trials', spread: 'perturbation', seed: 'seed' };
  const errors: FieldError[] = error.issues.map((i) => ({
    field: `query.${names[i.field] ?? i.field}`,
    message: i.message,
  }));
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
}

/** The round's scores for the actor's audience (see {@link scoresAudience}). */
export async function getRoundScores(
  ctx: ServiceContext,
  key: string,
  query: RoundScoresQuery,
): Promise<RoundScoresResponse> {
  const round = await loadReadableRound(ctx, key);
  const audience = await scoresAudience(ctx, round);
  const published = round.published_at !== null;
  const snapshot = published ? await listRoundResults(ctx.db, round.id) : [];
  const scoring = await loadRoundScoring(ctx.db, round, snapshot);
  const { items, scale, gradings } = scoring;
  const me = actorAccountId(ctx.actor);
  const officer = audience === 'officer';

  const names = new Map(scoring.assignments.map((a) => [a.evaluator_account_id, a.display_name]));
  const refs = evaluatorRefs(
    [...names.entries()].map(([id, name]) => ({ id, name })),
    { showNames: officer, me },
  );
  const refOf = (id: number): EvaluatorRef => refs.get(id)!;

  let stability;
  try {
    stability = rankingStability(
      { items, weights: scoring.weights, scale, clusters: gradings },
      { seed: query.seed, trials: query.trials, spread: query.perturbation },
    );
  } catch (error) {
    if (error instanceof EvaluationRuleError && error.code === 'invalid_options')
      throw stabilityQueryError(error);
    throw storedDataError(round, error);
  }
  const stabilityById = new Map(stability.clusters.map((c) => [c.clusterId, c]));
  const agreement = fromStored(round, () => roundAgreement(items, scale, gradings, 'ordinal'));
  const leniency = officer ? fromStored(round, () => evaluatorLeniency(items, scale, gradings)) : null;
  const distribution = fromStored(round, () =>
    gradeDistribution(
      items,
      scale,
      gradings.flatMap((c) => c.gradings),
    ),
  );
  const drafts = !published && officer ? await listResultComments(ctx.db, round.id) : [];
  const draftVersions = new Map(drafts.map((r) => [r.cluster_id, r.version]));
  const comments = published
    ? new Map(snapshot.map((r) => [r.cluster_id, commentOf(r)]))
    : new Map(drafts.map((r) => [r.cluster_id, commentOf(r)]));

  const visible = clusterVisibility(ctx);
  const clusterById = new Map(scoring.clusters.map((c) => [c.id, c]));
  const gradingById = new Map(gradings.map((g) => [g.clusterId, g]));
  const snapshotById = new Map(snapshot.map((r) => [r.cluster_id, r]));
  const keyOf = (id: number) => clusterById.get(id)!.key;

  // Published figures come from the snapshot; ties are read from its ranks.
  const snapshotTies = (clusterId: number, rank: number | null): string[] =>
    rank === null
      ? []
      : snapshot
          .filter((r) => r.cluster_id !== clusterId && r.rank === rank)
          .map((r) => keyOf(r.cluster_id))
          .sort();

  // A conflicted evaluator learns nothing of that cluster's grading, not even after scoring opens.
  const conflictedForMe = new Set(
    audience === 'evaluator'
      ? scoring.assignments
          .filter((a) => a.evaluator_account_id === me && a.conflict_kind !== null)
          .map((a) => a.cluster_id)
      : [],
  );
  const entries: ClusterScoreEntry[] = scoring.ranked
    .filter((s) => visible(clusterById.get(s.clusterId)!) && !conflictedForMe.has(s.clusterId))
    .map((s) => {
      const cluster = clusterById.get(s.clusterId)!;
      const grading = gradingById.get(s.clusterId)!;
      const fixed = snapshotById.get(s.clusterId);
      const st = stabilityById.get(s.clusterId);
      return {
        cluster: toResultClusterRef(cluster),
        totalScore: fixed ? fixed.total_score : s.score,
        score100: fixed ? fixed.score_100 : s.score100,
        rank: fixed ? fixed.rank : s.rank,
        tiedWith: fixed ? snapshotTies(s.clusterId, fixed.rank) : s.tiedWith.map(keyOf).sort(),
        band: fixed ? fixed.band : s.band,
        evaluatorCount: fixed ? fixed.evaluator_count : s.evaluatorCount,
        conflictedCount: s.conflicted.length,
        pendingCount: s.notSubmitted.length,
        // Individual scores stay inside the round: the public (and headquarters) read the totals,
        // since letters that follow one evaluator across clusters could be matched to names.
        evaluators:
          audience === 'public'
            ? []
            : s.evaluators
                // Labels follow account order, so this lists A, B, C….
                .sort((a, b) => a.evaluatorId - b.evaluatorId)
                .map((e) => ({ evaluator: refOf(e.evaluatorId), score: e.score })),
        distribution: fromStored(round, () => gradeDistribution(items, scale, grading.gradings)).map(
          toItemDistribution,
        ),
        stability:
          st && st.baselineRank !== null
            ? {
                baselineRank: st.baselineRank,
                keptRankShare: st.keptRankShare!,
                minRank: st.minRank!,
                maxRank: st.maxRank!,
                meanRank: st.meanRank!,
              }
            : null,
        comment: comments.get(s.clusterId) ?? null,
        commentVersion: draftVersions.get(s.clusterId) ?? null,
      };
    });

  return {
    round: toResultRoundRef(round),
    audience,
    source: published ? 'published' : 'live',
    complete: scoring.pending.length === 0,
    pendingAssignments: scoring.pending.length,
    scale: scoring.scaleInput,
    bands: scoring.bands,
    items: toResultItems(scoring.criteria),
    weightSet: weightSetOf(scoring),
    clusters: published ? byRank(entries) : entries,
    distribution: distribution.map(toItemDistribution),
    agreement: {
      metric: 'ordinal',
      overall: agreement.overall,
      items: agreement.items.map((i) => ({ item: i.item, ...i.agreement })),
    },
    leniency:
      leniency === null
        ? null
        : leniency.map((l) => ({ evaluator: refOf(l.evaluatorId), leniency: l.leniency, units: l.units })),
    stability: { seed: stability.seed, trials: stability.trials, perturbation: stability.spread },
  };
}

// ---------------------------------------------------------------------------------------------
// Consolidated comments

/** Officers write a cluster's consolidated comment (ja/en) before publication, at the version read. */
export async function putResultComment(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
  input: ResultCommentBody,
): Promise<ResultCommentResponse> {
  const round = await loadManagedRound(ctx, key);
  const body = ResultCommentSchema.parse(input);
  if (round.published_at !== null || round.status === 'closed')
    throw new AppError('WRONG_PHASE', `round ${key} is ${round.status}: its comments are published`, {
      errors: [{ field: 'body.comment', message: 'comments are written before publication' }],
    });
  const cluster = await getRoundCluster(ctx, round, clusterKey);
  const values = {
    comment_ja: body.comment.ja === '' ? null : body.comment.ja,
    comment_en: body.comment.en === '' ? null : body.comment.en,
    updated_at: ctx.now().toISOString(),
    updated_by: actorAccountId(ctx.actor),
  };
  const existing = await findResultComment(ctx.db, round.id, cluster.id);
  if (existing && body.version !== existing.version)
    throw versionConflict(`comment on ${clusterKey} in round`, key, existing.version);
  let saved;
  try {
    saved = await ctx.db.transaction().execute(async (trx) => {
      const row = existing
        ? await updateResultCommentAtVersion(trx, round.id, cluster.id, existing.version, values)
        : await insertResultComment(trx, { round_id: round.id, cluster_id: cluster.id, ...values });
      if (!row) {
        const fresh = await findResultComment(trx, round.id, cluster.id);
        throw versionConflict(`comment on ${clusterKey} in round`, key, fresh?.version ?? existing!.version);
      }
      await audit(ctx, trx, {
        action: 'round-result.comment',
        entityType: 'evaluation_round',
        entityId: round.id,
        before: existing
          ? {
              cluster: clusterKey,
              ja: existing.comment_ja,
              en: existing.comment_en,
              version: existing.version,
            }
          : null,
        after: { cluster: clusterKey, ja: row.comment_ja, en: row.comment_en, version: row.version },
      });
      return row;
    });
  } catch (error) {
    // Two officers writing the first comment at once: the loser read no version.
    if (isUniqueViolation(error)) {
      const fresh = await findResultComment(ctx.db, round.id, cluster.id);
      throw versionConflict(`comment on ${clusterKey} in round`, key, fresh?.version ?? 1);
    }
    throw error;
  }
  return {
    cluster: toResultClusterRef(cluster),
    comment: commentOf(saved),
    version: saved.version,
    updatedAt: saved.updated_at,
  };
}

// ---------------------------------------------------------------------------------------------
// Publication

/**
 * Publishes a scored round at its version: every non-conflicted assignment submitted (or
 * `allowIncomplete` with a reason), a round_results row per cluster (weight set, total, score on
 * 100, rank, band, evaluator count, consolidated comments), status published; once only.
 */
export async function publishRound(
  ctx: ServiceContext,
  key: string,
  input: PublishRoundBody,
): Promise<RoundResultsResponse> {
  const round = await loadManagedRound(ctx, key);
  const body = PublishRoundSchema.parse(input);
  if (round.published_at !== null)
    throw new AppError('DUPLICATE', `round ${key} was already published at ${round.published_at}`, {
      errors: [{ field: 'params.key', message: 'already published; results are a snapshot' }],
    });
  if (round.status !== 'scoring') throw wrongPhase(round, 'a round is published from the scoring phase');
  if (body.version !== round.version) throw versionConflict('round', key, round.version);
  const scoring = await loadRoundScoring(ctx.db, round);
  if (scoring.pending.length > 0 && !body.allowIncomplete) {
    const clusterKeys = new Map(scoring.clusters.map((c) => [c.id, c.key]));
    const which = [...new Set(scoring.pending.map((p) => clusterKeys.get(p.cluster_id)))].join(', ');
    throw new AppError(
      'RULE_VIOLATION',
      `${scoring.pending.length} grading(s) are not submitted (clusters ${which}); publish with allowIncomplete and a reason, or wait`,
      {
        errors: [
          {
            field: 'body.allowIncomplete',
            message: `${scoring.pending.length} grading(s) not submitted`,
          },
        ],
      },
    );
  }
  const comments = new Map((await listResultComments(ctx.db, round.id)).map((c) => [c.cluster_id, c]));
  const clusterKeys = new Map(scoring.clusters.map((c) => [c.id, c.key]));
  const at = ctx.now().toISOString();
  const rows = scoring.ranked.map((s) => ({
    round_id: round.id,
    cluster_id: s.clusterId,
    weight_set_id: scoring.weightSet.id,
    total_score: s.score,
    score_100: s.score100,
    rank: s.rank,
    band: s.band,
    evaluator_count: s.evaluatorCount,
    comment_ja: comments.get(s.clusterId)?.comment_ja ?? null,
    comment_en: comments.get(s.clusterId)?.comment_en ?? null,
    published_at: at,
  }));
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const moved = await markRoundPublished(trx, round.id, round.version, at);
      if (!moved) throw versionConflict('round', key, round.version + 1);
      await insertRoundResults(trx, rows);
      await audit(ctx, trx, {
        action: 'round.publish',
        entityType: 'evaluation_round',
        entityId: round.id,
        before: { status: round.status, version: round.version },
        after: {
          status: 'published',
          publishedAt: at,
          version: moved.version,
          weightSetId: scoring.weightSet.id,
          weightSetVersion: scoring.weightSet.version,
          pendingGradings: scoring.pending.length,
          allowIncomplete: body.allowIncomplete,
          reason: body.reason ?? null,
          results: rows.map((r) => ({
            cluster: clusterKeys.get(r.cluster_id),
            totalScore: r.total_score,
            rank: r.rank,
            band: r.band,
            evaluatorCount: r.evaluator_count,
          })),
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('DUPLICATE', `round ${key} was published by someone else just now`, {
        errors: [{ field: 'params.key', message: 'already published' }],
      });
    throw error;
  }
  return getRoundResults(ctx, key);
}

/** The published results: per cluster band, total, rank and consolidated comments; never a name. */
export async function getRoundResults(ctx: ServiceContext, key: string): Promise<RoundResultsResponse> {
  const round = await loadReadableRound(ctx, key);
  if (round.published_at === null) throw wrongPhase(round, 'results are read once the round is published');
  if (!can(ctx.actor, 'round:read-unpublished') && !isRoundAnnounced(ctx, round))
    throw notYetAnnounced(round);
  const results = await listRoundResults(ctx.db, round.id);
  const [weightSet, clusters] = await Promise.all([
    weightSetFor(ctx.db, round, results),
    listScoredClusters(ctx.db, round.id),
  ]);
  const criteria = parseRoundCriteria(round);
  const items = criteria.flatMap((g) => g.items.map((i) => i.key));
  const weights = JSON.parse(weightSet.weights_json) as WeightSet;
  const display = fromStored(round, () => displayWeights(items, weights, 1));
  const visible = clusterVisibility(ctx);
  const byId = new Map(results.map((r) => [r.cluster_id, r]));
  const entries = clusters
    .filter((c) => byId.has(c.id) && visible(c))
    .map((c) => {
      const r = byId.get(c.id)!;
      return {
        cluster: toResultClusterRef(c),
        totalScore: r.total_score,
        score100: r.score_100,
        rank: r.rank,
        band: r.band,
        evaluatorCount: r.evaluator_count,
        comment: commentOf(r),
      };
    });
  return {
    round: toResultRoundRef(round),
    publishedAt: round.published_at,
    scale: parseRoundScale(round),
    bands: parseRoundBands(round),
    weightSet: toResultWeightSet(weightSet, weights, display),
    items: toResultItems(criteria),
    clusters: byRank(entries),
  };
}

/** A cluster's published results across rounds, newest fiscal year first. */
export async function getClusterEvaluations(
  ctx: ServiceContext,
  clusterKey: string,
): Promise<ClusterEvaluationsResponse> {
  requirePermission(ctx.actor, 'published:read');
  const cluster = await getVisibleCluster(ctx, clusterKey);
  const rows = await listClusterEvaluations(
    ctx.db,
    cluster.id,
    can(ctx.actor, 'round:read-unpublished') ? null : announcedBy(ctx),
  );
  const counts = await countRoundResults(
    ctx.db,
    rows.map((r) => r.round_id),
  );
  return {
    cluster: toResultClusterRef(cluster),
    items: rows.map((r) => ({
      round: {
        key: r.round_key,
        title: { ja: r.round_title_ja, en: r.round_title_en },
        kind: r.round_kind as ClusterEvaluationsResponse['items'][number]['round']['kind'],
        status: r.round_status as ClusterEvaluationsResponse['items'][number]['round']['status'],
        fiscalYear: r.round_fiscal_year,
        allocationFiscalYear: r.round_allocation_fiscal_year,
        announceOn: r.round_announce_on,
        publishedAt: r.round_published_at,
        isDemo: Number(r.round_is_demo) === 1,
      },
      clusterCount: counts.get(r.round_id) ?? 0,
      totalScore: r.total_score,
      score100: r.score_100,
      rank: r.rank,
      band: r.band,
      evaluatorCount: r.evaluator_count,
      comment: commentOf(r),
      weightSet: { id: r.weight_set_id, version: r.weight_set_version },
    })),
  };
}
