/**
 * The evaluating group (評価グループ): each evaluator sets a grade of the round's scale on every
 * item of each cluster assigned to them, with a comment per item, while the round is grading (the
 * weights are locked by then), and submits once every item is graded; a submission is final. A
 * conflicted evaluator can neither read nor grade that cluster. Nobody sees another evaluator's
 * grades before the scoring phase, and then only after submitting their own (anonymised).
 */
import type {
  GradingProgressResponse,
  GradingView,
  MyGradingsResponse,
  SaveGradesBody,
} from '../../../contracts/evaluation-grading';
import { SaveGradesBody as SaveGradesSchema } from '../../../contracts/evaluation-grading';
import { defineGradeScale, evaluatorScore, isGradeOf, type WeightSet } from '../../../domain/evaluation';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import type { EvaluationRoundRow, RoundAssignmentRow } from './evaluation.table';
import { parseRoundCriteria, parseRoundScale, roundItemKeys } from './round.presenter';
import { listRoundClusters } from './round.repo';
import { loadManagedRound, loadReadableRound, validationFailed } from './round.service';
import { anonymousLabel, lockedWeightSet } from './weights.service';

const REVEALED = new Set(['scoring', 'published', 'closed']);

interface GradeRow {
  item_key: string;
  grade: string;
  comment: string | null;
}

async function gradesOf(db: Db, assignmentId: number): Promise<GradeRow[]> {
  return db
    .selectFrom('grades')
    .select(['item_key', 'grade', 'comment'])
    .where('assignment_id', '=', assignmentId)
    .execute();
}

/** The evaluator's own assignment to the round's cluster; refuses a conflicted or foreign pair. */
async function loadOwnAssignment(
  ctx: ServiceContext,
  row: EvaluationRoundRow,
  clusterKey: string,
): Promise<{
  assignment: RoundAssignmentRow;
  cluster: { id: number; key: string; name_ja: string; name_en: string };
}> {
  requirePermission(ctx.actor, 'grade:submit');
  const me = actorAccountId(ctx.actor)!;
  const cluster = await ctx.db
    .selectFrom('round_clusters')
    .innerJoin('clusters', 'clusters.id', 'round_clusters.cluster_id')
    .select(['clusters.id', 'clusters.key', 'clusters.name_ja', 'clusters.name_en'])
    .where('round_clusters.round_id', '=', row.id)
    .where('clusters.key', '=', clusterKey)
    .executeTakeFirst();
  if (!cluster) throw notFound(`cluster of round ${row.key}`, clusterKey);
  const assignment = await ctx.db
    .selectFrom('round_assignments')
    .selectAll()
    .where('round_id', '=', row.id)
    .where('cluster_id', '=', cluster.id)
    .where('evaluator_account_id', '=', me)
    .executeTakeFirst();
  if (!assignment)
    throw new AppError('FORBIDDEN', `You are not assigned to grade ${clusterKey} in round ${row.key}`);
  if (assignment.conflict_kind)
    throw new AppError(
      'CONFLICT_OF_INTEREST',
      `You have a conflict of interest with ${clusterKey} (${assignment.conflict_kind})`,
    );
  return { assignment, cluster };
}

function itemsOf(row: EvaluationRoundRow) {
  return parseRoundCriteria(row).flatMap((g) =>
    g.items.map((i) => ({ key: i.key, label: i.label, group: g.label, aspects: i.aspects })),
  );
}

