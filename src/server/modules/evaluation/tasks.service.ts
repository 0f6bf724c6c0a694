/**
 * The signed-in reader's tasks in the evaluation rounds open now, for the home page: headquarters
 * write and submit their cluster's self-evaluation, weighting members propose weights until a set
 * is locked, evaluators grade each clear assignment. Read-only; the pages the tasks link to do
 * the work and check everything again.
 */
import type { EvaluationTask, EvaluationTasksResponse } from '../../../contracts/evaluation-tasks';
import { RoundPhase, type RoundPhaseKey, RoundStatus } from '../../../contracts/evaluation-rounds';
import { headquartersClusterIds } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../http/app-error';
import { actorAccountId } from '../auth/authorize';
import { SelfEvaluationNarratives } from '../../../contracts/evaluation-self-evaluations';
import { listGradingTaskRows, listSelfEvaluationTaskRows, listWeightTaskRows } from './tasks.repo';

interface RoundColumns {
  round_key: string;
  round_title_ja: string;
  round_title_en: string;
  round_status: string;
  round_fiscal_year: number;
  criteria_json: string;
  phases_json: string;
}

function roundOf(row: RoundColumns): EvaluationTask['round'] {
  return {
    key: row.round_key,
    title: { ja: row.round_title_ja, en: row.round_title_en },
    status: RoundStatus.parse(row.round_status),
    fiscalYear: row.round_fiscal_year,
  };
}

function itemKeysOf(row: RoundColumns): string[] {
  const groups = JSON.parse(row.criteria_json) as { items: { key: string }[] }[];
  return groups.flatMap((g) => g.items.map((i) => i.key));
}

function dueOn(row: RoundColumns, phase: RoundPhaseKey): string | null {
  const phases = RoundPhase.array().parse(JSON.parse(row.phases_json));
  return phases.find((p) => p.phase === phase)?.to ?? null;
}

export async function listEvaluationTasks(ctx: ServiceContext): Promise<EvaluationTasksResponse> {
  const me = actorAccountId(ctx.actor);
  if (me === null) throw new AppError('UNAUTHENTICATED', 'Sign in to see your tasks');
  const [reports, weights, gradings] = await Promise.all([
    listSelfEvaluationTaskRows(ctx.db, headquartersClusterIds(ctx.actor)),
    listWeightTaskRows(ctx.db, me),
    listGradingTaskRows(ctx.db, me),
  ]);
  const tasks: EvaluationTask[] = [
    ...reports.map((r): EvaluationTask => {
      const items = itemKeysOf(r);
      const narratives = r.narratives_json
        ? SelfEvaluationNarratives.parse(JSON.parse(r.narratives_json))
        : {};
      const written = items.filter((k) => (narratives[k] ?? '').trim() !== '').length;
      return {
        round: roundOf(r),
        kind: 'self_evaluation',
        cluster: { key: r.cluster_key, name: { ja: r.cluster_name_ja, en: r.cluster_name_en } },
        state: r.report_status === 'submitted' ? 'done' : r.report_status ? 'in_progress' : 'to_do',
        progress: { done: written, of: items.length },
        dueOn: dueOn(r, 'self_evaluation'),
      };
    }),
    ...weights.map((r): EvaluationTask => ({
      round: roundOf(r),
      kind: 'weights',
      cluster: null,
      state: Number(r.proposed) ? 'done' : 'to_do',
      progress: null,
      dueOn: dueOn(r, 'weighting'),
    })),
    ...gradings.map((r): EvaluationTask => {
      const graded = Number(r.graded ?? 0);
      return {
        round: roundOf(r),
        kind: 'grading',
        cluster: { key: r.cluster_key, name: { ja: r.cluster_name_ja, en: r.cluster_name_en } },
        state: r.submitted_at ? 'done' : graded > 0 ? 'in_progress' : 'to_do',
        progress: { done: graded, of: itemKeysOf(r).length },
        dueOn: dueOn(r, 'grading'),
      };
    }),
  ];
  // What is left to do first, soonest due first; done tasks last.
  const rank = (t: EvaluationTask) => (t.state === 'done' ? 1 : 0);
  tasks.sort((a, b) => rank(a) - rank(b) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  return { items: tasks };
}
