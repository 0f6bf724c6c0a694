/**
 * A graded evaluation round for the results and allocation suites: opened, staffed, assigned and
 * moved through its phases through the API; the locked weight set and the grades (other slices'
 * APIs) are written straight into the database. Three items weighted 50/30/20 on S=4…C=1, so
 * every evaluator score is a short decimal that can be checked by hand.
 */
import type { HttpClient } from './http-client';
import { unique } from './factories';
import type { TestApp } from './test-app';

export const SCORED_CRITERIA = [
  {
    key: 'progress',
    label: { ja: '進捗', en: 'Progress' },
    items: [
      { key: 'progress.tech', label: { ja: '研究開発', en: 'Research' } },
      { key: 'progress.biz', label: { ja: '事業化', en: 'Business' } },
    ],
  },
  {
    key: 'plans',
    label: { ja: '計画', en: 'Plans' },
    items: [{ key: 'plans.future', label: { ja: '今後の計画', en: 'Future plans' } }],
  },
];
export const SCORED_ITEMS = ['progress.tech', 'progress.biz', 'plans.future'] as const;
export const SCORED_WEIGHTS: Record<string, number> = {
  'progress.tech': 50,
  'progress.biz': 30,
  'plans.future': 20,
};

/** One evaluator's grading of one cluster: three grades in item order. */
export interface GradingSpec {
  evaluator: number;
  grades: [string, string, string];
  /** Default true. */
  submitted?: boolean;
  conflict?: boolean;
}

export interface ScoredRoundSpec {
  /** Cluster key → gradings. */
  gradings: Record<string, GradingSpec[]>;
  /** Where to leave the round; default 'scoring'. */
  status?: 'grading' | 'scoring';
  allocationFiscalYear?: number;
}

export interface ScoredRound {
  key: string;
  id: number;
  clusterIds: Record<string, number>;
}

function expectOk(res: { status: number; body: unknown }, what: string, status = 200): void {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/** Builds the round and leaves it in the scoring (or grading) phase. */
export async function buildScoredRound(
  t: TestApp,
  officer: HttpClient,
  spec: ScoredRoundSpec,
): Promise<ScoredRound> {
  const clusterKeys = Object.keys(spec.gradings);
  const created = await officer.post('/api/v1/rounds', {
    key: `scored-${unique()}`,
    title: { ja: '平成16年度 中間評価（試験）', en: 'FY2004 intermediate evaluation (test)' },
    fiscalYear: 2004,
    ...(spec.allocationFiscalYear ? { allocationFiscalYear: spec.allocationFiscalYear } : {}),
    clusterKeys,
    criteria: SCORED_CRITERIA,
  });
  expectOk(created, 'creating the round', 201);
  const key = created.body.key as string;
  const clusterIds: Record<string, number> = Object.fromEntries(
    (created.body.clusters as { id: number; key: string }[]).map((c) => [c.key, c.id]),
  );
  const evaluators = [...new Set(Object.values(spec.gradings).flatMap((g) => g.map((x) => x.evaluator)))];
  for (const id of evaluators)
    expectOk(
      await officer.post(`/api/v1/rounds/${key}/members`, { accountId: id, role: 'evaluator' }),
      'adding an evaluator',
    );
  const pairs = clusterKeys.flatMap((c) =>
    spec.gradings[c]!.map((g) => ({ clusterId: clusterIds[c]!, evaluatorId: g.evaluator })),
  );
  expectOk(await officer.post(`/api/v1/rounds/${key}/assignments`, { pairs }), 'assigning');
  for (const c of clusterKeys)
    for (const g of spec.gradings[c]!.filter((x) => x.conflict))
      expectOk(
        await officer.put(`/api/v1/rounds/${key}/conflicts`, {
          clusterId: clusterIds[c],
          evaluatorId: g.evaluator,
          kind: 'personal',
          note: 'Adviser to the cluster',
        }),
        'recording a conflict',
      );

  const db = t.database.db;
  const round = await db
    .selectFrom('evaluation_rounds')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  let version = round.version;
  const move = async (status: string) => {
    const res = await officer.post(`/api/v1/rounds/${key}/status`, { status, version });
    expectOk(res, `moving to ${status}`);
    version = res.body.version as number;
  };
  await move('self_evaluation');
  await move('weighting');
  const at = new Date().toISOString();
  await db
    .insertInto('weight_sets')
    .values({
      round_id: round.id,
      version: 1,
      weights_json: JSON.stringify(SCORED_WEIGHTS),
      method: 'mean',
      reason: null,
      member_count: 3,
      created_by: null,
      created_at: at,
      locked_at: at,
      locked_by: null,
    })
    .execute();
  await move('grading');

  const assignments = await db
    .selectFrom('round_assignments')
    .select(['id', 'cluster_id', 'evaluator_account_id'])
    .where('round_id', '=', round.id)
    .execute();
  for (const c of clusterKeys)
    for (const g of spec.gradings[c]!) {
      const assignment = assignments.find(
        (a) => a.cluster_id === clusterIds[c] && a.evaluator_account_id === g.evaluator,
      )!;
      await db
        .insertInto('grades')
        .values(
          SCORED_ITEMS.map((item, i) => ({
            assignment_id: assignment.id,
            item_key: item,
            grade: g.grades[i]!,
            comment: null,
            updated_at: at,
          })),
        )
        .execute();
      if (g.submitted !== false)
        await db
          .updateTable('round_assignments')
          .set({ submitted_at: at })
          .where('id', '=', assignment.id)
          .execute();
    }
  if ((spec.status ?? 'scoring') === 'scoring') await move('scoring');
  return { key, id: round.id, clusterIds };
}

/**
 * The suites' hand-computed round (weights 50/30/20, S=4…C=1; evaluator score = Σ w·p / 100):
 *
 *   sapporo    E1 S S A 3.8 · E2 S S B 3.6 · E3 S A S 3.7          → 3.7  rank 1, band S, 90 on 100
 *   sendai     E1 A A A 3.0 · E2 S B S 3.4 · E3 C C C (conflicted) → 3.2  rank 2 (shared), band A
 *   nagano     E1 A A A 3.0 · E2 A S A 3.3 · E3 S A B 3.3          → 3.2  rank 2 (shared), band A
 *   hamamatsu  E1 B B B 2.0 · E2 B C A 1.9 · E3 B A C 2.1          → 2.0  rank 4, band B
 *
 * E3's grades on sendai are submitted but excluded by the conflict (with them sendai would be 2.47).
 */
export function handComputedGradings(e1: number, e2: number, e3: number): ScoredRoundSpec['gradings'] {
  return {
    sapporo: [
      { evaluator: e1, grades: ['S', 'S', 'A'] },
      { evaluator: e2, grades: ['S', 'S', 'B'] },
      { evaluator: e3, grades: ['S', 'A', 'S'] },
    ],
    sendai: [
      { evaluator: e1, grades: ['A', 'A', 'A'] },
      { evaluator: e2, grades: ['S', 'B', 'S'] },
      { evaluator: e3, grades: ['C', 'C', 'C'], conflict: true },
    ],
    nagano: [
      { evaluator: e1, grades: ['A', 'A', 'A'] },
      { evaluator: e2, grades: ['A', 'S', 'A'] },
      { evaluator: e3, grades: ['S', 'A', 'B'] },
    ],
    hamamatsu: [
      { evaluator: e1, grades: ['B', 'B', 'B'] },
      { evaluator: e2, grades: ['B', 'C', 'A'] },
      { evaluator: e3, grades: ['B', 'A', 'C'] },
    ],
  };
}