export async function getGrading(ctx: ServiceContext, key: string, clusterKey: string): Promise<GradingView> {
  const row = await loadReadableRound(ctx, key);
  const { assignment, cluster } = await loadOwnAssignment(ctx, row, clusterKey);
  const items = roundItemKeys(row);
  const scaleSteps = parseRoundScale(row);
  const [own, locked] = await Promise.all([gradesOf(ctx.db, assignment.id), lockedWeightSet(ctx.db, row.id)]);
  const byItem = new Map(own.map((g) => [g.item_key, g]));
  let score: number | null = null;
  if (locked) {
    const result = evaluatorScore(
      items,
      JSON.parse(locked.weights_json) as WeightSet,
      defineGradeScale(scaleSteps),
      Object.fromEntries(own.map((g) => [g.item_key, g.grade])),
    );
    score = result.complete ? result.score : null;
  }
  let others: GradingView['others'] = [];
  if (REVEALED.has(row.status) && assignment.submitted_at) {
    const rows = await ctx.db
      .selectFrom('round_assignments')
      .select(['id', 'evaluator_account_id'])
      .where('round_id', '=', row.id)
      .where('cluster_id', '=', cluster.id)
      .where('conflict_kind', 'is', null)
      .where('submitted_at', 'is not', null)
      .where('id', '!=', assignment.id)
      .orderBy('evaluator_account_id')
      .execute();
    others = await Promise.all(
      rows.map(async (r, i) => {
        const g = new Map((await gradesOf(ctx.db, r.id)).map((x) => [x.item_key, x]));
        return {
          evaluator: anonymousLabel(i),
          grades: items.map((item) => ({
            item,
            grade: g.get(item)?.grade ?? null,
            comment: g.get(item)?.comment ?? null,
          })),
        };
      }),
    );
  }
  return {
    round: { key: row.key, status: row.status, title: { ja: row.title_ja, en: row.title_en } },
    cluster: { id: cluster.id, key: cluster.key, name: { ja: cluster.name_ja, en: cluster.name_en } },
    scale: scaleSteps,
    items: itemsOf(row),
    grades: items.map((item) => ({
      item,
      grade: byItem.get(item)?.grade ?? null,
      comment: byItem.get(item)?.comment ?? null,
    })),
    submittedAt: assignment.submitted_at,
    score,
    others,
    canEdit: row.status === 'grading' && assignment.submitted_at === null,
  };
}

function refuseUnlessGrading(row: EvaluationRoundRow, assignment: RoundAssignmentRow, field: string): void {
  if (row.status !== 'grading')
    throw new AppError(
      'WRONG_PHASE',
      `round ${row.key} is ${row.status}: grades are set while it is grading`,
      {
        errors: [{ field, message: `not while the round is ${row.status}` }],
      },
    );
  if (assignment.submitted_at)
    throw new AppError(
      'SUBMISSION_LOCKED',
      `you submitted this cluster's grades at ${assignment.submitted_at}`,
      {
        errors: [{ field, message: 'already submitted' }],
      },
    );
}

/** Saves some items' grades and comments (a draft); other items keep what they had. */
export async function saveGrades(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
  input: SaveGradesBody,
): Promise<GradingView> {
  const row = await loadReadableRound(ctx, key);
  const { assignment } = await loadOwnAssignment(ctx, row, clusterKey);
  refuseUnlessGrading(row, assignment, 'body.grades');
  // The status check above already implies locked weights (grading cannot open without them);
  // this guards rounds moved by hand in the database.
  if (!(await lockedWeightSet(ctx.db, row.id)))
    throw new AppError('WEIGHTS_NOT_LOCKED', `round ${key}'s weights are not locked`, {
      errors: [{ field: 'body.grades', message: 'grading waits for the locked weights' }],
    });
  const body = SaveGradesSchema.parse(input);
  const items = new Set(roundItemKeys(row));
  const scale = defineGradeScale(parseRoundScale(row));
  const errors: { field: string; message: string }[] = [];
  for (const [item, entry] of Object.entries(body.grades)) {
    if (!items.has(item))
      errors.push({ field: `body.grades.${item}`, message: `the round has no item ${item}` });
    else if (entry.grade !== null && !isGradeOf(scale, entry.grade))
      errors.push({
        field: `body.grades.${item}.grade`,
        message: `${JSON.stringify(entry.grade)} is not on the scale ${scale.steps.map((s) => s.grade).join('/')}`,
      });
    // A comment is stored with its grade; refusing keeps the text in the evaluator's form
    // instead of dropping it silently.
    else if (entry.grade === null && entry.comment !== null && entry.comment !== '')
      errors.push({
        field: `body.grades.${item}.grade`,
        message: 'a comment is kept with a grade: choose a grade for this item, or clear the comment',
      });
  }
  if (errors.length > 0) throw validationFailed(errors);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await gradesOf(trx, assignment.id);
    for (const [item, entry] of Object.entries(body.grades)) {
      await trx
        .deleteFrom('grades')
        .where('assignment_id', '=', assignment.id)
        .where('item_key', '=', item)
        .execute();
      if (entry.grade !== null)
        await trx
          .insertInto('grades')
          .values({
            assignment_id: assignment.id,
            item_key: item,
            grade: entry.grade,
            comment: entry.comment,
            updated_at: at,
          })
          .execute();
    }
    await audit(ctx, trx, {
      action: 'grades.save',
      entityType: 'round_assignment',
      entityId: assignment.id,
      before: Object.fromEntries(before.map((g) => [g.item_key, g.grade])),
      after: Object.fromEntries(Object.entries(body.grades).map(([k, v]) => [k, v.grade])),
    });
  });
  return getGrading(ctx, key, clusterKey);
}

/** Submits the cluster's grades: every item graded; final. */
export async function submitGrades(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
): Promise<GradingView> {
  const row = await loadReadableRound(ctx, key);
  const { assignment } = await loadOwnAssignment(ctx, row, clusterKey);
  refuseUnlessGrading(row, assignment, 'params.clusterKey');
  const graded = new Set((await gradesOf(ctx.db, assignment.id)).map((g) => g.item_key));
  const missing = roundItemKeys(row).filter((item) => !graded.has(item));
  if (missing.length > 0)
    throw validationFailed(
      missing.map((item) => ({ field: `body.grades.${item}.grade`, message: 'not graded yet' })),
    );
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('round_assignments')
      .set({ submitted_at: at })
      .where('id', '=', assignment.id)
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('SUBMISSION_LOCKED', 'already submitted', {
        errors: [{ field: 'params.clusterKey', message: 'already submitted' }],
      });
    await audit(ctx, trx, {
      action: 'grades.submit',
      entityType: 'round_assignment',
      entityId: assignment.id,
      after: { round: key, cluster: clusterKey, submittedAt: at },
    });
  });
  return getGrading(ctx, key, clusterKey);
}

/** The evaluator's clusters in the round, with how far each grading has come. */
export async function myGradings(ctx: ServiceContext, key: string): Promise<MyGradingsResponse> {
  requirePermission(ctx.actor, 'grade:submit');
  const row = await loadReadableRound(ctx, key);
  const me = actorAccountId(ctx.actor)!;
  const clusters = new Map((await listRoundClusters(ctx.db, row.id)).map((c) => [c.id, c]));
  const assignments = await ctx.db
    .selectFrom('round_assignments')
    .selectAll()
    .where('round_id', '=', row.id)
    .where('evaluator_account_id', '=', me)
    .where('conflict_kind', 'is', null)
    .execute();
  const counts = await gradeCounts(
    ctx.db,
    assignments.map((a) => a.id),
  );
  const itemCount = roundItemKeys(row).length;
  return {
    round: { key: row.key, status: row.status, title: { ja: row.title_ja, en: row.title_en } },
    items: assignments
      .map((a) => {
        const c = clusters.get(a.cluster_id)!;
        return {
          cluster: { id: c.id, key: c.key, name: { ja: c.name_ja, en: c.name_en } },
          graded: counts.get(a.id) ?? 0,
          itemCount,
          submittedAt: a.submitted_at,
        };
      })
      .sort((a, b) => a.cluster.key.localeCompare(b.cluster.key)),
  };
}

async function gradeCounts(db: Db, assignmentIds: number[]): Promise<Map<number, number>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('grades')
    .select((eb) => ['assignment_id', eb.fn.countAll().as('n')])
    .where('assignment_id', 'in', assignmentIds)
    .groupBy('assignment_id')
    .execute();
  return new Map(rows.map((r) => [r.assignment_id, Number(r.n)]));
}

/** The officers' board: every pair's progress (counts only; grades are read in the scores). */
export async function gradingProgress(ctx: ServiceContext, key: string): Promise<GradingProgressResponse> {
  const row = await loadManagedRound(ctx, key);
  const pairs = await ctx.db
    .selectFrom('round_assignments')
    .innerJoin('accounts', 'accounts.id', 'round_assignments.evaluator_account_id')
    .select([
      'round_assignments.id',
      'round_assignments.cluster_id',
      'round_assignments.evaluator_account_id',
      'round_assignments.conflict_kind',
      'round_assignments.submitted_at',
      'accounts.display_name',
    ])
    .where('round_assignments.round_id', '=', row.id)
    .orderBy('round_assignments.cluster_id')
    .orderBy('round_assignments.evaluator_account_id')
    .execute();
  const counts = await gradeCounts(
    ctx.db,
    pairs.map((p) => p.id),
  );
  return {
    itemCount: roundItemKeys(row).length,
    pairs: pairs.map((p) => ({
      clusterId: p.cluster_id,
      evaluatorId: p.evaluator_account_id,
      evaluator: p.display_name,
      conflicted: p.conflict_kind !== null,
      graded: counts.get(p.id) ?? 0,
      submittedAt: p.submitted_at,
    })),
  };
}
